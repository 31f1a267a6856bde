package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code assignment_order: uncertainty}, prompts go out smallest model margin first,
 * unscored ones after them in the usual order; without it, or without a model, the order
 * is today's; overlap stays exact.
 */
class UncertaintyOrderTests extends IntegrationTest {

	@Autowired
	ModelMargins margins;

	@Test
	void promptsTheModelIsLeastSureAboutGoOutFirst() {
		long project = projectOfFivePrompts("uncertainty");
		List<Long> prompts = margins.openPrompts(project);
		margins.record(project, Map.of(prompts.get(2), 0.1, prompts.get(0), 0.5, prompts.get(3), 2.0));

		assertThat(handOutEverything(project)).containsExactly(prompts.get(2), prompts.get(0), prompts.get(3),
				prompts.get(1), prompts.get(4));
	}

	@Test
	void withoutAModelOrByCompletionTheOrderIsUnchanged() {
		long unscored = projectOfFivePrompts("uncertainty");
		assertThat(handOutEverything(unscored)).containsExactlyElementsOf(margins.openPrompts(unscored));

		long byCompletion = projectOfFivePrompts("completion");
		List<Long> prompts = margins.openPrompts(byCompletion);
		margins.record(byCompletion, Map.of(prompts.get(4), 0.0));
		assertThat(handOutEverything(byCompletion)).containsExactlyElementsOf(prompts);
	}

	@Test
	void overlapStaysExact() {
		long project = newProject("{\"name\":\"Overlap\",\"min_candidates\":4,\"rankings_per_prompt\":3}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"assignment_order\":\"uncertainty\"}").expectStatus(200);
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson", """
				{"prompt":"sure","candidates":["a","b","c","d"]}
				{"prompt":"unsure","candidates":["e","f","g","h"]}
				""").expectStatus(201);
		List<Long> prompts = margins.openPrompts(project);
		margins.record(project, Map.of(prompts.get(0), 3.0, prompts.get(1), 0.01));

		List<Long> handedOut = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			var task = api.post("/api/v1/projects/" + project + "/tasks/next", newLabeler(), null)
				.expectStatus(200)
				.json();
			handedOut.add(Long.parseLong(task.path("prompt").path("id").asString()));
		}

		assertThat(handedOut).containsExactly(prompts.get(1), prompts.get(1), prompts.get(1), prompts.get(0),
				prompts.get(0), prompts.get(0));
		api.post("/api/v1/projects/" + project + "/tasks/next", newLabeler(), null).expectStatus(204);
	}

	private long projectOfFivePrompts(String order) {
		long project = newProject(
				"{\"name\":\"Order %s\",\"min_candidates\":2,\"rankings_per_prompt\":1}".formatted(order));
		api.patch("/api/v1/projects/" + project, admin(), "{\"assignment_order\":\"%s\"}".formatted(order))
			.expectStatus(200);
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 5; i++) {
			body.append("{\"prompt\":\"order prompt %d\",\"candidates\":[\"x%d\",\"y%d\"]}\n".formatted(i, i, i));
		}
		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson", body.toString())
			.expectStatus(201);
		return project;
	}

	/** One new labeler per task (each holds a lease), until nothing is left. */
	private List<Long> handOutEverything(long project) {
		List<Long> prompts = new ArrayList<>();
		while (true) {
			var response = api.post("/api/v1/projects/" + project + "/tasks/next", newLabeler(), null);
			if (response.status() == 204) {
				return prompts;
			}
			prompts.add(Long.parseLong(response.expectStatus(200).json().path("prompt").path("id").asString()));
		}
	}

}
