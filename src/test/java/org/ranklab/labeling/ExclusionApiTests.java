package org.ranklab.labeling;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ranklab.RankingFixture.plan;

class ExclusionApiTests extends IntegrationTest {

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	@Test
	void excludingALabelerReopensTheirPromptsForOthersAndIncludingRestoresThem() {
		long project = newProject("{\"name\":\"Exclusion\",\"rankings_per_prompt\":1}");
		StoredPrompt first = fixture.prompt(project, "First", "A", "B", "C", "D");
		StoredPrompt second = fixture.prompt(project, "Second", "A", "B", "C", "D");
		Credentials cheat = newLabeler();
		Credentials honest = newLabeler();
		fixture.label(project, cheat, plan(first, "D > C > B > A", second, "D > C > B > A"));
		assertThat(progress(project).path("prompts_complete").asLong()).isEqualTo(2);
		String pseudonym = fixture.pseudonym(cheat);

		JsonNode exclusion = exclude(project, pseudonym, "ranks every answer backwards").expectStatus(200).json();

		assertThat(exclusion.path("labeler").asString()).isEqualTo(pseudonym);
		assertThat(exclusion.path("reason").asString()).isEqualTo("ranks every answer backwards");
		assertThat(exclusion.path("excluded_at").asString()).endsWith("Z");
		assertThat(progress(project).path("prompts_complete").asLong()).isZero();
		assertThat(progress(project).path("rankings").asLong()).isZero();
		// Their rankings stay stored.
		assertThat(jdbc.sql("SELECT count(*) FROM rankings WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isEqualTo(2);
		fixture.label(project, honest, plan(first, "A > B > C > D", second, "A > B > C > D"));
		assertThat(progress(project).path("prompts_complete").asLong()).isEqualTo(2);
		assertThat(progress(project).path("rankings").asLong()).isEqualTo(2);
		assertThat(labelersOf(export(project, ""))).containsOnly(fixture.pseudonym(honest));

		api.delete("/api/v1/projects/" + project + "/exclusions/" + pseudonym, adminToken).expectStatus(204);

		// Two rankings each where one was asked for: complete, nothing handed out again.
		assertThat(progress(project).path("prompts_complete").asLong()).isEqualTo(2);
		assertThat(progress(project).path("rankings").asLong()).isEqualTo(4);
		assertThat(jdbc.sql("SELECT rankings FROM prompt_slots WHERE project_id = ?")
			.param(project)
			.query(Integer.class)
			.list()).containsOnly(2);
		assertThat(labelersOf(export(project, ""))).containsExactlyInAnyOrder(pseudonym, pseudonym,
				fixture.pseudonym(honest), fixture.pseudonym(honest));
	}

	@Test
	void excludedLabelerGetsNoMoreTasksAndTheirOpenLeaseIsReleased() {
		long project = newProject("{\"name\":\"No more tasks\",\"rankings_per_prompt\":1}");
		StoredPrompt ranked = fixture.prompt(project, "Ranked", "A", "B", "C", "D");
		StoredPrompt leased = fixture.prompt(project, "Leased", "A", "B", "C", "D");
		fixture.prompt(project, "Untouched", "A", "B", "C", "D");
		Credentials basic = newLabeler();
		Credentials labeler = fixture.token(basic);
		// Prompts go out oldest first: the labeler ranks the first and keeps a lease on
		// the
		// second.
		JsonNode first = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null)
			.expectStatus(200)
			.json();
		assertThat(first.at("/prompt/id").asString()).isEqualTo(Long.toString(ranked.id()));
		api.post("/api/v1/assignments/" + first.path("assignment_id").asString() + "/ranking", labeler,
				rankingAsShown(first))
			.expectStatus(201);
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(leased.id()));
		String pseudonym = fixture.pseudonym(basic);

		exclude(project, pseudonym, "copies answers").expectStatus(200);

		assertThat(jdbc.sql("SELECT status FROM assignments WHERE id = ?")
			.param(Long.parseLong(task.path("assignment_id").asString()))
			.query(String.class)
			.single()).isEqualTo("EXPIRED");
		api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(204);
		// A ranking sent for the released lease is stored but counts nowhere.
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				rankingAsShown(task))
			.expectStatus(201);
		assertThat(jdbc.sql("SELECT sum(rankings) FROM prompt_slots WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isZero();
		assertThat(lines(export(project, ""))).isEmpty();
		assertThat(labelersOf(export(project, "?include_excluded=true"))).hasSize(2).containsOnly(pseudonym);
		// Others get every prompt, the leased one too.
		Credentials other = newLabeler();
		fixture.label(project, other, plan(ranked, "A > B > C > D", leased, "A > B > C > D"));
		assertThat(progress(project).path("prompts_complete").asLong()).isEqualTo(2);
	}

	@Test
	void everyExclusionAndInclusionIsInTheAuditLog() {
		long project = newProject("{\"name\":\"Audited\"}");
		StoredPrompt prompt = fixture.prompt(project, "Any", "A", "B", "C", "D");
		Credentials labeler = newLabeler();
		fixture.label(project, labeler, plan(prompt, "skip"));
		String pseudonym = fixture.pseudonym(labeler);

		exclude(project, pseudonym, "too fast").expectStatus(200);
		exclude(project, pseudonym, "too fast").expectStatus(200);
		exclude(project, pseudonym, "far too fast").expectStatus(200);
		api.delete("/api/v1/projects/" + project + "/exclusions/" + pseudonym, adminToken).expectStatus(204);
		api.delete("/api/v1/projects/" + project + "/exclusions/" + pseudonym, adminToken).expectStatus(204);

		List<JsonNode> entries = api.get("/api/v1/audit-log?project_id=" + project, adminToken)
			.expectStatus(200)
			.json()
			.valueStream()
			.filter(entry -> entry.path("subject_type").asString().equals("labeler"))
			.toList();
		// Newest first; saying the same again changed nothing and is not logged.
		assertThat(entries).extracting(entry -> entry.path("action").asString())
			.containsExactly("labeler.included", "labeler.excluded", "labeler.excluded");
		assertThat(entries).allSatisfy(entry -> {
			assertThat(entry.path("subject_id").asString()).isEqualTo(pseudonym);
			assertThat(entry.path("project_id").asString()).isEqualTo(Long.toString(project));
			assertThat(entry.path("actor").asString()).isEqualTo(ADMIN);
		});
		assertThat(entries.get(2).path("before")).isEqualTo(json(Map.of("excluded", false)));
		assertThat(entries.get(2).path("after")).isEqualTo(json(Map.of("excluded", true, "reason", "too fast")));
		assertThat(entries.get(1).path("after")).isEqualTo(json(Map.of("excluded", true, "reason", "far too fast")));
		assertThat(entries.get(0).path("before")).isEqualTo(json(Map.of("excluded", true, "reason", "far too fast")));
		assertThat(entries.get(0).path("after")).isEqualTo(json(Map.of("excluded", false)));
	}

	@Test
	void aReasonIsRequired() {
		long project = newProject("{\"name\":\"Reasons\"}");
		StoredPrompt prompt = fixture.prompt(project, "Any", "A", "B", "C", "D");
		Credentials labeler = newLabeler();
		fixture.label(project, labeler, plan(prompt, "skip"));
		String path = "/api/v1/projects/" + project + "/exclusions/" + fixture.pseudonym(labeler);

		for (String body : new String[] { null, "{}", "{\"reason\":\"  \"}",
				"{\"reason\":\"" + "x".repeat(1001) + "\"}" }) {
			JsonNode problem = api.send("PUT", path, adminToken, body == null ? null : "application/json", body)
				.expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).as(body).isEqualTo("reason");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM labeler_exclusions WHERE project_id = ?")
			.param(project)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void unknownLabelerOrProjectIsNotFound() {
		long project = newProject("{\"name\":\"Unknown labeler\"}");
		StoredPrompt prompt = fixture.prompt(project, "Any", "A", "B", "C", "D");
		Credentials labeler = newLabeler();
		fixture.label(project, labeler, plan(prompt, "skip"));

		exclude(project, "00000000-0000-0000-0000-000000000000", "nobody").expectProblem(404);
		exclude(project, "not-a-pseudonym", "nobody").expectProblem(404);
		api.delete("/api/v1/projects/" + project + "/exclusions/not-a-pseudonym", adminToken).expectProblem(404);
		exclude(Long.MAX_VALUE, fixture.pseudonym(labeler), "nowhere").expectProblem(404);
	}

	private ApiClient.Response exclude(long project, String labeler, String reason) {
		return api.put("/api/v1/projects/" + project + "/exclusions/" + labeler, adminToken,
				"{\"reason\":\"" + reason + "\"}");
	}

	/** The task's candidates ranked in the order shown. */
	private static String rankingAsShown(JsonNode task) {
		return task.path("candidates")
			.valueStream()
			.map(c -> "[\"" + c.path("id").asString() + "\"]")
			.collect(java.util.stream.Collectors.joining(",", "{\"ranking\":[", "]}"));
	}

	private JsonNode progress(long project) {
		return api.get("/api/v1/projects/" + project, adminToken).expectStatus(200).json().path("progress");
	}

	private String export(long project, String query) {
		return api.get("/api/v1/projects/" + project + "/export/rankings" + query, adminToken).expectStatus(200).body();
	}

	private static List<String> lines(String ndjson) {
		return ndjson.lines().filter(line -> !line.isBlank()).toList();
	}

	private List<String> labelersOf(String ndjson) {
		return lines(ndjson).stream().map(line -> json(line).path("labeler").asString()).toList();
	}

	private static JsonNode json(Object value) {
		var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
		return value instanceof String text ? mapper.readTree(text) : mapper.valueToTree(value);
	}

}
