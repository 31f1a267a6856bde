package org.ranklab.labeling;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ranklab.labeling.TaskApiTests.candidateIds;
import static org.ranklab.labeling.TaskApiTests.rankingBody;
import static org.ranklab.labeling.TaskApiTests.tiersOf;

/**
 * Bad rankings and bad callers: each refused with a problem naming the field, and nothing
 * stored.
 */
class RankingValidationTests extends IntegrationTest {

	private PromptFixture prompts;

	private ApiClient.Credentials labeler;

	@BeforeEach
	void fixture() {
		prompts = new PromptFixture(jdbc);
		labeler = TaskApiTests.bearerFor(api, newLabeler());
	}

	@Test
	void refusesRankingThatOmitsACandidate() {
		JsonNode task = taskIn("{\"name\":\"Omits\"}");
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task, rankingBody(ids.subList(0, 3)));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking");
		assertThat(problem.at("/errors/0/message").asString()).contains("missing: " + ids.get(3));
	}

	@Test
	void refusesRankingThatRepeatsACandidate() {
		JsonNode task = taskIn("{\"name\":\"Repeats\"}");
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task,
				rankingBody(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), ids.get(1))));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking[4][0]");
		assertThat(problem.at("/errors/0/message").asString()).contains("more than once");
	}

	@Test
	void refusesRankingThatInventsACandidate() {
		JsonNode task = taskIn("{\"name\":\"Invents\"}");
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task,
				rankingBody(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), "99999999")));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking[4][0]");
		assertThat(problem.at("/errors/0/message").asString()).contains("not a candidate");
	}

	@Test
	void refusesCandidatesOfAPromptInAnotherProject() {
		JsonNode task = taskIn("{\"name\":\"Mine\"}");
		long other = newProject("{\"name\":\"Theirs\"}");
		var foreign = prompts.readyPrompt(other, 4);
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task,
				rankingBody(List.of(ids.get(0), ids.get(1), ids.get(2), foreign.candidate(0))));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking[3][0]");
		assertThat(problem.at("/errors/1/message").asString()).contains("missing: " + ids.get(3));
	}

	@Test
	void refusesAnEmptyTier() {
		JsonNode task = taskIn("{\"name\":\"Empty tier\"}");
		List<String> ids = candidateIds(task);
		String body = "{\"ranking\":[[\"%s\"],[],[\"%s\"],[\"%s\"],[\"%s\"]]}".formatted(ids.get(0), ids.get(1),
				ids.get(2), ids.get(3));

		JsonNode problem = refused(task, body);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking[1]");
		assertThat(problem.at("/errors/0/message").asString()).contains("must not be empty");
	}

	@Test
	void refusesATieWhereTiesAreOff() {
		JsonNode task = taskIn("{\"name\":\"No ties\",\"allow_ties\":false}");
		List<String> ids = candidateIds(task);
		String body = "{\"ranking\":[[\"%s\",\"%s\"],[\"%s\"],[\"%s\"]]}".formatted(ids.get(0), ids.get(1), ids.get(2),
				ids.get(3));

		JsonNode problem = refused(task, body);

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking[0]");
		assertThat(problem.at("/errors/0/message").asString()).contains("ties are not allowed");
	}

	@Test
	void refusesARankingWithoutTiersUnlessNotRankable() {
		JsonNode task = taskIn("{\"name\":\"No ranking\"}");

		JsonNode problem = refused(task, "{\"comment\":\"hmm\"}");

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("ranking");
	}

	@Test
	void refusesMissingScoresWhereTheyAreCollected() {
		JsonNode task = taskIn("{\"name\":\"Scores missing\",\"collect_scores\":true}");
		List<String> ids = candidateIds(task);

		JsonNode none = refused(task, rankingBody(ids));
		JsonNode some = refused(task,
				"{\"ranking\":%s,\"scores\":{\"%s\":3,\"%s\":4}}".formatted(tiersOf(ids), ids.get(0), ids.get(1)));

		assertThat(none.at("/errors/0/field").asString()).isEqualTo("scores");
		assertThat(some.at("/errors/0/field").asString()).isEqualTo("scores");
		assertThat(some.at("/errors/0/message").asString()).contains(ids.get(2)).contains(ids.get(3));
	}

	@Test
	void refusesScoresOutsideOneToSeven() {
		JsonNode task = taskIn("{\"name\":\"Scores range\",\"collect_scores\":true}");
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task, "{\"ranking\":%s,\"scores\":{\"%s\":0,\"%s\":8,\"%s\":4.5,\"%s\":\"3\"}}"
			.formatted(tiersOf(ids), ids.get(0), ids.get(1), ids.get(2), ids.get(3)));

		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).containsExactlyInAnyOrder(
				"scores." + ids.get(0), "scores." + ids.get(1), "scores." + ids.get(2), "scores." + ids.get(3));
	}

	@Test
	void refusesScoresWhereTheyAreNotCollected() {
		JsonNode task = taskIn("{\"name\":\"No scores\"}");
		List<String> ids = candidateIds(task);

		JsonNode problem = refused(task, "{\"ranking\":%s,\"scores\":{\"%s\":3,\"%s\":4,\"%s\":5,\"%s\":6}}"
			.formatted(tiersOf(ids), ids.get(0), ids.get(1), ids.get(2), ids.get(3)));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("scores");
		assertThat(problem.at("/errors/0/message").asString()).contains("does not collect scores");
	}

	@Test
	void refusesAnOverlongComment() {
		JsonNode task = taskIn("{\"name\":\"Long comment\"}");

		JsonNode problem = refused(task, "{\"ranking\":%s,\"comment\":\"%s\"}".formatted(tiersOf(candidateIds(task)),
				"x".repeat(RankingRules.MAX_COMMENT_LENGTH + 1)));

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("comment");
	}

	@Test
	void refusesMalformedTiersNamingTheField() {
		JsonNode task = taskIn("{\"name\":\"Malformed\"}");

		JsonNode problem = refused(task, "{\"ranking\":[\"not-a-tier\"]}");

		assertThat(problem.at("/errors/0/field").asString()).startsWith("ranking");
	}

	@Test
	void refusesTwoHundredThousandTiersAsTooLargeWithASmallProblem() {
		JsonNode task = taskIn("{\"name\":\"Huge ranking\"}");
		String body = tiersOf(java.util.Collections.nCopies(200_000, candidateIds(task).get(0)));

		ApiClient.Response response = api.post(rankingPath(task), labeler, "{\"ranking\":" + body + "}");

		response.expectProblem(413);
		assertThat(response.body().length()).isLessThan(1000);
		assertThat(stored(task)).isZero();
	}

	@Test
	void listsTheFirstHundredErrorsThenACount() {
		JsonNode task = taskIn("{\"name\":\"Many errors\"}");
		String body = tiersOf(java.util.Collections.nCopies(5_000, "no-such-candidate"));

		ApiClient.Response response = api.post(rankingPath(task), labeler, "{\"ranking\":" + body + "}");

		JsonNode problem = response.expectProblem(400);
		JsonNode errors = problem.path("errors");
		assertThat(errors.size()).isEqualTo(101);
		assertThat(errors.get(0).path("field").asString()).isEqualTo("ranking[0][0]");
		assertThat(errors.get(100).path("message").asString()).isEqualTo("and 4901 more errors");
		assertThat(problem.path("detail").asString()).startsWith("5001 errors; the first: ranking[0][0]: ");
		assertThat(response.body().length()).isLessThan(20_000);
	}

	@Test
	void refusesRankingAnotherUsersAssignment() {
		JsonNode task = taskIn("{\"name\":\"Not yours\"}");

		JsonNode problem = api.post(rankingPath(task), newLabeler(), rankingBody(candidateIds(task)))
			.expectProblem(403);
		api.post(skipPath(task), TaskApiTests.bearerFor(api, newLabeler()), null).expectProblem(403);

		assertThat(problem.path("detail").asString()).contains("another user");
		assertThat(stored(task)).isZero();
		assertThat(status(task)).isEqualTo("OPEN");
	}

	@Test
	void adminCannotRankALabelersAssignmentEither() {
		JsonNode task = taskIn("{\"name\":\"Not the admin's\"}");

		api.post(rankingPath(task), admin(), rankingBody(candidateIds(task))).expectProblem(403);
	}

	@Test
	void unknownAssignmentIsNotFound() {
		api.post("/api/v1/assignments/987654321/ranking", labeler, "{\"not_rankable\":true}").expectProblem(404);
		api.post("/api/v1/assignments/987654321/skip", labeler, null).expectProblem(404);
	}

	@Test
	void tasksOfAProjectThatDoesNotExistAreNotFound() {
		api.post("/api/v1/projects/987654321/tasks/next", labeler, null).expectProblem(404);
	}

	@Test
	void anonymousCallersAreUnauthorized() {
		JsonNode task = taskIn("{\"name\":\"Anonymous\"}");

		api.post("/api/v1/projects/1/tasks/next", ApiClient.ANONYMOUS, null).expectProblem(401);
		api.post(rankingPath(task), ApiClient.ANONYMOUS, rankingBody(candidateIds(task))).expectProblem(401);
		api.post(skipPath(task), ApiClient.ANONYMOUS, null).expectProblem(401);
		assertThat(stored(task)).isZero();
	}

	@Test
	void refusesAMissingBody() {
		JsonNode task = taskIn("{\"name\":\"No body\"}");

		api.post(rankingPath(task), labeler, null).expectProblem(400);
	}

	private JsonNode taskIn(String projectJson) {
		long project = newProject(projectJson);
		prompts.readyPrompt(project, 4);
		return api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
	}

	/** Asserts a 400 problem that stored nothing and left the assignment open. */
	private JsonNode refused(JsonNode task, String body) {
		JsonNode problem = api.post(rankingPath(task), labeler, body).expectProblem(400);
		assertThat(problem.path("errors").isArray()).isTrue();
		assertThat(stored(task)).isZero();
		assertThat(status(task)).isEqualTo("OPEN");
		return problem;
	}

	private static String rankingPath(JsonNode task) {
		return "/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking";
	}

	private static String skipPath(JsonNode task) {
		return "/api/v1/assignments/" + task.path("assignment_id").asString() + "/skip";
	}

	private long stored(JsonNode task) {
		return jdbc.sql("SELECT count(*) FROM rankings WHERE assignment_id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(Long.class)
			.single();
	}

	private String status(JsonNode task) {
		return jdbc.sql("SELECT status FROM assignments WHERE id = ?")
			.params(Long.parseLong(task.path("assignment_id").asString()))
			.query(String.class)
			.single();
	}

}
