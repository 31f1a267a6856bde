package org.ranklab.quality;

import java.util.List;

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

class QualityApiTests extends IntegrationTest {

	private RankingFixture fixture;

	private Credentials adminToken;

	@BeforeEach
	void fixture() {
		fixture = new RankingFixture(api, jdbc);
		adminToken = fixture.token(admin());
	}

	@Test
	void comparesEachLabelerWithTheConsensusOfTheOthers() {
		long project = newProject("{\"name\":\"Quality\",\"rankings_per_prompt\":3}");
		Credentials first = newLabeler();
		Credentials second = newLabeler();
		Credentials third = newLabeler();
		fixture.franceAndGreeting(project, first, second, third);

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", adminToken).expectStatus(200).json();

		// France: the pairs of rankings agree on 5, 5 and 4 of 6 candidate pairs;
		// greeting has one rankable ranking.
		assertThat(quality.path("pairwise_agreement").asDouble()).isCloseTo(14.0 / 18, within(1e-9));
		List<JsonNode> labelers = quality.path("labelers").valueStream().toList();
		assertThat(labelers).extracting(l -> l.path("labeler").asString())
			.containsExactlyInAnyOrder(fixture.pseudonym(first), fixture.pseudonym(second), fixture.pseudonym(third));
		// The others of the first: Paris and Lyon split 1:1, so tied: [Paris, Lyon] >
		// Nice > Lille.
		// tau-b = 5 concordant / sqrt(6 * 5).
		JsonNode firstRow = row(labelers, fixture.pseudonym(first));
		assertThat(firstRow.path("kendall_tau").asDouble()).isCloseTo(5 / Math.sqrt(30), within(1e-9));
		assertThat(firstRow.path("rankings").asLong()).isEqualTo(2);
		assertThat(firstRow.path("not_rankable").asLong()).isEqualTo(1);
		assertThat(firstRow.path("not_rankable_share").asDouble()).isEqualTo(0.5);
		assertThat(firstRow.path("skips").asLong()).isZero();
		assertThat(firstRow.path("skip_share").asDouble()).isZero();
		assertThat(firstRow.path("median_seconds").asDouble()).isCloseTo(median(first), within(1e-9));
		// The second against [Paris, Lyon] > Nice > Lille: 4 concordant, one tie on each
		// side: 4 / sqrt(5 * 5).
		assertThat(row(labelers, fixture.pseudonym(second)).path("kendall_tau").asDouble()).isCloseTo(0.8,
				within(1e-9));
		// The third against Paris > Lyon > Nice > Lille: one swap in six pairs.
		JsonNode thirdRow = row(labelers, fixture.pseudonym(third));
		assertThat(thirdRow.path("kendall_tau").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
		assertThat(thirdRow.path("rankings").asLong()).isEqualTo(1);
		assertThat(thirdRow.path("skips").asLong()).isEqualTo(1);
		assertThat(thirdRow.path("skip_share").asDouble()).isEqualTo(0.5);
	}

	@Test
	void labelerWhoOnlySkippedIsListedWithoutTau() {
		long project = newProject("{\"name\":\"Skipper\",\"rankings_per_prompt\":2}");
		StoredPrompt prompt = fixture.prompt(project, "Anything", "A", "B", "C", "D");
		Credentials ranker = newLabeler();
		Credentials skipper = newLabeler();
		fixture.label(project, ranker, plan(prompt, "A > B > C > D"));
		fixture.label(project, skipper, plan(prompt, "skip"));

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", adminToken).expectStatus(200).json();

		assertThat(quality.path("pairwise_agreement").isNull()).isTrue();
		JsonNode skipperRow = row(quality.path("labelers").valueStream().toList(), fixture.pseudonym(skipper));
		assertThat(skipperRow.path("rankings").asLong()).isZero();
		assertThat(skipperRow.path("skip_share").asDouble()).isEqualTo(1.0);
		assertThat(skipperRow.path("kendall_tau").isNull()).isTrue();
		assertThat(skipperRow.path("median_seconds").isNull()).isTrue();
	}

	@Test
	void readingTheReportWritesNothing() {
		long project = newProject("{\"name\":\"Read only\",\"rankings_per_prompt\":2}");
		StoredPrompt prompt = fixture.prompt(project, "Anything", "A", "B", "C", "D");
		Credentials skipper = newLabeler();
		fixture.label(project, skipper, plan(prompt, "skip"));
		// The skip gave the pseudonym: nothing is left for the report to add.
		String pseudonym = fixture.pseudonym(skipper);
		long labelers = jdbc.sql("SELECT count(*) FROM labelers").query(Long.class).single();

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", adminToken).expectStatus(200).json();

		assertThat(row(quality.path("labelers").valueStream().toList(), pseudonym).path("skips").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM labelers").query(Long.class).single()).isEqualTo(labelers);
	}

	@Test
	void emptyProjectHasNoFigures() {
		long project = newProject("{\"name\":\"Nothing yet\"}");

		JsonNode quality = api.get("/api/v1/projects/" + project + "/quality", adminToken).expectStatus(200).json();

		assertThat(quality.path("pairwise_agreement").isNull()).isTrue();
		assertThat(quality.path("labelers").isEmpty()).isTrue();
	}

	private static JsonNode row(List<JsonNode> labelers, String pseudonym) {
		return labelers.stream().filter(l -> l.path("labeler").asString().equals(pseudonym)).findFirst().orElseThrow();
	}

	/** Median of the labeler's times, computed here rather than by the SQL under test. */
	private double median(Credentials labeler) {
		List<Double> seconds = jdbc.sql("""
				SELECT r.seconds_on_task FROM rankings r JOIN labelers l ON l.user_id = r.user_id
				WHERE l.pseudonym::text = ? ORDER BY 1""")
			.params(fixture.pseudonym(labeler))
			.query(Double.class)
			.list();
		int n = seconds.size();
		return n % 2 == 1 ? seconds.get(n / 2) : (seconds.get(n / 2 - 1) + seconds.get(n / 2)) / 2;
	}

}
