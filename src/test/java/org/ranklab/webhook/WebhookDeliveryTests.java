package org.ranklab.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end: the app signs and sends to a real HTTP receiver on loopback that
 * checks every signature as a consumer would, and tries again when it fails.
 */
class WebhookDeliveryTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void rankingsThatCompleteTheProjectAreDeliveredSignedEachEventOnce() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			long project = projectWithPrompts(2);
			hook(receiver, project, "ranking.created", "prompt.completed", "project.completed");
			ApiClient.Credentials labeler = newLabeler();

			List<String> rankings = new ArrayList<>();
			rankings.add(rankNext(project, labeler));
			rankings.add(rankNext(project, labeler));

			List<WebhookReceiver.Received> got = receiver.await(all -> all.size() >= 5);
			Thread.sleep(300); // nothing more may come
			got = receiver.received();
			assertThat(got).hasSize(5).allSatisfy(request -> assertThat(request.verified()).isTrue());
			assertThat(got).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
			List<JsonNode> bodies = got.stream().map(request -> JSON.readTree(request.body())).toList();
			assertThat(bodies).extracting(body -> body.path("type").asString())
				.containsExactlyInAnyOrder("ranking.created", "ranking.created", "prompt.completed", "prompt.completed",
						"project.completed");
			assertThat(bodies).allSatisfy(body -> {
				assertThat(body.path("timestamp").asString()).isNotBlank();
				assertThat(body.path("data").path("project_id").asString()).isEqualTo(Long.toString(project));
			});
			assertThat(bodies.stream()
				.filter(body -> body.path("type").asString().equals("ranking.created"))
				.map(body -> body.path("data").path("ranking_id").asString()))
				.containsExactlyInAnyOrderElementsOf(rankings);
		}
	}

	/**
	 * Gold prompts never complete: the project is complete when its regular prompts are.
	 */
	@Test
	void aProjectWithGoldPromptsCompletesWithItsRegularPrompts() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			long project = projectWithPrompts(1);
			api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
					"{\"prompt\":\"gold\",\"candidates\":[\"a\",\"b\"],\"gold\":[[0],[1]]}\n")
				.expectStatus(201);
			hook(receiver, project, "project.completed");

			rankNext(project, newLabeler());

			List<WebhookReceiver.Received> got = receiver.await(all -> !all.isEmpty());
			assertThat(JSON.readTree(got.get(0).body()).path("type").asString()).isEqualTo("project.completed");
		}
	}

	@Test
	void aReceiverThatFailsGetsTheSameEventAgainWithBackoffUntilItAnswers2xx() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(500, 503)) {
			long project = projectWithPrompts(1);
			String hook = hook(receiver, project, "ranking.created");

			rankNext(project, newLabeler());

			List<WebhookReceiver.Received> tries = receiver.await(all -> all.size() >= 3);
			assertThat(tries).hasSize(3).allSatisfy(request -> assertThat(request.verified()).isTrue());
			assertThat(tries).extracting(WebhookReceiver.Received::id).containsOnly(tries.get(0).id());
			assertThat(tries).extracting(WebhookReceiver.Received::body).containsOnly(tries.get(0).body());
			// backoff-initial is 100 ms in the tests, doubled, with at most a quarter
			// less
			assertThat(java.time.Duration.between(tries.get(0).at(), tries.get(1).at()))
				.isGreaterThanOrEqualTo(java.time.Duration.ofMillis(70));
			assertThat(java.time.Duration.between(tries.get(1).at(), tries.get(2).at()))
				.isGreaterThanOrEqualTo(java.time.Duration.ofMillis(140));
			JsonNode delivery = awaitDelivery(hook, "DELIVERED");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
			assertThat(delivery.path("last_status_code").asInt()).isEqualTo(204);
			assertThat(delivery.path("message_id").asString()).isEqualTo(tries.get(0).id());
			assertThat(delivery.path("event").asString()).isEqualTo("ranking.created");
		}
	}

	@Test
	void aReceiverThatKeepsFailingIsGivenUpAfterMaxAttempts() throws Exception {
		try (WebhookReceiver receiver = new WebhookReceiver(500, 500, 500, 500, 500, 500, 500)) {
			long project = projectWithPrompts(1);
			String hook = hook(receiver, project, "ranking.created");

			rankNext(project, newLabeler());

			JsonNode delivery = awaitDelivery(hook, "FAILED");
			assertThat(delivery.path("attempts").asInt()).isEqualTo(5);
			assertThat(delivery.path("last_status_code").asInt()).isEqualTo(500);
			assertThat(delivery.path("last_error").asString()).contains("gave up after 5 tries");
			assertThat(receiver.received()).hasSize(5);
		}
	}

	@Test
	void theSecretIsShownOnceAndHooksAreListedAndDeleted() {
		long project = projectWithPrompts(1);
		JsonNode created = api
			.post("/api/v1/webhooks", admin(),
					"""
							{"url":"http://127.0.0.1:9/once","events":["job.finished","ranking.created"],"project_id":"%s"}"""
						.formatted(project))
			.expectStatus(201)
			.json();
		String id = created.path("id").asString();
		assertThat(created.path("secret").asString()).startsWith("whsec_");
		assertThat(created.path("events")).extracting(JsonNode::asString)
			.containsExactly("ranking.created", "job.finished");
		assertThat(created.path("project_id").asString()).isEqualTo(Long.toString(project));

		String listed = api.get("/api/v1/webhooks", admin()).expectStatus(200).body();
		assertThat(listed).contains("\"id\":\"" + id + "\"").doesNotContain("secret").doesNotContain("whsec_");
		assertThat(jdbc.sql("SELECT secret_sealed FROM webhooks WHERE id = ?")
			.param(Long.parseLong(id))
			.query(String.class)
			.single()).startsWith("aes-gcm:").doesNotContain(created.path("secret").asString().substring(6));

		api.delete("/api/v1/webhooks/" + id, admin()).expectStatus(204);
		api.get("/api/v1/webhooks/" + id + "/deliveries", admin()).expectProblem(404);
		api.delete("/api/v1/webhooks/" + id, admin()).expectProblem(404);
	}

	@Test
	void refusesAddressesTheGenerationPolicyRefusesAndUnknownEvents() {
		JsonNode problem = api.post("/api/v1/webhooks", admin(),
				"""
						{"url":"http://10.0.0.1/hook","events":["ranking.created","nothing.happened"],"project_id":"99999999"}""")
			.expectProblem(400);
		assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "events",
				"project_id");
		assertThat(problem.path("detail").asString()).contains("private").contains("nothing.happened");

		api.post("/api/v1/webhooks", admin(),
				"{\"url\":\"http://169.254.169.254/latest\",\"events\":[\"job.finished\"]}")
			.expectProblem(400);
		api.post("/api/v1/webhooks", admin(), "{\"url\":\"ftp://127.0.0.1/x\",\"events\":[\"job.finished\"]}")
			.expectProblem(400);
		api.post("/api/v1/webhooks", admin(), "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[]}").expectProblem(400);
		assertThat(jdbc.sql("SELECT count(*) FROM webhooks WHERE url LIKE '%169.254%' OR url LIKE 'ftp:%'")
			.query(Long.class)
			.single()).isZero();
	}

	private long projectWithPrompts(int prompts) {
		long project = newProject("{\"name\":\"Hooks\",\"min_candidates\":2,\"rankings_per_prompt\":1}");
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < prompts; i++) {
			body.append("{\"prompt\":\"hook prompt %d\",\"candidates\":[\"a\",\"b\"]}\n".formatted(i));
		}
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson", body.toString())
			.expectStatus(201);
		return project;
	}

	private String hook(WebhookReceiver receiver, long project, String... events) {
		return receiver.hook(api, admin(), project, events);
	}

	/** Ranks the labeler's next task (candidates in the order shown); its ranking id. */
	private String rankNext(long project, ApiClient.Credentials labeler) {
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		List<String> tiers = new ArrayList<>();
		task.path("candidates").forEach(c -> tiers.add("[\"" + c.path("id").asString() + "\"]"));
		return api
			.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
					"{\"ranking\":[" + String.join(",", tiers) + "]}")
			.expectStatus(201)
			.json()
			.path("ranking_id")
			.asString();
	}

	private JsonNode awaitDelivery(String hook, String status) throws InterruptedException {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		while (true) {
			JsonNode log = api.get("/api/v1/webhooks/" + hook + "/deliveries", admin()).expectStatus(200).json();
			if (log.size() == 1 && log.get(0).path("status").asString().equals(status)) {
				return log.get(0);
			}
			assertThat(System.nanoTime()).as("delivery %s by now: %s", status, log).isLessThan(deadline);
			assertThat(Set.of("PENDING", status))
				.contains(log.size() == 0 ? "PENDING" : log.get(0).path("status").asString());
			Thread.sleep(100);
		}
	}

}
