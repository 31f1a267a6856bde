package org.ranklab.quality;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A labeler who ranks one prompt against the order everyone else follows: the model
 * trained on the others orders that prompt unlike its consensus, and it comes first.
 */
class ModelDisagreementsTests extends IntegrationTest {

	@Autowired
	ModelDisagreements disagreements;

	@Test
	void thePromptRankedAgainstTheGrainComesFirstWithItsLabeler() throws Exception {
		long project = newProject("{\"name\":\"Disagreements\",\"min_candidates\":3,\"rankings_per_prompt\":1}");
		StringBuilder prompts = new StringBuilder();
		for (int i = 0; i < 31; i++) {
			prompts
				.append("{\"prompt\":\"question %d\",\"candidates\":[\"a good and helpful answer %d\",".formatted(i, i)
						+ "\"an answer %d\",\"bad rude nonsense %d\"]}\n".formatted(i, i));
		}
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson",
				prompts.toString())
			.expectStatus(201);
		assertThat(disagreements.of(project)).as("no model yet").isEmpty();
		ApiClient.Credentials careful = newLabeler();
		for (int i = 0; i < 30; i++) {
			rankNext(project, careful, List.of("good", "an answer", "bad"));
		}
		ApiClient.Credentials contrary = newLabeler();
		String reversed = rankNext(project, contrary, List.of("bad", "an answer", "good"));
		train(project);

		ModelDisagreements.Report report = disagreements.of(project).orElseThrow();

		assertThat(report.prompts()).isNotEmpty();
		ModelDisagreements.Disagreement first = report.prompts().get(0);
		assertThat(first.promptId()).isEqualTo(reversed);
		assertThat(first.modelTau()).isLessThan(0);
		assertThat(first.labelers()).hasSize(1);
		assertThat(first.labelers().get(0).username()).startsWith("labeler-");
	}

	/** Ranks the labeler's next task in the order of the texts containing these words. */
	private String rankNext(long project, ApiClient.Credentials labeler, List<String> order) {
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		List<String> tiers = new ArrayList<>();
		for (String word : order) {
			for (JsonNode candidate : task.path("candidates")) {
				if (candidate.path("text").asString().contains(word)) {
					tiers.add("[\"" + candidate.path("id").asString() + "\"]");
				}
			}
		}
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				"{\"ranking\":[" + String.join(",", tiers) + "]}")
			.expectStatus(201);
		return task.path("prompt").path("id").asString();
	}

	private void train(long project) throws InterruptedException {
		String run = api
			.post("/api/v1/projects/" + project + "/training-runs", admin(),
					"{\"architecture\":\"pooled\",\"epochs\":8,\"batch_size\":4,\"validation_fraction\":0,\"seed\":2}")
			.expectStatus(202)
			.json()
			.path("id")
			.asString();
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (true) {
			String status = api.get("/api/v1/training-runs/" + run, admin())
				.expectStatus(200)
				.json()
				.path("status")
				.asString();
			if (status.equals("SUCCEEDED")) {
				return;
			}
			assertThat(status).isIn("QUEUED", "RUNNING");
			assertThat(System.nanoTime()).as("trained in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

}
