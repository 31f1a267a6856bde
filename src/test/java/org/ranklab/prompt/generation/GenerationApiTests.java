package org.ranklab.prompt.generation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

class GenerationApiTests extends GenerationTest {

	@Test
	void generatesDistinctCandidatesWithProvenanceForEveryWaitingPrompt() {
		long project = newProject("{\"name\":\"Generated\",\"min_candidates\":4,\"max_candidates\":6}");
		List<Long> prompts = waitingPrompts(project, "Explain tides.", "Name a prime.", "Write a haiku.");

		String jobId = startGeneration(project, ",\"temperature\":0.7,\"max_tokens\":64");
		JsonNode job = awaitEnd(jobId);

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.path("type").asString()).isEqualTo("generation");
		assertThat(job.path("progress").asDouble()).isEqualTo(1.0);
		assertThat(job.path("details").path("prompts_done").asInt()).isEqualTo(3);
		assertThat(job.path("parameters").path("n").asInt()).as("n defaults to min_candidates").isEqualTo(4);
		assertThat(job.path("finished_at").isString()).isTrue();
		for (long prompt : prompts) {
			assertThat(candidateTexts(prompt)).hasSize(4).doesNotHaveDuplicates();
			assertThat(isReady(prompt)).isTrue();
			assertThat(hasSlot(prompt)).isTrue();
		}
		var stored = jdbc.sql("""
				SELECT c.position, c.model, c.meta->>'temperature' AS temperature, c.meta->>'finish_reason' AS finish,
				       c.meta->>'generation_job_id' AS job, c.meta->>'max_tokens' AS max_tokens
				FROM candidates c WHERE c.prompt_id = ? ORDER BY c.position""")
			.param(prompts.get(0))
			.query((rs, n) -> Map.of("position", rs.getInt(1), "model", rs.getString(2), "temperature", rs.getString(3),
					"finish", rs.getString(4), "job", rs.getString(5), "max_tokens", rs.getString(6)))
			.list();
		assertThat(stored).extracting(row -> row.get("position")).containsExactly(0, 1, 2, 3);
		assertThat(stored).allSatisfy(row -> {
			assertThat(row.get("model")).isEqualTo("test-model");
			assertThat(row.get("temperature")).isEqualTo("0.7");
			assertThat(row.get("max_tokens")).isEqualTo("64");
			assertThat(row.get("job")).isEqualTo(jobId);
		});
		assertThat(stored).extracting(row -> row.get("finish")).contains("stop", "length");

		ModelServer.Call call = model.callsFor("Explain tides.").get(0);
		assertThat(call.path()).isEqualTo("/v1/chat/completions");
		assertThat(call.n()).isEqualTo(4);
		assertThat(call.body().path("model").asString()).isEqualTo("test-model");
		assertThat(call.body().path("messages").path(0).path("role").asString()).isEqualTo("user");
		assertThat(call.body().path("temperature").asDouble()).isEqualTo(0.7);
		assertThat(call.body().path("max_tokens").asInt()).isEqualTo(64);
		assertThat(call.authorization()).as("no key given, no Authorization header").isNull();
		assertThat(model.calls()).hasSize(3);
	}

	@Test
	void fallsBackToOneRequestPerCandidateWhenTheServerIgnoresN() {
		long project = newProject("{\"name\":\"Ignores n\",\"min_candidates\":3,\"max_candidates\":5}");
		long prompt = waitingPrompts(project, "Count to three.").get(0);
		model.behave(call -> model.distinct(new ModelServer.Call(call.path(), call.prompt(), 1, null, null, 0, 0)));

		JsonNode job = awaitEnd(startGeneration(project, ",\"n\":5"));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.path("details").path("server_ignores_n").asBoolean()).isTrue();
		assertThat(candidateTexts(prompt)).hasSize(5).doesNotHaveDuplicates();
		assertThat(model.calls()).extracting(ModelServer.Call::n).containsExactly(5, 1, 1, 1, 1);
	}

	@Test
	void waitsAsRetryAfterSaysWhenRateLimited() {
		long project = newProject("{\"name\":\"Rate limited\"}");
		long prompt = waitingPrompts(project, "Be patient.").get(0);
		model.behave(call -> call.attempt() == 1
				? new MockResponse.Builder(ModelServer.status(429)).addHeader("Retry-After", "1").build()
				: model.distinct(call));

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(candidateTexts(prompt)).hasSize(4);
		List<ModelServer.Call> calls = model.callsFor("Be patient.");
		assertThat(calls).hasSize(2);
		assertThat(Duration.ofNanos(calls.get(1).atNanos() - calls.get(0).atNanos()))
			.as("the retry waits for Retry-After, not the 20 ms backoff")
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(job.path("details").path("retries").asInt()).isEqualTo(1);
	}

	@Test
	void retriesAfterAServerError() {
		long project = newProject("{\"name\":\"Server error\"}");
		long prompt = waitingPrompts(project, "Try again.").get(0);
		model.behave(call -> call.attempt() <= 2 ? ModelServer.status(call.attempt() == 1 ? 500 : 503)
				: model.distinct(call));

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(candidateTexts(prompt)).hasSize(4);
		assertThat(model.callsFor("Try again.")).hasSize(3);
	}

	@Test
	void retriesARequestThatTimesOut() {
		long project = newProject("{\"name\":\"Slow server\"}");
		long prompt = waitingPrompts(project, "Take your time.").get(0);
		// The test profile allows 1 s per request; the first answer would take 3 s.
		model.behave(call -> call.attempt() == 1
				? new MockResponse.Builder(model.distinct(call)).headersDelay(3, TimeUnit.SECONDS).build()
				: model.distinct(call));

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(candidateTexts(prompt)).hasSize(4);
		assertThat(model.callsFor("Take your time.")).hasSize(2);
	}

	@Test
	void asksAgainUntilTheCandidatesAreDistinct() {
		long project = newProject("{\"name\":\"Duplicates\"}");
		long prompt = waitingPrompts(project, "Say something.").get(0);
		model.behave(call -> switch (call.attempt()) {
			case 1 -> ModelServer.choices("Same answer", "Same answer", "  Same answer\n", "   ");
			case 2 -> ModelServer.choices("Same answer", "Other answer", "Same answer");
			case 3 -> ModelServer.choices("Same answer", "Other answer");
			default -> ModelServer.choices("Third answer", "Fourth answer", "Fifth answer");
		});

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(candidateTexts(prompt)).containsExactly("Same answer", "Other answer", "Third answer",
				"Fourth answer");
		assertThat(model.callsFor("Say something.")).extracting(ModelServer.Call::n).containsExactly(4, 3, 2, 2);
	}

	@Test
	void leavesAPromptWaitingWhenItsRetryBudgetRunsOut() {
		long project = newProject("{\"name\":\"Stubborn\"}");
		List<Long> prompts = waitingPrompts(project, "Easy prompt.", "Stubborn prompt.");
		model.behave(call -> call.prompt().startsWith("Stubborn") ? ModelServer.choices("Always the same")
				: model.distinct(call));

		JsonNode job = awaitEnd(startGeneration(project, ""));

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(job.path("message").asString()).contains("1 prompts could not be completed");
		assertThat(job.path("details").path("prompts_failed").asInt()).isEqualTo(1);
		assertThat(candidateTexts(prompts.get(0))).hasSize(4);
		assertThat(candidateTexts(prompts.get(1))).isEmpty();
		assertThat(isReady(prompts.get(1))).isFalse();
		assertThat(hasSlot(prompts.get(0))).isTrue();
		assertThat(hasSlot(prompts.get(1))).isFalse();
		// The first request and then the test profile's budget of 4 requests that bring
		// nothing new.
		assertThat(model.callsFor("Stubborn prompt.")).hasSize(1 + 4 + 1);
	}

	@Test
	void failsTheJobWhenTheServerRefusesTheKey() {
		long project = newProject("{\"name\":\"Wrong key\"}");
		long prompt = waitingPrompts(project, "Anything.").get(0);
		model.behave(call -> ModelServer.status(401));

		JsonNode job = awaitEnd(startGeneration(project, ",\"api_key\":\"wrong-key\""));

		assertThat(job.path("status").asString()).isEqualTo("FAILED");
		assertThat(job.path("message").asString()).contains("401").contains("API key");
		assertThat(isReady(prompt)).isFalse();
		assertThat(model.calls()).hasSize(1);
	}

	@Test
	void doesNotFollowRedirects() {
		long project = newProject("{\"name\":\"Redirected\"}");
		long prompt = waitingPrompts(project, "Where to?").get(0);
		model.behave(call -> new MockResponse.Builder().code(307)
			.addHeader("Location", "http://127.0.0.2:9/v1/chat/completions")
			.build());

		JsonNode job = awaitEnd(startGeneration(project, ",\"api_key\":\"key-for-this-host-only\""));

		assertThat(job.path("status").asString()).isEqualTo("FAILED");
		assertThat(job.path("message").asString()).contains("redirects are not followed");
		assertThat(isReady(prompt)).isFalse();
		assertThat(model.calls()).hasSize(1);
	}

	@Test
	void sendsTheApiKeyAsBearerButNeverShowsOrKeepsIt() throws InterruptedException {
		long project = newProject("{\"name\":\"Secret key\"}");
		waitingPrompts(project, "Keep a secret.");
		String key = "sk-test-" + java.util.UUID.randomUUID();
		CountDownLatch called = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		model.behave(call -> {
			called.countDown();
			release.await(10, TimeUnit.SECONDS); // while the test reads the queue entry
			return model.distinct(call);
		});

		ApiClient.Response started = api.post("/api/v1/projects/" + project + "/generation", admin(),
				"{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\",\"api_key\":\"" + key + "\"}");
		String jobId = started.expectStatus(202).json().path("job_id").asString();
		assertThat(called.await(10, TimeUnit.SECONDS)).isTrue();
		String during = api.get("/api/v1/jobs/" + jobId, admin()).expectStatus(200).body();
		String queueEntry = jdbc
			.sql("SELECT convert_from(task_data, 'UTF8') FROM scheduled_tasks WHERE task_instance = ?")
			.param(jobId)
			.query(String.class)
			.single();
		release.countDown();
		JsonNode job = awaitEnd(jobId);
		String after = api.get("/api/v1/jobs/" + jobId, admin()).expectStatus(200).body();

		assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(model.calls()).extracting(ModelServer.Call::authorization).containsOnly("Bearer " + key);
		assertThat(started.body() + during + after).doesNotContain(key);
		assertThat(queueEntry).as("the running job's queue entry holds the key encrypted")
			.contains("aes-gcm:")
			.doesNotContain(key);
		assertThat(job.path("parameters").path("with_api_key").asBoolean()).isTrue();
		assertThat(jdbc.sql("SELECT count(*) FROM jobs WHERE jobs::text LIKE ?")
			.param("%" + key + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
			.param(jobId)
			.query(Long.class)
			.single()).as("the queue entry holding the key is gone").isZero();
	}

	@Test
	void refusesAnApiKeyThatCannotBeSentWithoutShowingIt() {
		long project = newProject("{\"name\":\"Pasted key\"}");
		waitingPrompts(project, "Waiting.");

		try (CapturedLogs logs = CapturedLogs.start()) {
			// A zero-width space pasted along with the key, a space inside it, a
			// non-ASCII
			// letter.
			for (String key : List.of("sk-pasted-secret-1\\u200b", "sk-pasted secret-2", "sk-pasted-secret-3\u00e9")) {
				String body = api
					.post("/api/v1/projects/" + project + "/generation", admin(),
							"{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\",\"api_key\":\"" + key + "\"}")
					.expectStatus(400)
					.body();
				assertThat(body).as(key).contains("api_key").doesNotContain("sk-pasted");
			}
			assertThat(logs.text()).doesNotContain("sk-pasted").doesNotContain("secret-");
		}
		assertThat(jobsOf(project)).isZero();
		assertThat(model.calls()).isEmpty();
	}

	/**
	 * A model server may echo the key anywhere: in an error message, in a redirect's
	 * {@code Location}. Neither the job's message nor any log line may then show it.
	 */
	@Test
	void keepsTheApiKeyOutOfLogsAndJobMessagesWhenGenerationFails() {
		String key = "sk-echoed-" + java.util.UUID.randomUUID();
		long project = newProject("{\"name\":\"Echoed key\"}");
		long prompt = waitingPrompts(project, "Echo.").get(0);

		try (CapturedLogs logs = CapturedLogs.start()) {
			model.behave(call -> new MockResponse.Builder().code(call.attempt() == 1 ? 500 : 400)
				.addHeader("Content-Type", "application/json")
				.body("{\"error\":{\"message\":\"bad key " + key + "\"}}")
				.build());
			JsonNode failedPrompt = awaitEnd(startGeneration(project, ",\"api_key\":\"" + key + "\""));
			model.behave(call -> new MockResponse.Builder().code(307)
				.addHeader("Location", "http://127.0.0.1:9/v1/chat/completions?key=" + key)
				.body("moved, key " + key)
				.build());
			JsonNode failedJob = awaitEnd(startGeneration(project, ",\"api_key\":\"" + key + "\""));

			assertThat(failedPrompt.path("message").asString()).contains("400").doesNotContain(key);
			assertThat(failedJob.path("status").asString()).isEqualTo("FAILED");
			assertThat(failedJob.path("message").asString()).contains("redirect").doesNotContain(key);
			assertThat(logs.text()).contains("Job " + failedJob.path("id").asString()).doesNotContain(key);
		}
		assertThat(model.calls()).extracting(ModelServer.Call::authorization).containsOnly("Bearer " + key);
		assertThat(isReady(prompt)).isFalse();
	}

	/**
	 * Answers built to exhaust the worker: each request ends at the response cap (1 MB in
	 * the tests) or the request timeout (1 s), as a failure that uses up the retry
	 * budget; the prompt stays waiting and the job ends (failed: no prompt got
	 * candidates).
	 */
	@Test
	void survivesModelServersThatAnswerEndlesslyHugelyOrSlowly() {
		for (HostileModelServer.Body body : HostileModelServer.Body.values()) {
			try (HostileModelServer hostile = new HostileModelServer(body)) {
				long project = newProject("{\"name\":\"Hostile " + body + "\"}");
				long prompt = waitingPrompts(project, "Overwhelm me.").get(0);
				long started = System.nanoTime();

				String jobId = api
					.post("/api/v1/projects/" + project + "/generation", admin(),
							"{\"base_url\":\"" + hostile.baseUrl() + "\",\"model\":\"m\"}")
					.expectStatus(202)
					.json()
					.path("job_id")
					.asString();
				JsonNode job = awaitEnd(jobId);

				assertThat(Duration.ofNanos(System.nanoTime() - started)).as(body.name())
					.isLessThan(Duration.ofSeconds(12));
				assertThat(job.path("status").asString()).as("no prompt got candidates").isEqualTo("FAILED");
				assertThat(job.path("message").asString()).as(body.name())
					.contains("1 prompts could not be completed")
					.containsAnyOf("exceeds 1 MB", "no answer within 1 s");
				assertThat(hostile.requests()).as("the first request and the test profile's 4 retries").isEqualTo(5);
				assertThat(hostile.bytesSent()).as(body.name()).isLessThan(5 * ((1L << 20) + (24L << 20)));
				assertThat(isReady(prompt)).isFalse();
			}
		}
	}

	@Test
	void cancelStopsARunningJobWithinSeconds() throws InterruptedException {
		long project = newProject("{\"name\":\"Cancelled\"}");
		List<Long> prompts = waitingPrompts(project, "One.", "Two.", "Three.", "Four.", "Five.", "Six.");
		CountDownLatch release = new CountDownLatch(1);
		model.behave(call -> {
			release.await(10, TimeUnit.SECONDS); // holds every request until the test
													// ends
			return model.distinct(call);
		});
		String jobId = startGeneration(project, "");
		awaitJob(jobId, job -> job.path("status").asString().equals("RUNNING") && !model.calls().isEmpty());

		long asked = System.nanoTime();
		JsonNode accepted = api.post("/api/v1/jobs/" + jobId + "/cancel", admin(), null).expectStatus(202).json();
		JsonNode job = awaitEnd(jobId);
		Duration took = Duration.ofNanos(System.nanoTime() - asked);
		release.countDown();

		assertThat(accepted.path("cancel_requested").asBoolean()).isTrue();
		assertThat(job.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(took).isLessThan(Duration.ofSeconds(3));
		assertThat(prompts).noneMatch(this::isReady);
		api.post("/api/v1/jobs/" + jobId + "/cancel", admin(), null).expectStatus(202);
	}

	@Test
	void refusesInvalidSettingsNamingEachField() {
		long project = newProject("{\"name\":\"Invalid settings\",\"min_candidates\":4,\"max_candidates\":6}");
		waitingPrompts(project, "Waiting.");

		JsonNode problem = api.post("/api/v1/projects/" + project + "/generation", admin(), """
				{"base_url":"ftp://example.org/v1","model":" ","n":7,"temperature":2.5,"max_tokens":0}""")
			.expectProblem(400);

		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("base_url", "model", "n", "temperature", "max_tokens");
		assertThat(problem.path("detail").asString()).contains("n: must be between 4 and 6");
		assertThat(jobsOf(project)).isZero();
	}

	@Test
	void refusesRelativeUrlsAndWrongTypes() {
		long project = newProject("{\"name\":\"Relative url\"}");
		waitingPrompts(project, "Waiting.");

		JsonNode relative = api
			.post("/api/v1/projects/" + project + "/generation", admin(), "{\"base_url\":\"/v1\",\"model\":\"m\"}")
			.expectProblem(400);
		JsonNode missing = api.post("/api/v1/projects/" + project + "/generation", admin(), "{\"model\":\"m\",\"n\":3}")
			.expectProblem(400);
		JsonNode wrongType = api
			.post("/api/v1/projects/" + project + "/generation", admin(),
					"{\"base_url\":\"http://127.0.0.1:1/v1\",\"model\":\"m\",\"temperature\":\"hot\"}")
			.expectProblem(400);

		assertThat(relative.at("/errors/0/field").asString()).isEqualTo("base_url");
		assertThat(missing.path("errors").valueStream().map(e -> e.path("field").asString()))
			.containsExactlyInAnyOrder("base_url", "n");
		assertThat(wrongType.at("/errors/0/field").asString()).isEqualTo("temperature");
		assertThat(jobsOf(project)).isZero();
	}

	@Test
	void refusesNonPublicModelServersBeforeConnectingAndQueuesNothing() {
		long project = newProject("{\"name\":\"Internal address\"}");
		long prompt = waitingPrompts(project, "Waiting.").get(0);

		// Only loopback is allowed in the tests; these are refused by the policy before
		// any connection.
		for (String url : List.of("http://10.0.0.1/v1", "http://169.254.169.254/latest", "http://[::ffff:10.0.0.1]/v1",
				"http://2130706433:" + port + "/v1", "http://[fd00::1]/v1", "http://user:pw@127.0.0.1:1/v1")) {
			JsonNode problem = api
				.post("/api/v1/projects/" + project + "/generation", admin(),
						"{\"base_url\":\"" + url + "\",\"model\":\"m\"}")
				.expectProblem(400);
			assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString())).as(url)
				.containsExactly("base_url");
		}
		JsonNode metadata = api
			.post("/api/v1/projects/" + project + "/generation", admin(),
					"{\"base_url\":\"http://169.254.169.254/latest\",\"model\":\"m\"}")
			.expectProblem(400);

		assertThat(metadata.at("/errors/0/message").asString()).contains("link-local")
			.contains("ranklab.generation.allowed-hosts");
		assertThat(jobsOf(project)).isZero();
		assertThat(isReady(prompt)).isFalse();
		assertThat(model.calls()).isEmpty();
	}

	@Test
	void unknownProjectIsNotFoundAndNothingWaitingIsAConflict() {
		api.post("/api/v1/projects/987654321/generation", admin(),
				"{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\"}")
			.expectProblem(404);

		long project = newProject("{\"name\":\"Nothing waiting\"}");
		JsonNode problem = api
			.post("/api/v1/projects/" + project + "/generation", admin(),
					"{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\"}")
			.expectProblem(409);

		assertThat(problem.path("detail").asString()).contains("waiting");
		assertThat(model.calls()).isEmpty();
	}

	@Test
	void refusesASecondGenerationWhileOneRuns() {
		long project = newProject("{\"name\":\"One at a time\"}");
		waitingPrompts(project, "Slow one.");
		CountDownLatch release = new CountDownLatch(1);
		model.behave(call -> {
			release.await(10, TimeUnit.SECONDS);
			return model.distinct(call);
		});
		String first = startGeneration(project, "");

		JsonNode problem = api
			.post("/api/v1/projects/" + project + "/generation", admin(),
					"{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\"}")
			.expectProblem(409);
		release.countDown();

		assertThat(problem.path("detail").asString()).contains("generation job " + first);
		assertThat(awaitEnd(first).path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(jobsOf(project)).isEqualTo(1);
	}

	@Test
	void onlyAdminsStartAndFollowGenerations() {
		long project = newProject("{\"name\":\"Admins only\"}");
		waitingPrompts(project, "Waiting.");
		ApiClient.Credentials labeler = newLabeler();
		String body = "{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\"}";

		api.post("/api/v1/projects/" + project + "/generation", labeler, body).expectProblem(403);
		api.post("/api/v1/projects/" + project + "/generation", ApiClient.ANONYMOUS, body).expectProblem(401);
		assertThat(jobsOf(project)).isZero();

		String jobId = startGeneration(project, "");
		api.get("/api/v1/jobs/" + jobId, labeler).expectProblem(403);
		api.get("/api/v1/jobs/" + jobId, ApiClient.ANONYMOUS).expectProblem(401);
		api.post("/api/v1/jobs/" + jobId + "/cancel", labeler, null).expectProblem(403);
		api.post("/api/v1/jobs/" + jobId + "/cancel", ApiClient.ANONYMOUS, null).expectProblem(401);
		assertThat(awaitEnd(jobId).path("status").asString()).isEqualTo("SUCCEEDED");
	}

	@Test
	void unknownJobIsNotFoundAndAFinishedJobCannotBeCancelled() {
		api.get("/api/v1/jobs/987654321", admin()).expectProblem(404);
		api.post("/api/v1/jobs/987654321/cancel", admin(), null).expectProblem(404);

		long project = newProject("{\"name\":\"Finished\"}");
		waitingPrompts(project, "Quick.");
		String jobId = startGeneration(project, "");
		awaitEnd(jobId);

		api.post("/api/v1/jobs/" + jobId + "/cancel", admin(), null).expectProblem(409);
	}

	private long jobsOf(long project) {
		return jdbc.sql("SELECT count(*) FROM jobs WHERE project_id = ?").param(project).query(Long.class).single();
	}

}
