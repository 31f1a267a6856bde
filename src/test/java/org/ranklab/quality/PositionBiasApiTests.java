package org.ranklab.quality;

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
		Credentials firstShown = newLabeler();
		Credentials even = newLabeler();
		new PositionBiasFixture(api, fixture).rank(project, admin(), firstShown, even);

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
