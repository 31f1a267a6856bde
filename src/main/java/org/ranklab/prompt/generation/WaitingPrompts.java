package org.ranklab.prompt.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.prompt.ChatMessage;
import org.ranklab.prompt.Conversations;
import org.ranklab.prompt.PromptsReady;

/**
 * Prompts waiting for generated candidates ({@code ready_at IS NULL} and no candidates),
 * and storing what was generated for them.
 */
@Repository
class WaitingPrompts {

	private static final String WAITING = """
			p.project_id = ? AND p.ready_at IS NULL
			AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.prompt_id = p.id)""";

	/**
	 * A waiting prompt as the model is asked it: a conversation's messages as they are, a
	 * single text as the user's one message.
	 */
	record Prompt(long id, List<ChatMessage> messages) {

		static Prompt of(long id, String text, String messages) {
			List<ChatMessage> conversation = Conversations.fromJson(messages);
			return new Prompt(id,
					conversation != null ? conversation : List.of(new ChatMessage(ChatMessage.USER, text)));
		}

	}

	/**
	 * The prompts a job works on: those waiting when it first started, up to the newest
	 * of them.
	 */
	record Scope(long prompts, long upToId) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	WaitingPrompts(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	long count(long projectId) {
		return jdbc.sql("SELECT count(*) FROM prompts p WHERE " + WAITING).param(projectId).query(Long.class).single();
	}

	Scope scope(long projectId) {
		return jdbc.sql("SELECT count(*), coalesce(max(p.id), 0) FROM prompts p WHERE " + WAITING)
			.param(projectId)
			.query((rs, row) -> new Scope(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	long count(long projectId, long upToId) {
		return jdbc.sql("SELECT count(*) FROM prompts p WHERE " + WAITING + " AND p.id <= ?")
			.params(projectId, upToId)
			.query(Long.class)
			.single();
	}

	/** The next waiting prompts after {@code afterId}, in id order. */
	List<Prompt> page(long projectId, long afterId, long upToId, int limit) {
		return jdbc
			.sql("SELECT p.id, p.text, p.messages::text FROM prompts p WHERE " + WAITING
					+ " AND p.id > ? AND p.id <= ? ORDER BY p.id LIMIT ?")
			.params(projectId, afterId, upToId, limit)
			.query((rs, row) -> Prompt.of(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/**
	 * Stores a prompt's candidates at positions 0..n-1, marks it ready and announces it
	 * ({@link PromptsReady}), all in one transaction; false (and nothing stored) when the
	 * prompt no longer waits, e.g. another job or an import filled it meanwhile.
	 */
	@Transactional
	boolean store(long promptId, List<Completion> candidates, GenerationSettings settings, long jobId) {
		Long projectId = jdbc.sql("""
				SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM candidates c WHERE c.prompt_id = p.id) THEN p.project_id END
				FROM prompts p WHERE p.id = ? AND p.ready_at IS NULL FOR UPDATE""")
			.param(promptId)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.optional()
			.orElse(null);
		if (projectId == null) {
			return false; // filled meanwhile, or no longer waiting
		}
		for (int position = 0; position < candidates.size(); position++) {
			Completion candidate = candidates.get(position);
			jdbc.sql("INSERT INTO candidates (prompt_id, position, text, model, meta) VALUES (?, ?, ?, ?, ?::jsonb)")
				.params(promptId, position, candidate.text(), settings.model(),
						json.writeValueAsString(provenance(candidate, settings, jobId)))
				.update();
		}
		jdbc.sql("UPDATE prompts SET ready_at = now() WHERE id = ?").param(promptId).update();
		events.publishEvent(new PromptsReady(projectId, List.of(promptId)));
		return true;
	}

	private static Map<String, Object> provenance(Completion candidate, GenerationSettings settings, long jobId) {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("source", "generation");
		meta.put("generation_job_id", Long.toString(jobId));
		meta.put("temperature", settings.temperature());
		meta.put("max_tokens", settings.maxTokens());
		meta.put("finish_reason", candidate.finishReason());
		if (candidate.servedModel() != null && !candidate.servedModel().equals(settings.model())) {
			meta.put("served_model", candidate.servedModel());
		}
		return meta;
	}

}
