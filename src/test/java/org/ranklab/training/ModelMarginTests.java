package org.ranklab.training;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;
import org.ranklab.webhook.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a successful run, a background job scores the project's open prompts with the new
 * model and stores each one's margin; the run's end is told to webhooks.
 */
class ModelMarginTests extends IntegrationTest {

	@Test
	void aSuccessfulRunScoresTheOpenPromptsAndTellsWebhooks() throws Exception {
		long project = newProject("{\"name\":\"Margins\",\"min_candidates\":2,\"rankings_per_prompt\":2}");
		new RankingFixture(jdbc).easyRankings(project, 24, 3, false);
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson", """
				{"prompt":"open one","candidates":["a fine answer","bad","the answer is good and kind","no"]}
				{"prompt":"open two","candidates":["yes","a careful and complete answer"]}
				""").expectStatus(201);
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.hook(api, admin(), project, "training_run.finished", "job.finished");

			String run = api
				.post("/api/v1/projects/" + project + "/training-runs", admin(),
						"{\"architecture\":\"pooled\",\"epochs\":2,\"batch_size\":8,\"seed\":5}")
				.expectStatus(202)
				.json()
				.path("id")
				.asString();

			List<JsonNode> events = receiver.awaitBodies(bodies -> bodies.stream()
				.anyMatch(body -> body.path("data").path("type").asString().equals("model-margins")));
			JsonNode finished = events.stream()
				.filter(body -> body.path("type").asString().equals("training_run.finished"))
				.findFirst()
				.orElseThrow();
			assertThat(finished.path("data").path("training_run_id").asString()).isEqualTo(run);
			assertThat(finished.path("data").path("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(finished.path("data").path("reward_model_id").asString()).isNotBlank();
			assertThat(events).filteredOn(body -> body.path("type").asString().equals("job.finished"))
				.extracting(body -> body.path("data").path("type").asString() + " "
						+ body.path("data").path("status").asString())
				.containsExactlyInAnyOrder("training SUCCEEDED", "model-margins SUCCEEDED");
		}
		List<Double> margins = jdbc
			.sql("SELECT model_margin FROM prompt_slots WHERE project_id = ? AND NOT complete ORDER BY prompt_id")
			.param(project)
			.query(Double.class)
			.list();
		// The fixture's ranked prompts have one ranking of two: open too.
		assertThat(margins).hasSize(26).allSatisfy(margin -> assertThat(margin).isNotNull().isNotNegative());
	}

}
