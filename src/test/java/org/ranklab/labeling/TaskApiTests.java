package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.dao.DataAccessException;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskApiTests extends IntegrationTest {

	private PromptFixture prompts;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
	}

	@Test
	void handsOutAReadyPromptWithItsCandidatesInTheAssignmentsOwnOrder() {
		long project = newProject("{\"name\":\"Tasks\",\"guidelines\":\"Prefer *honest* answers\"}");
		var prompt = prompts.readyPrompt(project, "What is 2+2?", "4", "Four", "5", "22");
		prompts.waitingPrompt(project);

		JsonNode task = next(project, labeler()).expectStatus(200).json();

		assertThat(task.path("assignment_id").isString()).isTrue();
		assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(prompt.id()));
		assertThat(task.at("/prompt/text").asString()).isEqualTo("What is 2+2?");
		assertThat(task.path("guidelines").asString()).isEqualTo("Prefer *honest* answers");
		assertThat(task.path("lease_expires_at").asString()).endsWith("Z");
		List<String> shown = candidateIds(task);
		assertThat(shown)
			.containsExactlyInAnyOrderElementsOf(prompt.candidates().stream().map(String::valueOf).toList());
		assertThat(task.path("candidates").valueStream().map(c -> c.path("text").asString()))
			.containsExactlyInAnyOrder("4", "Four", "5", "22");
		List<Long> stored = jdbc.sql("SELECT unnest(candidate_order) FROM assignments WHERE id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(Long.class)
			.list();
		assertThat(stored.stream().map(String::valueOf).toList()).isEqualTo(shown);
	}

	@Test
	void shufflesCandidatesPerAssignment() {
		long project = newProject("{\"name\":\"Shuffled\",\"rankings_per_prompt\":30}");
		prompts.readyPrompt(project, 9);

		Set<List<String>> orders = new HashSet<>();
		for (int user = 0; user < 6; user++) {
			orders.add(candidateIds(next(project, labeler()).expectStatus(200).json()));
		}

		// Six shuffles of nine candidates that all came out equal would mean no shuffle
		// (chance: 1 in 10^27).
		assertThat(orders).hasSizeGreaterThan(1);
	}

	@Test
	void returnsTheSameOpenLeaseAgainInsteadOfANewOne() {
		long project = newProject("{\"name\":\"Same lease\"}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();

		JsonNode first = next(project, labeler).expectStatus(200).json();
		JsonNode again = next(project, labeler).expectStatus(200).json();

		assertThat(again.path("assignment_id").asString()).isEqualTo(first.path("assignment_id").asString());
		assertThat(candidateIds(again)).isEqualTo(candidateIds(first));
		assertThat(openLeases(project)).isEqualTo(1);
	}

	@Test
	void answersNoContentWhenNothingIsLeft() {
		long project = newProject("{\"name\":\"Empty\"}");
		prompts.waitingPrompt(project);

		var response = next(project, labeler()).expectStatus(204);

		assertThat(response.body()).isEmpty();
	}

	@Test
	void neverHandsAUserTheSamePromptTwice() {
		long project = newProject("{\"name\":\"Twice\",\"rankings_per_prompt\":3}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();

		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2; i++) {
			JsonNode task = next(project, labeler).expectStatus(200).json();
			assertThat(seen.add(task.at("/prompt/id").asString())).isTrue();
			rankAsShown(task, labeler).expectStatus(201);
		}

		next(project, labeler).expectStatus(204);
	}

	@Test
	void prefersPromptsClosestToCompletionThenOldest() {
		long project = newProject("{\"name\":\"Priority\",\"rankings_per_prompt\":3}");
		var oldest = prompts.readyPrompt(project, 4);
		var started = prompts.readyPrompt(project, 4);
		var newest = prompts.readyPrompt(project, 4);
		ApiClient.Credentials first = labeler();
		// Give "started" one ranking by skipping "oldest" first.
		JsonNode task = next(project, first).expectStatus(200).json();
		assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(oldest.id()));
		skip(task, first).expectStatus(204);
		task = next(project, first).expectStatus(200).json();
		assertThat(task.at("/prompt/id").asString()).isEqualTo(Long.toString(started.id()));
		rankAsShown(task, first).expectStatus(201);

		List<String> handedOut = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handedOut.add(next(project, labeler()).expectStatus(200).json().at("/prompt/id").asString());
		}

		assertThat(handedOut).containsExactly(Long.toString(started.id()), Long.toString(started.id()),
				Long.toString(oldest.id()));
		assertThat(handedOut).doesNotContain(Long.toString(newest.id()));
	}

	@Test
	void handsAPromptToAtMostRankingsPerPromptUsersAtATime() {
		long project = newProject("{\"name\":\"Capacity\",\"rankings_per_prompt\":2}");
		var prompt = prompts.readyPrompt(project, 4);

		next(project, labeler()).expectStatus(200);
		next(project, labeler()).expectStatus(200);
		next(project, labeler()).expectStatus(204);

		assertThat(jdbc.sql("SELECT count(*) FROM assignments WHERE prompt_id = ?")
			.params(prompt.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void expiredLeaseMakesThePromptAvailableAgain() {
		long project = newProject("{\"name\":\"Expiry\",\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 4);
		JsonNode lapsed = next(project, labeler()).expectStatus(200).json();
		next(project, labeler()).expectStatus(204);

		prompts.expireLease(lapsed.path("assignment_id").asString());
		JsonNode taken = next(project, labeler()).expectStatus(200).json();

		assertThat(taken.at("/prompt/id").asString()).isEqualTo(lapsed.at("/prompt/id").asString());
	}

	@Test
	void expiredLeaseCanStillBeSubmittedWhileNobodyTookThePrompt() {
		long project = newProject("{\"name\":\"Late but fine\",\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		prompts.expireLease(task.path("assignment_id").asString());

		rankAsShown(task, labeler).expectStatus(201);

		double seconds = jdbc.sql("SELECT seconds_on_task FROM rankings WHERE assignment_id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(Double.class)
			.single();
		assertThat(seconds).isGreaterThan(7000);
		next(project, labeler()).expectStatus(204);
	}

	@Test
	void lostLeaseIsAConflictAndStoresNothing() {
		long project = newProject("{\"name\":\"Lost lease\",\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials slow = labeler();
		JsonNode lapsed = next(project, slow).expectStatus(200).json();
		prompts.expireLease(lapsed.path("assignment_id").asString());
		next(project, labeler()).expectStatus(200);

		rankAsShown(lapsed, slow).expectProblem(409);

		assertThat(rankingsOf(lapsed)).isZero();
	}

	@Test
	void expiredOwnLeaseIsRenewedWhileThePromptHasRoom() {
		long project = newProject("{\"name\":\"Renewal\",\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode first = next(project, labeler).expectStatus(200).json();
		prompts.expireLease(first.path("assignment_id").asString());

		JsonNode renewed = next(project, labeler).expectStatus(200).json();

		assertThat(renewed.path("assignment_id").asString()).isEqualTo(first.path("assignment_id").asString());
		assertThat(java.time.Instant.parse(renewed.path("lease_expires_at").asString()))
			.isAfter(java.time.Instant.now().plusSeconds(800));
	}

	@Test
	void expiredOwnLeaseIsGivenUpWhenSomeoneElseTookThePrompt() {
		long project = newProject("{\"name\":\"Given up\",\"rankings_per_prompt\":1}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode first = next(project, labeler).expectStatus(200).json();
		prompts.expireLease(first.path("assignment_id").asString());
		JsonNode other = next(project, labeler()).expectStatus(200).json();
		assertThat(other.at("/prompt/id").asString()).isEqualTo(first.at("/prompt/id").asString());

		JsonNode second = next(project, labeler).expectStatus(200).json();

		assertThat(second.at("/prompt/id").asString()).isNotEqualTo(first.at("/prompt/id").asString());
		assertThat(jdbc.sql("SELECT status FROM assignments WHERE id = ?")
			.params(Long.parseLong(first.path("assignment_id").asString()))
			.query(String.class)
			.single()).isEqualTo("EXPIRED");
	}

	@Test
	void storesTheRankingWithTiesPresentedOrderAndTimeOnTask() {
		long project = newProject("{\"name\":\"Stored\",\"allow_ties\":true}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		List<String> ids = candidateIds(task);

		String body = """
				{"ranking": [["%s"], ["%s", "%s"], ["%s"]], "comment": "  close call  "}""".formatted(ids.get(3),
				ids.get(2), ids.get(0), ids.get(1));
		JsonNode receipt = rank(task, labeler, body).expectStatus(201).json();

		var stored = jdbc
			.sql("""
					SELECT tiers::text, scores IS NULL AS no_scores, not_rankable, comment, array_to_string(presented_order, ','),
					       seconds_on_task, status FROM rankings r JOIN assignments a ON a.id = r.assignment_id WHERE r.id = ?""")
			.params(Long.parseLong(receipt.path("ranking_id").asString()))
			.query((row, n) -> List.of(row.getString(1), row.getBoolean(2), row.getBoolean(3), row.getString(4),
					row.getString(5), row.getDouble(6), row.getString(7)))
			.single();
		List<Long> tie = List.of(Long.parseLong(ids.get(2)), Long.parseLong(ids.get(0))).stream().sorted().toList();
		assertThat(stored.get(0))
			.isEqualTo("[[%s], [%d, %d], [%s]]".formatted(ids.get(3), tie.get(0), tie.get(1), ids.get(1)));
		assertThat(stored.get(1)).isEqualTo(true);
		assertThat(stored.get(2)).isEqualTo(false);
		assertThat(stored.get(3)).isEqualTo("close call");
		assertThat(stored.get(4)).isEqualTo(String.join(",", ids));
		assertThat((Double) stored.get(5)).isBetween(0.0, 60.0);
		assertThat(stored.get(6)).isEqualTo("SUBMITTED");
	}

	@Test
	void sameBodyAgainAnswersOkWithTheSameRanking() {
		long project = newProject("{\"name\":\"Idempotent\"}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		List<String> ids = candidateIds(task);
		String tieOneWay = "{\"ranking\":[[\"%s\",\"%s\"],[\"%s\"],[\"%s\"]]}".formatted(ids.get(0), ids.get(1),
				ids.get(2), ids.get(3));
		String tieOtherWay = "{\"ranking\":[[\"%s\",\"%s\"],[\"%s\"],[\"%s\"]]}".formatted(ids.get(1), ids.get(0),
				ids.get(2), ids.get(3));

		String created = rank(task, labeler, tieOneWay).expectStatus(201).json().path("ranking_id").asString();
		String again = rank(task, labeler, tieOneWay).expectStatus(200).json().path("ranking_id").asString();
		String reordered = rank(task, labeler, tieOtherWay).expectStatus(200).json().path("ranking_id").asString();

		assertThat(again).isEqualTo(created);
		assertThat(reordered).isEqualTo(created);
		assertThat(rankingsOf(task)).isEqualTo(1);
	}

	@Test
	void differentBodyForARankedAssignmentIsAConflict() {
		long project = newProject("{\"name\":\"Changed mind\"}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		rankAsShown(task, labeler).expectStatus(201);
		List<String> reversed = new ArrayList<>(candidateIds(task));
		java.util.Collections.reverse(reversed);

		rank(task, labeler, rankingBody(reversed)).expectProblem(409);

		assertThat(jdbc.sql("SELECT tiers->0->>0 FROM rankings WHERE assignment_id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(String.class)
			.single()).isEqualTo(candidateIds(task).get(0));
	}

	@Test
	void skippedPromptIsNeverOfferedAgainAndCannotBeRanked() {
		long project = newProject("{\"name\":\"Skip\"}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();

		skip(task, labeler).expectStatus(204);
		skip(task, labeler).expectStatus(204);

		next(project, labeler).expectStatus(204);
		rankAsShown(task, labeler).expectProblem(409);
		next(project, labeler()).expectStatus(200);
	}

	@Test
	void skippingARankedAssignmentIsAConflict() {
		long project = newProject("{\"name\":\"Skip after rank\"}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		rankAsShown(task, labeler).expectStatus(201);

		skip(task, labeler).expectProblem(409);
	}

	@Test
	void notRankableMayComeWithoutARanking() {
		long project = newProject("{\"name\":\"Broken prompt\",\"collect_scores\":true}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();

		rank(task, labeler, "{\"not_rankable\":true,\"comment\":\"The prompt is cut off\"}").expectStatus(201);

		var stored = jdbc.sql("SELECT tiers IS NULL, not_rankable, comment FROM rankings WHERE assignment_id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query((row, n) -> List.of(row.getBoolean(1), row.getBoolean(2), row.getString(3)))
			.single();
		assertThat(stored).containsExactly(true, true, "The prompt is cut off");
	}

	@Test
	void storesScoresWhenTheProjectCollectsThem() {
		long project = newProject("{\"name\":\"Scores\",\"collect_scores\":true,\"allow_ties\":false}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		List<String> ids = candidateIds(task);
		String scores = "{\"%s\":7,\"%s\":5,\"%s\":2,\"%s\":1}".formatted(ids.get(0), ids.get(1), ids.get(2),
				ids.get(3));

		rank(task, labeler, "{\"ranking\":%s,\"scores\":%s}".formatted(tiersOf(ids), scores)).expectStatus(201);

		String stored = jdbc.sql("SELECT scores->>? FROM rankings WHERE assignment_id = ?")
			.params(ids.get(1), Long.parseLong(task.path("assignment_id").asString()))
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo("5");
	}

	@Test
	void rankingsAreAppendOnlyInTheDatabase() {
		long project = newProject("{\"name\":\"Append only\"}");
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		JsonNode task = next(project, labeler).expectStatus(200).json();
		long id = Long.parseLong(rankAsShown(task, labeler).expectStatus(201).json().path("ranking_id").asString());

		assertThatThrownBy(() -> jdbc.sql("UPDATE rankings SET comment = 'edited' WHERE id = ?").params(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM rankings WHERE id = ?").params(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("SELECT count(*) FROM rankings WHERE id = ?").params(id).query(Long.class).single())
			.isOne();
	}

	@Test
	void labelerGetsOneStablePseudonym() {
		long project = newProject("{\"name\":\"Pseudonym\"}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		ApiClient.Credentials labeler = labeler();
		for (int i = 0; i < 2; i++) {
			rankAsShown(next(project, labeler).expectStatus(200).json(), labeler).expectStatus(201);
		}

		List<String> pseudonyms = jdbc
			.sql("""
					SELECT l.pseudonym::text FROM rankings r JOIN labelers l ON l.user_id = r.user_id WHERE r.project_id = ?""")
			.params(project)
			.query(String.class)
			.list();

		assertThat(pseudonyms).hasSize(2);
		assertThat(new HashSet<>(pseudonyms)).hasSize(1);
		assertThat(pseudonyms.get(0)).matches("[0-9a-f-]{36}");
	}

	@Test
	void projectProgressCountsCompletePromptsAndRankings() {
		long project = newProject("{\"name\":\"Progress\",\"rankings_per_prompt\":2}");
		prompts.readyPrompt(project, 4);
		prompts.readyPrompt(project, 4);
		for (int i = 0; i < 3; i++) {
			ApiClient.Credentials labeler = labeler();
			rankAsShown(next(project, labeler).expectStatus(200).json(), labeler).expectStatus(201);
		}

		JsonNode progress = api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");

		assertThat(progress.path("prompts_complete").asLong()).isEqualTo(1);
		assertThat(progress.path("rankings").asLong()).isEqualTo(3);
	}

	@Test
	void labelingCallsAreDocumentedInOpenApi() {
		JsonNode paths = api.get("/v3/api-docs", ApiClient.ANONYMOUS).expectStatus(200).json().path("paths");

		assertThat(paths.has("/api/v1/projects/{id}/tasks/next")).isTrue();
		assertThat(paths.at("/~1api~1v1~1assignments~1{id}~1ranking/post/responses").has("409")).isTrue();
		assertThat(paths.has("/api/v1/assignments/{id}/skip")).isTrue();
	}

	/**
	 * A new labeler with a Bearer token: Basic auth would run BCrypt on every call and
	 * slow the suite.
	 */
	private ApiClient.Credentials labeler() {
		return bearerFor(api, newLabeler());
	}

	static ApiClient.Credentials bearerFor(ApiClient api, ApiClient.Credentials basic) {
		return ApiClient.bearer(api.post("/api/v1/tokens", basic, "{\"name\":\"tests\"}")
			.expectStatus(201)
			.json()
			.path("token")
			.asString());
	}

	private ApiClient.Response next(long project, ApiClient.Credentials who) {
		return api.post("/api/v1/projects/" + project + "/tasks/next", who, null);
	}

	private ApiClient.Response rank(JsonNode task, ApiClient.Credentials who, String body) {
		return api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", who, body);
	}

	private ApiClient.Response rankAsShown(JsonNode task, ApiClient.Credentials who) {
		return rank(task, who, rankingBody(candidateIds(task)));
	}

	private ApiClient.Response skip(JsonNode task, ApiClient.Credentials who) {
		return api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/skip", who, null);
	}

	static List<String> candidateIds(JsonNode task) {
		return task.path("candidates").valueStream().map(c -> c.path("id").asString()).toList();
	}

	static String rankingBody(List<String> best) {
		return "{\"ranking\":" + tiersOf(best) + "}";
	}

	static String tiersOf(List<String> ids) {
		return ids.stream().map(id -> "[\"" + id + "\"]").collect(Collectors.joining(",", "[", "]"));
	}

	private long openLeases(long project) {
		return jdbc.sql("SELECT count(*) FROM assignments WHERE project_id = ? AND status = 'OPEN'")
			.params(project)
			.query(Long.class)
			.single();
	}

	private long rankingsOf(JsonNode task) {
		return jdbc.sql("SELECT count(*) FROM rankings WHERE assignment_id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(Long.class)
			.single();
	}

}
