package org.ranklab.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

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

class ExportApiTests extends IntegrationTest {

	private static final List<String> EXPORTS = List.of("export/rankings", "export/pairs",
			"export/pairs?source=consensus", "export/consensus", "export/best");

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	/**
	 * Two prompts, three labelers. France: the first ranks it fully, the second ties Lyon
	 * and Nice, the third puts Lyon first. Greeting: the first calls it not rankable, the
	 * second ranks it, the third skips it.
	 */
	private record HandMade(long project, StoredPrompt france, StoredPrompt greeting, Credentials first,
			Credentials second, Credentials third) {
	}

	private HandMade handMadeProject() {
		long project = newProject("{\"name\":\"Exports: «hand made»\",\"rankings_per_prompt\":3}");
		StoredPrompt france = fixture.prompt(project, "Capital of \"France\"? «é»", "Paris", "Lyon", "Nice",
				"Lille\n(north)");
		StoredPrompt greeting = fixture.prompt(project, "Say hi", "Hi", "Hello", "Hey", "Yo");
		HandMade made = new HandMade(project, france, greeting, newLabeler(), newLabeler(), newLabeler());
		fixture.label(project, made.first(),
				plan(france, "Paris > Lyon > Nice > Lille\n(north)", greeting, "not rankable"));
		fixture.label(project, made.second(),
				plan(france, "Paris > Lyon = Nice > Lille\n(north)", greeting, "Hi > Hello > Hey > Yo"));
		fixture.label(project, made.third(), plan(france, "Lyon > Paris > Nice > Lille\n(north)", greeting, "skip"));
		return made;
	}

	@Test
	void pairsExportHasEveryOrderedPairOfEachRankingAndNoneForTiesOrNotRankable() {
		HandMade made = handMadeProject();
		StoredPrompt france = made.france();
		StoredPrompt greeting = made.greeting();
		String lille = "Lille\n(north)";

		List<String> lines = lines(api.get(export(made.project(), "export/pairs"), adminToken).expectStatus(200));

		List<String> expected = new ArrayList<>();
		// First labeler: a full ranking of four gives six pairs.
		expected.addAll(pairs(france, "Paris", "Lyon", "Paris", "Nice", "Paris", lille, "Lyon", "Nice", "Lyon", lille,
				"Nice", lille));
		// Second labeler: Lyon and Nice tied, so no pair between them.
		expected.addAll(pairs(france, "Paris", "Lyon", "Paris", "Nice", "Paris", lille, "Lyon", lille, "Nice", lille));
		expected.addAll(pairs(france, "Lyon", "Paris", "Lyon", "Nice", "Lyon", lille, "Paris", "Nice", "Paris", lille,
				"Nice", lille));
		// Greeting: the not-rankable verdict gives nothing, the skip is no ranking.
		expected.addAll(
				pairs(greeting, "Hi", "Hello", "Hi", "Hey", "Hi", "Yo", "Hello", "Hey", "Hello", "Yo", "Hey", "Yo"));
		assertThat(lines).containsExactlyElementsOf(expected);
		assertThat(api.get(export(made.project(), "export/pairs?source=rankings"), adminToken).body())
			.isEqualTo(String.join("\n", expected) + "\n");
	}

	@Test
	void consensusExportMergesEachPromptsRankingsWithTheirAgreement() {
		HandMade made = handMadeProject();
		StoredPrompt france = made.france();
		StoredPrompt greeting = made.greeting();

		List<String> lines = lines(api.get(export(made.project(), "export/consensus"), adminToken).expectStatus(200));

		// Pairs of rankings agree on 5, 5 and 4 of their 6 candidate pairs.
		double agreement = (5.0 / 6 + 5.0 / 6 + 4.0 / 6) / 3;
		assertThat(lines).containsExactly(
				"{\"prompt_id\":\"%d\",\"ranking\":[[\"%d\"],[\"%d\"],[\"%d\"],[\"%d\"]],\"rankings\":3,\"agreement\":%s}"
					.formatted(france.id(), france.id("Paris"), france.id("Lyon"), france.id("Nice"),
							france.id("Lille\n(north)"), agreement),
				"{\"prompt_id\":\"%d\",\"ranking\":[[\"%d\"],[\"%d\"],[\"%d\"],[\"%d\"]],\"rankings\":1,\"agreement\":null}"
					.formatted(greeting.id(), greeting.id("Hi"), greeting.id("Hello"), greeting.id("Hey"),
							greeting.id("Yo")));
	}

	@Test
	void consensusPairsAreThePairsOfEachConsensusRanking() {
		HandMade made = handMadeProject();
		StoredPrompt france = made.france();
		String lille = "Lille\n(north)";

		List<String> lines = lines(
				api.get(export(made.project(), "export/pairs?source=consensus"), adminToken).expectStatus(200));

		List<String> expected = new ArrayList<>(pairs(france, "Paris", "Lyon", "Paris", "Nice", "Paris", lille, "Lyon",
				"Nice", "Lyon", lille, "Nice", lille));
		expected.addAll(pairs(made.greeting(), "Hi", "Hello", "Hi", "Hey", "Hi", "Yo", "Hello", "Hey", "Hello", "Yo",
				"Hey", "Yo"));
		assertThat(lines).containsExactlyElementsOf(expected);
	}

	@Test
	void bestExportTakesTheTopOfEachConsensus() {
		HandMade made = handMadeProject();

		List<String> lines = lines(api.get(export(made.project(), "export/best"), adminToken).expectStatus(200));

		assertThat(lines).containsExactly(best(made.france(), "Paris"), best(made.greeting(), "Hi"));
	}

	@Test
	void bestBreaksATieAtTheTopForTheCandidateStoredFirst() {
		long project = newProject("{\"name\":\"Tied at the top\",\"rankings_per_prompt\":2}");
		StoredPrompt prompt = fixture.prompt(project, "Pick one", "Alpha", "Beta", "Gamma", "Delta");
		fixture.label(project, newLabeler(), plan(prompt, "Gamma > Beta > Alpha > Delta"));
		fixture.label(project, newLabeler(), plan(prompt, "Beta > Gamma > Alpha > Delta"));

		List<String> consensus = lines(api.get(export(project, "export/consensus"), adminToken).expectStatus(200));
		List<String> best = lines(api.get(export(project, "export/best"), adminToken).expectStatus(200));

		assertThat(consensus).singleElement()
			.asString()
			.contains("\"ranking\":[[\"%d\",\"%d\"],[\"%d\"],[\"%d\"]]".formatted(prompt.id("Beta"), prompt.id("Gamma"),
					prompt.id("Alpha"), prompt.id("Delta")));
		assertThat(best).containsExactly(best(prompt, "Beta"));
	}

	@Test
	void allTiedRankingGivesNoPairs() {
		long project = newProject("{\"name\":\"All tied\",\"rankings_per_prompt\":1}");
		StoredPrompt prompt = fixture.prompt(project, "Same", "One", "Two", "Three", "Four");
		fixture.label(project, newLabeler(), plan(prompt, "One = Two = Three = Four"));

		assertThat(api.get(export(project, "export/pairs"), adminToken).expectStatus(200).body()).isEmpty();
		assertThat(api.get(export(project, "export/rankings"), adminToken).body()).contains("\"not_rankable\":false");
	}

	@Test
	void rankingsExportHasEveryRankingWithItsPromptAndCandidates() {
		HandMade made = handMadeProject();
		StoredPrompt france = made.france();

		List<String> lines = lines(api.get(export(made.project(), "export/rankings"), adminToken).expectStatus(200));

		assertThat(lines).hasSize(5);
		long rankingId = rankingOf(made.second(), france);
		String candidates = "[" + String.join(",", candidate(france, "Paris"), candidate(france, "Lyon"),
				candidate(france, "Nice"), candidate(france, "Lille\n(north)")) + "]";
		assertThat(lines.get(1)).startsWith(("{\"ranking_id\":\"%d\",\"prompt_id\":\"%d\",\"external_id\":null,"
				+ "\"prompt\":\"Capital of \\\"France\\\"? «é»\",\"meta\":null,\"candidates\":%s,"
				+ "\"ranking\":[[\"%d\"],[\"%d\",\"%d\"],[\"%d\"]],\"not_rankable\":false,\"labeler\":\"%s\","
				+ "\"created_at\":\"%s\",\"presented_order\":[")
			.formatted(rankingId, france.id(), candidates, france.id("Paris"), france.id("Lyon"), france.id("Nice"),
					france.id("Lille\n(north)"), fixture.pseudonym(made.second()), createdAt(rankingId)));
		JsonNode notRankable = ApiJson.parse(lines.get(3));
		assertThat(notRankable.path("labeler").asString()).isEqualTo(fixture.pseudonym(made.first()));
		assertThat(notRankable.path("not_rankable").asBoolean()).isTrue();
		assertThat(notRankable.path("ranking").isNull()).isTrue();
	}

	@Test
	void rankingsExportCarriesScoresWhereCollected() {
		long project = newProject("{\"name\":\"Scored\",\"rankings_per_prompt\":1,\"collect_scores\":true}");
		StoredPrompt prompt = fixture.prompt(project, "Rate", "A1", "B1", "C1", "D1");
		Credentials labeler = newLabeler();
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				"{\"ranking\":%s,\"scores\":{\"%d\":7,\"%d\":5,\"%d\":3,\"%d\":1}}".formatted(
						RankingFixture.tiersJson(prompt, "A1 > B1 > C1 > D1"), prompt.id("A1"), prompt.id("B1"),
						prompt.id("C1"), prompt.id("D1")))
			.expectStatus(201);

		JsonNode line = ApiJson.parse(lines(api.get(export(project, "export/rankings"), adminToken)).get(0));

		assertThat(line.at("/scores/" + prompt.id("A1")).asInt()).isEqualTo(7);
		assertThat(line.at("/scores/" + prompt.id("D1")).asInt()).isEqualTo(1);
	}

	@Test
	void rankingsExportCarriesTheLabelersComment() {
		long project = newProject("{\"name\":\"Commented\",\"rankings_per_prompt\":1}");
		StoredPrompt prompt = fixture.prompt(project, "Which?", "A2", "B2", "C2", "D2");
		Credentials labeler = newLabeler();
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				"{\"ranking\":%s,\"comment\":\"  B2 is <b>rude</b>  \"}"
					.formatted(RankingFixture.tiersJson(prompt, "A2 > B2 > C2 > D2")))
			.expectStatus(201);

		JsonNode line = ApiJson.parse(lines(api.get(export(project, "export/rankings"), adminToken)).get(0));

		assertThat(line.path("comment").asString()).isEqualTo("B2 is <b>rude</b>");
	}

	@Test
	void exportsAreNdjsonAttachmentsWithASafeFileName() {
		HandMade made = handMadeProject();
		String today = LocalDate.now(ZoneOffset.UTC).toString();

		for (String export : EXPORTS) {
			ApiClient.Response response = api.get(export(made.project(), export), adminToken).expectStatus(200);
			String kind = export.endsWith("consensus") && export.contains("pairs") ? "consensus-pairs"
					: export.substring("export/".length()).replaceAll("\\?.*", "");
			assertThat(response.contentType()).startsWith("application/x-ndjson");
			assertThat(response.raw().headers().firstValue("Content-Disposition").orElseThrow())
				.isEqualTo("attachment; filename=\"exports-hand-made-%s-%s.jsonl\"".formatted(kind, today));
			assertThat(response.body()).endsWith("}\n");
		}
	}

	@Test
	void sinceKeepsWhatChangedAtOrAfterThatInstant() {
		long project = newProject("{\"name\":\"Since\",\"rankings_per_prompt\":2}");
		StoredPrompt early = fixture.prompt(project, "Early", "E1", "E2", "E3", "E4");
		StoredPrompt late = fixture.prompt(project, "Late", "L1", "L2", "L3", "L4");
		Credentials first = newLabeler();
		fixture.label(project, first, plan(early, "E1 > E2 > E3 > E4", late, "skip"));
		Instant between = fixture.now();
		Credentials second = newLabeler();
		fixture.label(project, second, plan(early, "E2 > E1 > E3 > E4", late, "L1 > L2 = L3 = L4"));
		String since = "since=" + between;

		List<String> rankings = lines(
				api.get(export(project, "export/rankings?" + since), adminToken).expectStatus(200));
		List<String> pairs = lines(api.get(export(project, "export/pairs?" + since), adminToken).expectStatus(200));
		List<String> consensus = lines(
				api.get(export(project, "export/consensus?" + since), adminToken).expectStatus(200));

		assertThat(rankings).hasSize(2).allMatch(line -> line.contains(fixture.pseudonym(second)));
		assertThat(pairs).hasSize(6 + 3);
		assertThat(pairs.get(0)).isEqualTo(pairs(early, "E2", "E1").get(0));
		// Consensus lines of the prompts that received a ranking since then, merged over
		// all their rankings.
		assertThat(consensus).hasSize(2);
		assertThat(consensus.get(0)).contains("\"rankings\":2");
		assertThat(lines(api.get(export(project, "export/rankings?since=2999-01-01"), adminToken))).isEmpty();
		assertThat(lines(api.get(export(project, "export/rankings?since=2000-01-01T00:00:00%2B02:00"), adminToken)))
			.hasSize(3);
	}

	@Test
	void refusesMalformedSinceNamingTheField() {
		long project = newProject("{\"name\":\"Bad since\"}");

		for (String export : EXPORTS) {
			String path = export(project, export) + (export.contains("?") ? "&" : "?") + "since=yesterday";
			JsonNode problem = api.get(path, adminToken).expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("since");
		}
	}

	@Test
	void refusesAnUnknownPairSource() {
		long project = newProject("{\"name\":\"Bad source\"}");

		JsonNode problem = api.get(export(project, "export/pairs?source=votes"), adminToken).expectProblem(400);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("source");
	}

	@Test
	void labelerCannotReachAnyExportOrTheQualityReport() {
		long project = newProject("{\"name\":\"Admins only\"}");
		Credentials labeler = fixture.token(newLabeler());

		for (String path : paths(project)) {
			api.get(path, labeler).expectProblem(403);
			api.get(path, ApiClient.ANONYMOUS).expectProblem(401);
		}
	}

	@Test
	void unknownProjectIsNotFound() {
		for (String path : paths(Long.MAX_VALUE)) {
			api.get(path, adminToken).expectProblem(404);
		}
	}

	@Test
	void openApiDocumentsTheExportsAsNdjson() {
		JsonNode paths = api.get("/v3/api-docs", adminToken).expectStatus(200).json().path("paths");

		for (String export : List.of("rankings", "pairs", "consensus", "best")) {
			JsonNode get = paths.path("/api/v1/projects/{id}/export/" + export).path("get");
			assertThat(get.at("/responses/200/content").has("application/x-ndjson")).as(export).isTrue();
			assertThat(get.path("parameters").valueStream().map(p -> p.path("name").asString())).contains("since");
		}
		assertThat(paths.has("/api/v1/projects/{id}/quality")).isTrue();
	}

	private static List<String> paths(long project) {
		List<String> paths = new ArrayList<>(EXPORTS.stream().map(export -> export(project, export)).toList());
		paths.add("/api/v1/projects/" + project + "/quality");
		return paths;
	}

	static String export(long project, String export) {
		return "/api/v1/projects/" + project + "/" + export;
	}

	static List<String> lines(ApiClient.Response response) {
		String body = response.body();
		assertThat(body).satisfiesAnyOf(b -> assertThat(b).isEmpty(), b -> assertThat(b).endsWith("\n"));
		return body.isEmpty() ? List.of() : List.of(body.split("\n"));
	}

	/** The expected lines, written by hand: chosen and rejected texts in pairs. */
	static List<String> pairs(StoredPrompt prompt, String... chosenRejected) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < chosenRejected.length; i += 2) {
			lines.add(
					("{\"prompt\":\"%s\",\"chosen\":\"%s\",\"rejected\":\"%s\",\"prompt_id\":\"%d\",\"chosen_id\":\"%d\","
							+ "\"rejected_id\":\"%d\"}")
						.formatted(escaped(prompt.text()), escaped(chosenRejected[i]), escaped(chosenRejected[i + 1]),
								prompt.id(), prompt.id(chosenRejected[i]), prompt.id(chosenRejected[i + 1])));
		}
		return lines;
	}

	private static String best(StoredPrompt prompt, String completion) {
		return "{\"prompt\":\"%s\",\"completion\":\"%s\",\"prompt_id\":\"%d\",\"completion_id\":\"%d\"}"
			.formatted(escaped(prompt.text()), escaped(completion), prompt.id(), prompt.id(completion));
	}

	private static String candidate(StoredPrompt prompt, String text) {
		return "{\"id\":\"%d\",\"text\":\"%s\",\"model\":null,\"meta\":null}".formatted(prompt.id(text), escaped(text));
	}

	/** The few escapes the hand-made texts need. */
	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	private long rankingOf(Credentials labeler, StoredPrompt prompt) {
		String pseudonym = fixture.pseudonym(labeler);
		return jdbc.sql("""
				SELECT r.id FROM rankings r JOIN labelers l ON l.user_id = r.user_id
				WHERE r.prompt_id = ? AND l.pseudonym::text = ?""")
			.params(prompt.id(), pseudonym)
			.query(Long.class)
			.single();
	}

	private String createdAt(long rankingId) {
		return jdbc.sql("SELECT created_at FROM rankings WHERE id = ?")
			.params(rankingId)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()
			.toString();
	}

}
