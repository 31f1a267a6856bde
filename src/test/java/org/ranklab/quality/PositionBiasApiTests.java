package org.ranklab.quality;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Position bias in the quality report, from rankings whose bias is known: one labeler
 * always puts the response shown first on top, another spreads their first places evenly
 * over the positions shown.
 */
class PositionBiasApiTests extends IntegrationTest {

	private RankingFixture fixture;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
	}

	@Test
	void reportsFirstPlacesByPositionAndTheirPValueOverAllAndPerLabeler() {
		long project = newProject("{\"name\":\"Position bias\",\"rankings_per_prompt\":2,\"allow_ties\":false}");
		StringBuilder prompts = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			prompts.append("{\"prompt\":\"Question %d\",\"candidates\":[\"a%d\",\"b%d\",\"c%d\",\"d%d\"]}\n"
				.formatted(i, i, i, i, i));
		}
		fixture.importPrompts(project, admin(), prompts.toString());
		Credentials firstShown = newLabeler();
		Credentials even = newLabeler();

		for (int task = 0; task < 20; task++) {
			rankWithFirstAt(project, fixture.token(firstShown), 0);
			rankWithFirstAt(project, fixture.token(even), task % 4);
		}

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", fixture.token(admin()))
			.expectStatus(200)
			.json();

		JsonNode overall = quality.path("position_bias");
		assertThat(doubles(overall.path("first_place_by_position"))).containsExactly(0.625, 0.125, 0.125, 0.125);
		// 25, 5, 5, 5 first places against 10 each: chi-square 30, 3 degrees of freedom.
		assertThat(overall.path("p_value").asDouble()).isCloseTo(1.3800570312932553e-06, within(1e-12));
		JsonNode biased = labeler(quality, fixture.pseudonym(firstShown));
		assertThat(doubles(biased.at("/position_bias/first_place_by_position"))).containsExactly(1.0, 0.0, 0.0, 0.0);
		assertThat(biased.at("/position_bias/p_value").asDouble()).isCloseTo(5.878230727906921e-13, within(1e-15));
		assertThat(biased.path("position_biased").asBoolean()).isTrue();
		JsonNode unbiased = labeler(quality, fixture.pseudonym(even));
		assertThat(doubles(unbiased.at("/position_bias/first_place_by_position"))).containsExactly(0.25, 0.25, 0.25,
				0.25);
		assertThat(unbiased.at("/position_bias/p_value").asDouble()).isEqualTo(1.0);
		assertThat(unbiased.path("position_biased").asBoolean()).isFalse();
	}

	@Test
	void aProjectWithoutRankingsHasNoPositionFiguresYet() {
		long project = newProject("{\"name\":\"No position bias yet\"}");

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", admin()).expectStatus(200).json();

		assertThat(quality.at("/position_bias/first_place_by_position").isEmpty()).isTrue();
		assertThat(quality.at("/position_bias/p_value").isNull()).isTrue();
	}

	/** Ranks the next task with the response shown at {@code position} on top. */
	private void rankWithFirstAt(long project, Credentials labeler, int position) {
		JsonNode task = api.post("/api/v1/projects/" + project + "/tasks/next", labeler, null).expectStatus(200).json();
		List<String> shown = task.path("candidates").valueStream().map(c -> c.path("id").asString()).toList();
		List<String> order = new ArrayList<>(shown);
		order.remove(position);
		order.add(0, shown.get(position));
		String tiers = String.join(",", order.stream().map(id -> "[\"" + id + "\"]").toList());
		api.post("/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking", labeler,
				"{\"ranking\":[" + tiers + "]}")
			.expectStatus(201);
	}

	private static JsonNode labeler(JsonNode quality, String pseudonym) {
		return quality.path("labelers")
			.valueStream()
			.filter(row -> row.path("labeler").asString().equals(pseudonym))
			.findFirst()
			.orElseThrow();
	}

	private static List<Double> doubles(JsonNode array) {
		return array.valueStream().map(JsonNode::asDouble).toList();
	}

}
