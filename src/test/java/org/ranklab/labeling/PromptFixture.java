package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.prompt.ChatMessage;
import org.ranklab.prompt.Conversations;

/**
 * Ready prompts with candidates written straight into the database, with the slot
 * labeling opens when the import announces them, so that labeling tests do not depend on
 * the import endpoint.
 */
final class PromptFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	PromptFixture(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record StoredPrompt(long id, List<Long> candidates) {

		String candidate(int position) {
			return Long.toString(candidates.get(position));
		}

	}

	StoredPrompt readyPrompt(long projectId, String text, String... candidateTexts) {
		long promptId = jdbc.sql("INSERT INTO prompts (project_id, text, ready_at) VALUES (?, ?, now()) RETURNING id")
			.params(projectId, text)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO prompt_slots (prompt_id, project_id) VALUES (?, ?)").params(promptId, projectId).update();
		List<Long> candidates = new ArrayList<>();
		for (int position = 0; position < candidateTexts.length; position++) {
			candidates.add(jdbc.sql("INSERT INTO candidates (prompt_id, position, text) VALUES (?, ?, ?) RETURNING id")
				.params(promptId, position, candidateTexts[position])
				.query(Long.class)
				.single());
		}
		return new StoredPrompt(promptId, candidates);
	}

	/**
	 * A ready conversation prompt, as the import stores one: the turns and their
	 * flattening.
	 * @param turns role and content, one after the other
	 */
	StoredPrompt readyConversation(long projectId, List<String> turns, String... candidateTexts) {
		List<ChatMessage> messages = new ArrayList<>();
		for (int i = 0; i < turns.size(); i += 2) {
			messages.add(new ChatMessage(turns.get(i), turns.get(i + 1)));
		}
		StoredPrompt prompt = readyPrompt(projectId, Conversations.flatten(messages), candidateTexts);
		jdbc.sql("UPDATE prompts SET messages = ?::jsonb WHERE id = ?")
			.params(JSON.writeValueAsString(messages), prompt.id())
			.update();
		return prompt;
	}

	/** A ready prompt with {@code count} numbered candidates. */
	StoredPrompt readyPrompt(long projectId, int count) {
		String[] texts = new String[count];
		for (int i = 0; i < count; i++) {
			texts[i] = "Answer " + (i + 1);
		}
		return readyPrompt(projectId, "Question " + System.nanoTime(), texts);
	}

	/** A prompt still waiting for generated candidates. */
	long waitingPrompt(long projectId) {
		return jdbc.sql("INSERT INTO prompts (project_id, text) VALUES (?, 'Waiting for candidates') RETURNING id")
			.params(projectId)
			.query(Long.class)
			.single();
	}

	/** Moves a lease's end into the past, as if its time had run out. */
	void expireLease(String assignmentId) {
		jdbc.sql(
				"""
						UPDATE assignments SET leased_at = now() - interval '2 hours', lease_expires_at = now() - interval '1 second'
						WHERE id = ?""")
			.params(Long.parseLong(assignmentId))
			.update();
	}

}
