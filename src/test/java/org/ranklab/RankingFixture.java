package org.ranklab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Prompts written into the database as the import stores them, and rankings submitted
 * through the real labeling API ({@code tasks/next}, then {@code ranking} or
 * {@code skip}), following a plan per prompt.
 */
public final class RankingFixture {

	private final ApiClient api;

	private final JdbcClient jdbc;

	private final Map<String, ApiClient.Credentials> tokens = new java.util.HashMap<>();

	public RankingFixture(ApiClient api, JdbcClient jdbc) {
		this.api = api;
		this.jdbc = jdbc;
	}

	/** A stored prompt and its candidates' ids by text. */
	public record StoredPrompt(long id, String text, Map<String, Long> candidates) {

		public long id(String candidateText) {
			Long id = candidates.get(candidateText);
			if (id == null) {
				throw new IllegalArgumentException("no candidate " + candidateText);
			}
			return id;
		}

	}

	public StoredPrompt prompt(long projectId, String text, String... candidateTexts) {
		long promptId = jdbc.sql("INSERT INTO prompts (project_id, text, ready_at) VALUES (?, ?, now()) RETURNING id")
			.params(projectId, text)
			.query(Long.class)
			.single();
		jdbc.sql("INSERT INTO prompt_slots (prompt_id, project_id) VALUES (?, ?)").params(promptId, projectId).update();
		Map<String, Long> candidates = new LinkedHashMap<>();
		for (int position = 0; position < candidateTexts.length; position++) {
			candidates.put(candidateTexts[position],
					jdbc.sql("INSERT INTO candidates (prompt_id, position, text) VALUES (?, ?, ?) RETURNING id")
						.params(promptId, position, candidateTexts[position])
						.query(Long.class)
						.single());
		}
		return new StoredPrompt(promptId, text, candidates);
	}

	/**
	 * Imports NDJSON records through the API, as an admin would, and returns every prompt
	 * of the project by text.
	 */
	public Map<String, StoredPrompt> importPrompts(long projectId, ApiClient.Credentials admin, String ndjson) {
		api.send("POST", "/api/v1/projects/" + projectId + "/prompts", admin, "application/x-ndjson", ndjson)
			.expectStatus(201);
		return promptsOf(projectId);
	}

	/** Every prompt of the project with its candidates, by text. */
	public Map<String, StoredPrompt> promptsOf(long projectId) {
		Map<String, StoredPrompt> prompts = new LinkedHashMap<>();
		Map<Long, StoredPrompt> byId = new java.util.HashMap<>();
		jdbc.sql("SELECT id, text FROM prompts WHERE project_id = ? ORDER BY id")
			.param(projectId)
			.query((row, n) -> new StoredPrompt(row.getLong(1), row.getString(2), new LinkedHashMap<>()))
			.list()
			.forEach(prompt -> {
				prompts.put(prompt.text(), prompt);
				byId.put(prompt.id(), prompt);
			});
		jdbc.sql("""
				SELECT c.prompt_id, c.id, c.text FROM candidates c JOIN prompts p ON p.id = c.prompt_id
				WHERE p.project_id = ? ORDER BY c.prompt_id, c.position""").param(projectId).query(row -> {
			byId.get(row.getLong(1)).candidates().put(row.getString(3), row.getLong(2));
		});
		return prompts;
	}

	/**
	 * Takes tasks until none is left and answers each by the plan for its prompt:
	 * {@code "A > B = C > D"} (tiers of candidate texts, best first, {@code =} ties),
	 * {@code "skip"} or {@code "not rankable"}.
	 */
	public void label(long projectId, ApiClient.Credentials basic, Map<StoredPrompt, String> plan) {
		ApiClient.Credentials labeler = token(basic);
		Map<Long, StoredPrompt> byId = plan.keySet()
			.stream()
			.collect(Collectors.toMap(StoredPrompt::id, prompt -> prompt));
		for (int task = 0; task < 100; task++) {
			ApiClient.Response next = api.post("/api/v1/projects/" + projectId + "/tasks/next", labeler, null);
			if (next.status() == 204) {
				return;
			}
			JsonNode leased = next.expectStatus(200).json();
			StoredPrompt prompt = byId.get(Long.parseLong(leased.at("/prompt/id").asString()));
			String assignment = "/api/v1/assignments/" + leased.path("assignment_id").asString();
			String answer = prompt == null ? "skip" : plan.get(prompt);
			switch (answer) {
				case "skip" -> api.post(assignment + "/skip", labeler, null).expectStatus(204);
				case "not rankable" ->
					api.post(assignment + "/ranking", labeler, "{\"not_rankable\":true}").expectStatus(201);
				default -> api.post(assignment + "/ranking", labeler, "{\"ranking\":" + tiersJson(prompt, answer) + "}")
					.expectStatus(201);
			}
		}
		throw new IllegalStateException("more than 100 tasks");
	}

	/**
	 * A personal access token for the user, made once: the tests send many calls, and a
	 * token is checked with one SHA-256 where a password costs a BCrypt round each time.
	 */
	public ApiClient.Credentials token(ApiClient.Credentials basic) {
		return tokens.computeIfAbsent(basic.header(),
				header -> ApiClient.bearer(api.post("/api/v1/tokens", basic, "{\"name\":\"export tests\"}")
					.expectStatus(201)
					.json()
					.path("token")
					.asString()));
	}

	public static String tiersJson(StoredPrompt prompt, String plan) {
		List<String> tiers = new ArrayList<>();
		for (String tier : plan.split(">")) {
			tiers.add(Arrays.stream(tier.split("="))
				.map(text -> "\"" + prompt.id(text.strip()) + "\"")
				.collect(Collectors.joining(",", "[", "]")));
		}
		return tiers.stream().collect(Collectors.joining(",", "[", "]"));
	}

	public String pseudonym(ApiClient.Credentials labeler) {
		String pair = new String(java.util.Base64.getDecoder().decode(labeler.header().substring(6)));
		return jdbc
			.sql("SELECT l.pseudonym::text FROM labelers l JOIN users u ON u.id = l.user_id WHERE u.username = ?")
			.params(pair.substring(0, pair.indexOf(':')))
			.query(String.class)
			.single();
	}

	/**
	 * The database's clock: rankings submitted after this call are created after the
	 * returned instant.
	 */
	public java.time.Instant now() {
		return jdbc.sql("SELECT clock_timestamp()").query(java.time.OffsetDateTime.class).single().toInstant();
	}

	/**
	 * Two prompts ranked by three labelers. France: the first ranks it fully, the second
	 * ties Lyon and Nice, the third puts Lyon first. Greeting: the first calls it not
	 * rankable, the second ranks it, the third skips it.
	 */
	public void franceAndGreeting(long projectId, ApiClient.Credentials first, ApiClient.Credentials second,
			ApiClient.Credentials third) {
		StoredPrompt france = prompt(projectId, "Capital of France?", "Paris", "Lyon", "Nice", "Lille");
		StoredPrompt greeting = prompt(projectId, "Say hi", "Hi", "Hello", "Hey", "Yo");
		label(projectId, first, plan(france, "Paris > Lyon > Nice > Lille", greeting, "not rankable"));
		label(projectId, second, plan(france, "Paris > Lyon = Nice > Lille", greeting, "Hi > Hello > Hey > Yo"));
		label(projectId, third, plan(france, "Lyon > Paris > Nice > Lille", greeting, "skip"));
	}

	/**
	 * NDJSON of {@code count} regular prompts "filler 0", "filler 1", ... with candidates
	 * A to D. A labeler who skips them all (they are in no plan) is handed, at gold rate
	 * 0.5, every one of a few gold prompts before the fillers run out, but for a chance
	 * of about {@code count * 2^-count}: gold prompts come only while regular work is
	 * left.
	 */
	public static String fillers(int count) {
		StringBuilder records = new StringBuilder();
		for (int i = 0; i < count; i++) {
			records.append("{\"prompt\":\"filler %d\",\"candidates\":[\"A\",\"B\",\"C\",\"D\"]}\n".formatted(i));
		}
		return records.toString();
	}

	/**
	 * Prompts and their answers, in turn:
	 * {@code plan(france, "A > B", greeting, "skip")}.
	 */
	public static Map<StoredPrompt, String> plan(Object... promptsAndAnswers) {
		Map<StoredPrompt, String> plan = new LinkedHashMap<>();
		for (int i = 0; i < promptsAndAnswers.length; i += 2) {
			plan.put((StoredPrompt) promptsAndAnswers[i], (String) promptsAndAnswers[i + 1]);
		}
		return plan;
	}

}
