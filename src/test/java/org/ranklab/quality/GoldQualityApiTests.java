package org.ranklab.quality;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient.Credentials;
import org.ranklab.IntegrationTest;
import org.ranklab.RankingFixture;
import org.ranklab.RankingFixture.StoredPrompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.RankingFixture.plan;

class GoldQualityApiTests extends IntegrationTest {

	/** Tau-b of A > B > C > D against the gold A > B = C > D: 5 / sqrt(6 * 5). */
	private static final double AGAINST_TIED_GOLD = 5 / Math.sqrt(30);

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	/**
	 * Two labelers agree on the regular prompt; on the gold prompts the first follows
	 * gold and the second reverses it.
	 */
	@Test
	void goldTauComparesEachLabelerWithTheGoldRankingsAndFlagsThoseBelowTheThreshold() {
		long project = newProject("{\"name\":\"Gold quality\",\"rankings_per_prompt\":3,\"allow_ties\":true}");
		api.patch("/api/v1/projects/" + project, admin(), "{\"gold_rate\":0.5}").expectStatus(200);
		Map<String, StoredPrompt> prompts = fixture.importPrompts(project, admin(), """
				{"prompt": "Regular", "candidates": ["A", "B", "C", "D"]}
				{"prompt": "Strict gold", "candidates": ["A", "B", "C", "D"], "gold": [[0], [1], [2], [3]]}
				{"prompt": "Tied gold", "candidates": ["A", "B", "C", "D"], "gold": [[0], [1, 2], [3]]}
				""" + RankingFixture.fillers(40));
		Credentials follower = newLabeler();
		Credentials reverser = newLabeler();
		fixture.label(project, follower, plan(prompts.get("Regular"), "A > B > C > D", prompts.get("Strict gold"),
				"A > B > C > D", prompts.get("Tied gold"), "A > B > C > D"));
		fixture.label(project, reverser, plan(prompts.get("Regular"), "A > B > C > D", prompts.get("Strict gold"),
				"D > C > B > A", prompts.get("Tied gold"), "D > C > B > A"));

		JsonNode quality = quality(project, "").expectStatus(200).json();

		// The gold prompts' rankings, which disagree completely, are not in the
		// agreement.
		assertThat(quality.path("pairwise_agreement").asDouble()).isEqualTo(1.0);
		assertThat(quality.path("gold_tau_threshold").asDouble()).isEqualTo(0.5);
		JsonNode followerRow = row(quality, fixture.pseudonym(follower));
		assertThat(followerRow.path("rankings").asLong()).isEqualTo(1);
		assertThat(followerRow.path("skips").asLong()).isEqualTo(40);
		assertThat(followerRow.path("kendall_tau").asDouble()).isEqualTo(1.0);
		assertThat(followerRow.path("gold_tasks").asLong()).isEqualTo(2);
		assertThat(followerRow.path("gold_tau").asDouble()).isCloseTo((1 + AGAINST_TIED_GOLD) / 2, within(1e-9));
		assertThat(followerRow.path("flagged").asBoolean()).isFalse();
		assertThat(followerRow.path("excluded").asBoolean()).isFalse();
		JsonNode reverserRow = row(quality, fixture.pseudonym(reverser));
		assertThat(reverserRow.path("gold_tasks").asLong()).isEqualTo(2);
		assertThat(reverserRow.path("gold_tau").asDouble()).isCloseTo(-(1 + AGAINST_TIED_GOLD) / 2, within(1e-9));
		assertThat(reverserRow.path("flagged").asBoolean()).isTrue();

		JsonNode strict = quality(project, "?gold_tau_threshold=1").expectStatus(200).json();
		assertThat(row(strict, fixture.pseudonym(follower)).path("flagged").asBoolean()).isTrue();
		JsonNode lenient = quality(project, "?gold_tau_threshold=-1").expectStatus(200).json();
		assertThat(lenient.path("labelers").valueStream().map(l -> l.path("flagged").asBoolean())).containsOnly(false);
	}

	@Test
	void labelersWithoutGoldTasksHaveNoGoldTau() {
		long project = newProject("{\"name\":\"No gold\",\"rankings_per_prompt\":3}");
		Credentials first = newLabeler();
		fixture.franceAndGreeting(project, first, newLabeler(), newLabeler());

		JsonNode row = row(quality(project, "").expectStatus(200).json(), fixture.pseudonym(first));

		assertThat(row.path("gold_tasks").asLong()).isZero();
		assertThat(row.path("gold_tau").isNull()).isTrue();
		assertThat(row.path("flagged").asBoolean()).isFalse();
	}

	@Test
	void excludedLabelerIsShownButLeftOutOfTheAgreementAndTheOthersConsensus() {
		long project = newProject("{\"name\":\"Excluded in quality\",\"rankings_per_prompt\":3}");
		Credentials first = newLabeler();
		Credentials second = newLabeler();
		Credentials third = newLabeler();
		fixture.franceAndGreeting(project, first, second, third);
		api.put("/api/v1/projects/" + project + "/exclusions/" + fixture.pseudonym(third), adminToken,
				"{\"reason\":\"puts Lyon first\"}")
			.expectStatus(200);

		JsonNode quality = quality(project, "").expectStatus(200).json();

		// France: only the first and the second count, who agree on 5 of 6 pairs.
		assertThat(quality.path("pairwise_agreement").asDouble()).isCloseTo(5.0 / 6, within(1e-9));
		JsonNode thirdRow = row(quality, fixture.pseudonym(third));
		assertThat(thirdRow.path("excluded").asBoolean()).isTrue();
		assertThat(thirdRow.path("exclusion_reason").asString()).isEqualTo("puts Lyon first");
		// Their own figures stay: one swap against Paris > Lyon > Nice > Lille.
		assertThat(thirdRow.path("kendall_tau").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
		// The first against the second alone (Lyon and Nice tied): 5 / sqrt(6 * 5).
		assertThat(row(quality, fixture.pseudonym(first)).path("kendall_tau").asDouble()).isCloseTo(5 / Math.sqrt(30),
				within(1e-9));
		assertThat(row(quality, fixture.pseudonym(first)).path("excluded").asBoolean()).isFalse();
	}

	@Test
	void refusesAThresholdOutsideMinusOneToOne() {
		long project = newProject("{\"name\":\"Bad threshold\"}");

		for (String threshold : List.of("2", "-1.5", "high", "NaN")) {
			JsonNode problem = quality(project, "?gold_tau_threshold=" + threshold).expectProblem(400);
			assertThat(problem.at("/errors/0/field").asString()).isEqualTo("gold_tau_threshold");
		}
	}

	private org.ranklab.ApiClient.Response quality(long project, String query) {
		return api.get("/api/v1/projects/" + project + "/quality" + query, adminToken);
	}

	private static JsonNode row(JsonNode quality, String pseudonym) {
		return quality.path("labelers")
			.valueStream()
			.filter(l -> l.path("labeler").asString().equals(pseudonym))
			.findFirst()
			.orElseThrow();
	}

}
