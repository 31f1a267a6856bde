package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.training.TrainingRunTests.BAD_RESPONSE;
import static org.ranklab.training.TrainingRunTests.GOOD_RESPONSE;
import static org.ranklab.training.TrainingRunTests.fields;
import static org.ranklab.training.TrainingRunTests.scoreBody;

/**
 * Many prompts in one scoring call, over real HTTP with the model that
 * {@link TrainingRunTests} trains on rankings of a known order.
 */
class BatchScoringTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private String path() {
		return "/api/v1/reward-models/"
				+ TrainingRunTests.trainedRun(api, admin(), jdbc).path("reward_model_id").asString() + "/score";
	}

	@Test
	void aBatchScoresEachPromptAsASingleCallWouldInTheRequestsOrder() {
		String path = path();
		// Lengths differ widely, so that rows of different items share batches.
		List<List<String>> responses = List.of(List.of(GOOD_RESPONSE, BAD_RESPONSE),
				List.of(BAD_RESPONSE + " " + "and more words ".repeat(40), "short", GOOD_RESPONSE),
				List.of("the answer is"));
		List<String> prompts = List.of("question number 7 about this topic", "a second prompt", "third");

		JsonNode batch = api.post(path, admin(), batchBody(prompts, responses)).expectStatus(200).json();

		assertThat(batch.propertyNames()).containsExactly("items");
		assertThat(batch.path("items").size()).isEqualTo(3);
		for (int i = 0; i < prompts.size(); i++) {
			JsonNode single = api
				.post(path, admin(), scoreBody(prompts.get(i), responses.get(i).toArray(String[]::new)))
				.expectStatus(200)
				.json()
				.path("scores");
			JsonNode scores = batch.path("items").get(i).path("scores");
			assertThat(scores.size()).as("item %d", i).isEqualTo(responses.get(i).size());
			for (int r = 0; r < scores.size(); r++) {
				assertThat(scores.get(r).asDouble()).as("item %d response %d", i, r)
					.isCloseTo(single.get(r).asDouble(), within(1e-5));
			}
		}
		JsonNode first = batch.path("items").get(0).path("scores");
		assertThat(first.get(0).asDouble()).isGreaterThan(first.get(1).asDouble());
	}

	@Test
	void namesTheItemAndResponseAtFault() {
		String path = path();

		assertThat(fields(api.post(path, admin(), "{\"items\":[]}").expectProblem(400))).containsExactly("items");
		assertThat(fields(api
			.post(path, admin(),
					"""
							{"items":[{"prompt":"p","responses":["a"]},{"prompt":" ","responses":[]},
							          {"prompt":"p","responses":["a","b",null]},{"prompt":"p","responses":["a","b","%s"]}]}"""
						.formatted("x".repeat(50_001)))
			.expectProblem(400)))
			.containsExactly("items[1].prompt", "items[1].responses", "items[2].responses[2]", "items[3].responses[2]");
		assertThat(fields(
				api.post(path, admin(), "{\"prompt\":\"p\",\"responses\":[\"a\"],\"items\":[]}").expectProblem(400)))
			.contains("items");
		List<String> prompts = new ArrayList<>();
		List<List<String>> responses = new ArrayList<>();
		for (int i = 0; i < 65; i++) {
			prompts.add("prompt " + i);
			responses.add(List.of("a"));
		}
		assertThat(fields(api.post(path, admin(), batchBody(prompts, responses)).expectProblem(400)))
			.containsExactly("items");
		api.post("/api/v1/reward-models/999999999/score", admin(), batchBody(List.of("p"), List.of(List.of("a"))))
			.expectProblem(404);
	}

	/**
	 * Scoring is no longer serialised per model: concurrent batches give exactly the
	 * scores one caller gets alone.
	 */
	@Test
	void concurrentBatchesWithOneModelGiveTheScoresOfOneCallerAlone() throws Exception {
		String path = path();
		List<String> bodies = new ArrayList<>();
		for (int c = 0; c < 8; c++) {
			List<String> prompts = new ArrayList<>();
			List<List<String>> responses = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				prompts.add("prompt " + c + " " + i);
				responses.add(List.of(GOOD_RESPONSE + " " + c, BAD_RESPONSE + " " + i, "word ".repeat(1 + 7 * i)));
			}
			bodies.add(batchBody(prompts, responses));
		}
		List<String> alone = bodies.stream()
			.map(body -> api.post(path, admin(), body).expectStatus(200).body())
			.toList();

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int round = 0; round < 4; round++) {
				for (String body : bodies) {
					calls.add(() -> api.post(path, admin(), body).expectStatus(200).body());
				}
			}
			List<Future<String>> together = pool.invokeAll(calls);
			for (int i = 0; i < together.size(); i++) {
				assertThat(JSON.readTree(together.get(i).get())).as("call %d", i)
					.isEqualTo(JSON.readTree(alone.get(i % bodies.size())));
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	static String batchBody(List<String> prompts, List<List<String>> responses) {
		ObjectNode body = JSON.createObjectNode();
		ArrayNode items = body.putArray("items");
		for (int i = 0; i < prompts.size(); i++) {
			ObjectNode item = items.addObject();
			item.put("prompt", prompts.get(i));
			ArrayNode array = item.putArray("responses");
			responses.get(i).forEach(array::add);
		}
		return body.toString();
	}

}
