package org.ranklab.prompt.generation;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.fail;

/**
 * Generation tests share a fake model server per test and helpers to add prompts and
 * follow jobs.
 */
abstract class GenerationTest extends IntegrationTest {

	protected ModelServer model;

	@BeforeEach
	void startModelServer() {
		model = new ModelServer();
	}

	@AfterEach
	void stopModelServer() {
		model.close();
	}

	/** Adds prompts waiting for generation, as the import stores them. */
	protected List<Long> waitingPrompts(long projectId, String... texts) {
		return java.util.Arrays.stream(texts)
			.map(text -> jdbc.sql("INSERT INTO prompts (project_id, text) VALUES (?, ?) RETURNING id")
				.params(projectId, text)
				.query(Long.class)
				.single())
			.toList();
	}

	protected String startGeneration(long projectId, String extraJson) {
		String body = "{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"test-model\"" + extraJson + "}";
		return api.post("/api/v1/projects/" + projectId + "/generation", admin(), body)
			.expectStatus(202)
			.json()
			.path("job_id")
			.asString();
	}

	protected JsonNode job(String id) {
		return api.get("/api/v1/jobs/" + id, admin()).expectStatus(200).json();
	}

	/** Polls the job until the condition holds, for at most 20 seconds. */
	protected JsonNode awaitJob(String id, Predicate<JsonNode> condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		JsonNode job = job(id);
		while (!condition.test(job)) {
			if (System.nanoTime() > deadline) {
				fail("job %s did not get there within 20 s; last seen: %s", id, job);
			}
			sleep(100);
			job = job(id);
		}
		return job;
	}

	protected JsonNode awaitEnd(String id) {
		return awaitJob(id, job -> List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(job.path("status").asString()));
	}

	protected static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected List<String> candidateTexts(long promptId) {
		return jdbc.sql("SELECT text FROM candidates WHERE prompt_id = ? ORDER BY position")
			.param(promptId)
			.query(String.class)
			.list();
	}

	/** Whether labeling opened the prompt's slot, so that it can be handed out. */
	protected boolean hasSlot(long promptId) {
		return jdbc.sql("SELECT count(*) FROM prompt_slots WHERE prompt_id = ?")
			.param(promptId)
			.query(Long.class)
			.single() == 1;
	}

	protected boolean isReady(long promptId) {
		return jdbc.sql("SELECT ready_at IS NOT NULL FROM prompts WHERE id = ?")
			.param(promptId)
			.query(Boolean.class)
			.single();
	}

}
