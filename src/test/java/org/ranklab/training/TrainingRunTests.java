package org.ranklab.training;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;
import org.ranklab.training.engine.RewardModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * Training runs through the REST API, on rankings with a known order, with the real
 * engine.
 */
class TrainingRunTests extends IntegrationTest {

	static final String GOOD_RESPONSE = "helpful accurate clear and kind and precise";

	static final String BAD_RESPONSE = "rude wrong vague and harmful and sloppy";

	static final int EPOCHS = 10;

	/**
	 * The model trained by the first test that needs one, shared so that the suite trains
	 * it once.
	 */
	private static JsonNode trained;

	@Test
	void aRunGoesFromQueuedToSucceededAndLearnsAnEasyOrder() {
		JsonNode run = trainedRun();

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("progress").asDouble()).isEqualTo(1.0);
		assertThat(run.path("objective").asString()).isEqualTo("rank");
		assertThat(run.path("seen_statuses").toString()).contains("QUEUED", "RUNNING");
		JsonNode metrics = run.path("metrics");
		assertThat(metrics.size()).isEqualTo(EPOCHS);
		for (int i = 0; i < metrics.size(); i++) {
			assertThat(metrics.get(i).path("epoch").asInt()).isEqualTo(i + 1);
			assertThat(metrics.get(i).path("train_loss").asDouble()).isPositive();
			assertThat(metrics.get(i).path("val_loss").isNumber()).isTrue();
		}
		// Real learning: the first epoch's loss is beaten, and held-out pairs are ordered
		// right.
		assertThat(metrics.get(EPOCHS - 1).path("train_loss").asDouble())
			.isLessThan(metrics.get(0).path("train_loss").asDouble());
		assertThat(metrics.get(EPOCHS - 1).path("val_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);

		JsonNode model = api.get("/api/v1/reward-models/" + run.path("reward_model_id").asString(), admin())
			.expectStatus(200)
			.json();
		assertThat(model.path("training_run_id").asString()).isEqualTo(run.path("id").asString());
		assertThat(model.path("architecture").asString()).isEqualTo("pooled");
		assertThat(model.path("metrics").path("val_accuracy").asDouble())
			.isEqualTo(metrics.get(EPOCHS - 1).path("val_accuracy").asDouble());
		assertThat(model.path("reward_std").asDouble()).isPositive();
		assertThat(model.path("artifact_bytes").asLong()).isPositive();

		String project = run.path("project_id").asString();
		JsonNode runs = api.get("/api/v1/projects/" + project + "/training-runs", admin()).expectStatus(200).json();
		assertThat(runs.get(0).path("id").asString()).isEqualTo(run.path("id").asString());
		JsonNode models = api.get("/api/v1/projects/" + project + "/reward-models", admin()).expectStatus(200).json();
		assertThat(models.get(0).path("id").asString()).isEqualTo(model.path("id").asString());
	}

	@Test
	void scoringRanksAClearlyBetterResponseHigherThroughBothEndpoints() {
		JsonNode run = trainedRun();
		String body = scoreBody("question number 7 about this topic", GOOD_RESPONSE, BAD_RESPONSE, "the answer is");

		JsonNode byModel = api
			.post("/api/v1/reward-models/" + run.path("reward_model_id").asString() + "/score", admin(), body)
			.expectStatus(200)
			.json();
		JsonNode byProject = api
			.post("/api/v1/projects/" + run.path("project_id").asString() + "/reward-model/score", admin(), body)
			.expectStatus(200)
			.json();

		assertThat(byModel.path("scores").size()).isEqualTo(3);
		assertThat(byModel.path("scores").get(0).asDouble()).isGreaterThan(byModel.path("scores").get(1).asDouble());
		assertThat(byProject.path("scores")).isEqualTo(byModel.path("scores"));
	}

	@Test
	void theArtifactDownloadsAndScoresWithoutTheServer() {
		JsonNode run = trainedRun();
		String modelId = run.path("reward_model_id").asString();
		String body = scoreBody("a prompt", GOOD_RESPONSE, BAD_RESPONSE);
		JsonNode served = api.post("/api/v1/reward-models/" + modelId + "/score", admin(), body)
			.expectStatus(200)
			.json();

		Download zip = download("/api/v1/reward-models/" + modelId + "/artifact");

		assertThat(zip.contentType()).isEqualTo("application/zip");
		assertThat(zip.disposition()).startsWith("attachment").contains("reward-model-" + modelId + ".zip");
		try (RewardModel model = RewardModel.load(zip.bytes())) {
			assertScoresAsServed(model, served);
		}
	}

	@Test
	void aDirectScoreRunLearnsFromTheLabelersScores() {
		long project = newProject("{\"name\":\"Direct scores\",\"collect_scores\":true}");
		new RankingFixture(jdbc).easyRankings(project, 100, 11, true);

		JsonNode run = awaitEnd(start(project,
				"{\"objective\":\"direct_score\",\"architecture\":\"pooled\",\"epochs\":3,\"batch_size\":8}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("objective").asString()).isEqualTo("direct_score");
		assertThat(run.path("metrics").size()).isEqualTo(3);
		assertThat(run.path("reward_model_id").isString()).isTrue();
	}

	@Test
	void anEnsembleRunIsStoredServedAndDownloadedAsOneModel() {
		long project = newProject("{\"name\":\"Ensemble\"}");
		new RankingFixture(jdbc).easyRankings(project, 150, 7, false);

		JsonNode run = awaitEnd(start(project,
				"{\"architecture\":\"ensemble\",\"epochs\":6,\"batch_size\":8,\"validation_fraction\":0.2}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("metrics").get(5).path("val_accuracy").asDouble()).isGreaterThanOrEqualTo(0.9);
		String modelId = run.path("reward_model_id").asString();
		assertThat(api.get("/api/v1/reward-models/" + modelId, admin())
			.expectStatus(200)
			.json()
			.path("architecture")
			.asString()).isEqualTo("ensemble");
		JsonNode served = api
			.post("/api/v1/projects/" + project + "/reward-model/score", admin(),
					scoreBody("a prompt", GOOD_RESPONSE, BAD_RESPONSE))
			.expectStatus(200)
			.json();
		assertThat(served.path("scores").get(0).asDouble()).isGreaterThan(served.path("scores").get(1).asDouble());
		try (RewardModel model = RewardModel.load(download("/api/v1/reward-models/" + modelId + "/artifact").bytes())) {
			assertThat(model.config().architecture().apiName()).isEqualTo("ensemble");
			assertScoresAsServed(model, served);
		}
	}

	/**
	 * The downloaded model gives the good and the bad response the scores the server gave
	 * them.
	 */
	private static void assertScoresAsServed(RewardModel model, JsonNode served) {
		double[] scores = model.score("a prompt", List.of(GOOD_RESPONSE, BAD_RESPONSE));
		assertThat(scores[0]).isCloseTo(served.path("scores").get(0).asDouble(), within(1e-5));
		assertThat(scores[1]).isCloseTo(served.path("scores").get(1).asDouble(), within(1e-5));
	}

	@Test
	void runsTheMeasuredDefaultArchitectureWhenTheRequestNamesNone() {
		long project = newProject("{\"name\":\"Default architecture\"}");
		new RankingFixture(jdbc).easyRankings(project, 30, 17, false);

		JsonNode run = awaitEnd(start(project, "{\"batch_size\":8}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("architecture").asString()).isEqualTo("ensemble");
		// the ensemble's members train pooled's measured four epochs
		assertThat(run.path("metrics").size()).isEqualTo(4);
		assertThat(lengthPriorOf(run)).hasSize(5);
	}

	@Test
	void trainsWithoutTheLengthPriorWhenAskedAndRefusesItForDirectScores() {
		long project = newProject("{\"name\":\"No length prior\"}");
		new RankingFixture(jdbc).easyRankings(project, 30, 17, false);

		JsonNode run = awaitEnd(start(project, "{\"architecture\":\"pooled\",\"epochs\":1,\"length_prior\":false}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(lengthPriorOf(run)).isNull();
		assertThat(fields(api
			.post("/api/v1/projects/" + project + "/training-runs", admin(),
					"{\"objective\":\"direct_score\",\"length_prior\":true}")
			.expectProblem(400))).containsExactly("length_prior");
	}

	@Test
	void anEnsembleTrainsTheMembersAskedForAndRefusesMembersItCannotTrain() {
		long project = newProject("{\"name\":\"Chosen members\"}");
		new RankingFixture(jdbc).easyRankings(project, 30, 17, false);
		String path = "/api/v1/projects/" + project + "/training-runs";

		JsonNode run = awaitEnd(start(project,
				"{\"architecture\":\"ensemble\",\"ensemble_members\":[\"pooled\",\"pooled\"],\"epochs\":1}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		byte[] artifact = download("/api/v1/reward-models/" + run.path("reward_model_id").asLong() + "/artifact")
			.bytes();
		try (RewardModel model = RewardModel.load(artifact)) {
			assertThat(model.config().members()).isEqualTo(2);
		}
		for (String body : List.of("{\"ensemble_members\":[\"pooled\"],\"architecture\":\"pooled\"}",
				"{\"architecture\":\"ensemble\",\"ensemble_members\":[]}",
				"{\"architecture\":\"ensemble\",\"ensemble_members\":[\"ensemble\"]}",
				"{\"architecture\":\"ensemble\",\"ensemble_members\":[\"pooled\",\"huge\"]}")) {
			assertThat(fields(api.post(path, admin(), body).expectProblem(400))).as(body)
				.containsExactly("ensemble_members");
		}
	}

	private List<Double> lengthPriorOf(JsonNode run) {
		byte[] artifact = download("/api/v1/reward-models/" + run.path("reward_model_id").asLong() + "/artifact")
			.bytes();
		try (RewardModel model = RewardModel.load(artifact)) {
			// an ensemble's prior is its members'
			return (model.members().isEmpty() ? model : model.members().get(0)).config().lengthPrior();
		}
	}

	@Test
	void aConsensusRunTrainsOnOneMergedRankingPerPrompt() {
		long project = newProject("{\"name\":\"Consensus source\"}");
		new RankingFixture(jdbc).easyRankings(project, 60, 13, false);

		JsonNode run = awaitEnd(
				start(project, "{\"source\":\"consensus\",\"architecture\":\"pooled\",\"epochs\":2,\"batch_size\":8}"));

		assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(run.path("source").asString()).isEqualTo("consensus");
		assertThat(run.path("metrics").size()).isEqualTo(2);
	}

	@Test
	void showsEachEpochsMetricsWhileRunningAndCancelsWithoutAModel() {
		long project = newProject("{\"name\":\"Cancelled training\"}");
		new RankingFixture(jdbc).easyRankings(project, 150, 5, false);
		String id = start(project, "{\"architecture\":\"pooled\",\"epochs\":100,\"batch_size\":4}");
		JsonNode live = awaitRunning(id);
		assertThat(live.path("metrics").get(0).path("epoch").asInt()).isEqualTo(1);
		assertThat(live.path("progress").asDouble()).isGreaterThan(0.0).isLessThan(1.0);

		long asked = System.nanoTime();
		api.post("/api/v1/training-runs/" + id + "/cancel", admin(), null).expectStatus(202);
		JsonNode ended = awaitEnd(id);

		assertThat(ended.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
		assertThat(ended.has("reward_model_id")).isFalse();
		assertThat(jdbc.sql("SELECT status FROM training_runs WHERE id = ?")
			.param(Long.parseLong(id))
			.query(String.class)
			.single()).isEqualTo("CANCELLED");
	}

	@Test
	void refusesToTrainWhenNoRankingOrdersTwoCandidates() {
		long empty = newProject("{\"name\":\"No rankings\"}");
		long tiedOnly = newProject("{\"name\":\"Only ties\"}");
		RankingFixture fixture = new RankingFixture(jdbc);
		fixture.rank(tiedOnly, "tied", List.of("a b", "c d", "e f", "g h"), List.of(List.of(0, 1, 2, 3)), null);
		fixture.notRankable(tiedOnly, "unrankable", List.of("x", "y", "z", "w"));

		assertThat(api.post("/api/v1/projects/" + empty + "/training-runs", admin(), "{}")
			.expectProblem(409)
			.path("detail")
			.asString()).contains("nothing to train on");
		api.post("/api/v1/projects/" + tiedOnly + "/training-runs", admin(), "{}").expectProblem(409);
		assertThat(jdbc.sql("SELECT count(*) FROM training_runs WHERE project_id IN (?, ?)")
			.params(empty, tiedOnly)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusesDirectScoreOnAProjectThatCollectsNoScores() {
		long project = newProject("{\"name\":\"No scores\"}");
		new RankingFixture(jdbc).easyRankings(project, 3, 1, false);

		assertThat(
				api.post("/api/v1/projects/" + project + "/training-runs", admin(), "{\"objective\":\"direct_score\"}")
					.expectProblem(409)
					.path("detail")
					.asString())
			.contains("does not collect scores");
	}

	@Test
	void refusesASecondRunWhileOneIsActive() {
		long project = newProject("{\"name\":\"One at a time\"}");
		new RankingFixture(jdbc).easyRankings(project, 150, 3, false);
		String first = start(project, "{\"architecture\":\"pooled\",\"epochs\":100,\"batch_size\":1}");

		api.post("/api/v1/projects/" + project + "/training-runs", admin(), "{}").expectProblem(409);

		api.post("/api/v1/training-runs/" + first + "/cancel", admin(), null).expectStatus(202);
		assertThat(awaitEnd(first).path("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void namesTheFieldOfEveryBadSetting() {
		long project = newProject("{\"name\":\"Bad settings\"}");
		String path = "/api/v1/projects/" + project + "/training-runs";

		assertThat(fields(api.post(path, admin(), """
				{"objective":"best","architecture":"huge","source":"everything","epochs":0,"learning_rate":-1,
				 "batch_size":0,"validation_fraction":0.9,"seed":-3}""").expectProblem(400))).containsExactlyInAnyOrder(
				"objective", "architecture", "source", "epochs", "learning_rate", "batch_size", "validation_fraction",
				"seed");
		assertThat(fields(api.post(path, admin(), "{\"epochs\":\"many\"}").expectProblem(400)))
			.containsExactly("epochs");
		api.post("/api/v1/projects/999999999/training-runs", admin(), "{}").expectProblem(404);
		api.get("/api/v1/training-runs/999999999", admin()).expectProblem(404);
	}

	@Test
	void validatesScoreRequests() {
		JsonNode run = trainedRun();
		String path = "/api/v1/reward-models/" + run.path("reward_model_id").asString() + "/score";
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			tooMany.add("response " + i);
		}

		assertThat(fields(api.post(path, admin(), scoreBody(" ")).expectProblem(400))).containsExactly("prompt",
				"responses");
		assertThat(fields(api.post(path, admin(), scoreBody("p", tooMany.toArray(String[]::new))).expectProblem(400)))
			.containsExactly("responses");
		assertThat(fields(api.post(path, admin(), "{\"prompt\":\"p\",\"responses\":[\"a\",null]}").expectProblem(400)))
			.containsExactly("responses[1]");
		assertThat(fields(api.post(path, admin(), scoreBody("p", "x".repeat(50_001))).expectProblem(400)))
			.containsExactly("responses[0]");
		api.post("/api/v1/reward-models/999999999/score", admin(), scoreBody("p", "a")).expectProblem(404);
		long untrained = newProject("{\"name\":\"Untrained\"}");
		api.post("/api/v1/projects/" + untrained + "/reward-model/score", admin(), scoreBody("p", "a"))
			.expectProblem(404);
	}

	@Test
	void aLabelerScoresOnlyInAProjectThatLetsLabelersScore() {
		JsonNode run = trainedRun();
		String project = run.path("project_id").asString();
		String byModel = "/api/v1/reward-models/" + run.path("reward_model_id").asString() + "/score";
		String byProject = "/api/v1/projects/" + project + "/reward-model/score";
		ApiClient.Credentials labeler = newLabeler();

		assertThat(api.post(byModel, labeler, scoreBody("p", "a")).expectProblem(403).path("detail").asString())
			.contains("does not let labelers score");
		api.post(byProject, labeler, scoreBody("p", "a")).expectProblem(403);

		api.patch("/api/v1/projects/" + project, admin(), "{\"labelers_may_score\":true}").expectStatus(200);
		try {
			JsonNode scored = api.post(byModel, labeler, scoreBody("p", GOOD_RESPONSE, BAD_RESPONSE))
				.expectStatus(200)
				.json();
			assertThat(scored.path("scores").get(0).asDouble()).isGreaterThan(scored.path("scores").get(1).asDouble());
			api.post(byProject, labeler, scoreBody("p", "a")).expectStatus(200);
			// Letting labelers score does not open the project's other calls to them.
			api.get("/api/v1/reward-models/" + run.path("reward_model_id").asString(), labeler).expectProblem(403);
		}
		finally {
			api.patch("/api/v1/projects/" + project, admin(), "{\"labelers_may_score\":false}").expectStatus(200);
		}
		api.post(byModel, labeler, scoreBody("p", "a")).expectProblem(403);
	}

	@Test
	void onlyAdminsTrainAndReadModels() {
		JsonNode run = trainedRun();
		String project = run.path("project_id").asString();
		String model = run.path("reward_model_id").asString();
		ApiClient.Credentials labeler = newLabeler();

		api.post("/api/v1/projects/" + project + "/training-runs", labeler, "{}").expectProblem(403);
		api.get("/api/v1/training-runs/" + run.path("id").asString(), labeler).expectProblem(403);
		api.post("/api/v1/training-runs/" + run.path("id").asString() + "/cancel", labeler, null).expectProblem(403);
		api.get("/api/v1/reward-models/" + model, labeler).expectProblem(403);
		api.get("/api/v1/reward-models/" + model + "/artifact", labeler).expectProblem(403);
		api.get("/api/v1/projects/" + project + "/reward-models", labeler).expectProblem(403);

		api.post("/api/v1/projects/" + project + "/training-runs", ApiClient.ANONYMOUS, "{}").expectProblem(401);
		api.get("/api/v1/training-runs/" + run.path("id").asString(), ApiClient.ANONYMOUS).expectProblem(401);
		api.post("/api/v1/reward-models/" + model + "/score", ApiClient.ANONYMOUS, scoreBody("p", "a"))
			.expectProblem(401);
		api.post("/api/v1/projects/" + project + "/reward-model/score", ApiClient.ANONYMOUS, scoreBody("p", "a"))
			.expectProblem(401);
	}

	/**
	 * Trains the shared model once: 150 easy prompts, 10 epochs, a fifth of the prompts
	 * held out.
	 */
	private JsonNode trainedRun() {
		return trainedRun(api, admin(), jdbc);
	}

	/**
	 * The shared model's finished run, trained on first use; other tests of the package
	 * score with it too.
	 */
	static synchronized JsonNode trainedRun(ApiClient api, ApiClient.Credentials admin,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		if (trained == null) {
			long project = Long.parseLong(api.post("/api/v1/projects", admin, "{\"name\":\"Easy order\"}")
				.expectStatus(201)
				.json()
				.path("id")
				.asString());
			new RankingFixture(jdbc).easyRankings(project, 150, 7, false);
			JsonNode started = api.post("/api/v1/projects/" + project + "/training-runs", admin,
					"{\"architecture\":\"pooled\",\"epochs\":%d,\"batch_size\":8,\"validation_fraction\":0.2,\"seed\":42}"
						.formatted(EPOCHS))
				.expectStatus(202)
				.json();
			assertThat(started.path("status").asString()).isEqualTo("QUEUED");
			List<String> seen = new ArrayList<>(List.of("QUEUED"));
			JsonNode ended = awaitEnd(api, admin, started.path("id").asString(), seen);
			tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) ended.deepCopy();
			copy.putPOJO("seen_statuses", seen);
			trained = copy;
		}
		return trained;
	}

	private String start(long project, String body) {
		return api.post("/api/v1/projects/" + project + "/training-runs", admin(), body)
			.expectStatus(202)
			.json()
			.path("id")
			.asString();
	}

	private JsonNode awaitEnd(String id) {
		return awaitEnd(api, admin(), id, new ArrayList<>());
	}

	/**
	 * Polls the run until it ends (at most 120 s), noting every status seen on the way.
	 */
	static JsonNode awaitEnd(ApiClient api, ApiClient.Credentials admin, String id, List<String> seen) {
		return awaitEnd(api, admin, id, seen, Duration.ofSeconds(120));
	}

	static JsonNode awaitEnd(ApiClient api, ApiClient.Credentials admin, String id, List<String> seen,
			Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			JsonNode run = api.get("/api/v1/training-runs/" + id, admin).expectStatus(200).json();
			String status = run.path("status").asString();
			if (!seen.contains(status)) {
				seen.add(status);
			}
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
				return run;
			}
			if (System.nanoTime() > deadline) {
				fail("training run %s did not end within %s; last seen: %s", id, timeout, run);
			}
			pause();
		}
	}

	/** Polls the run until it runs, has finished its first epoch and shows progress. */
	private JsonNode awaitRunning(String id) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode run = api.get("/api/v1/training-runs/" + id, admin()).expectStatus(200).json();
			// Progress is saved every job beat, so it may trail the first epoch's metrics
			// for a moment.
			if (run.path("status").asString().equals("RUNNING") && !run.path("metrics").isEmpty()
					&& run.path("progress").asDouble() > 0) {
				return run;
			}
			if (System.nanoTime() > deadline) {
				fail("training run %s never showed a finished epoch while running; last seen: %s", id, run);
			}
			pause();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String scoreBody(String prompt, String... responses) {
		tools.jackson.databind.node.ObjectNode body = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.createObjectNode();
		body.put("prompt", prompt);
		tools.jackson.databind.node.ArrayNode array = body.putArray("responses");
		for (String response : responses) {
			array.add(response);
		}
		return body.toString();
	}

	static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach(error -> fields.add(error.path("field").asString()));
		return fields;
	}

	private record Download(byte[] bytes, String contentType, String disposition) {
	}

	private Download download(String path) {
		try {
			java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
					.header("Authorization", admin().header())
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			return new Download(response.body(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Content-Disposition").orElse(""));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
