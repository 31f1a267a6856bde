package org.ranklab.training.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedLabelersTests {

	private final List<RankedGroup> prompts = SyntheticRankings.groups(200, 4, 7);

	@Test
	void calibrationChangesTheScoresButNotTheRankings() {
		List<RankedGroup> calibrated = new SimulatedLabelers(20, 1.0, 0).rank(prompts, 3);
		List<RankedGroup> uneven = new SimulatedLabelers(20, 1.0, 2).rank(prompts, 3);

		assertThat(uneven).extracting(RankedGroup::tiers)
			.containsExactlyElementsOf(calibrated.stream().map(RankedGroup::tiers).toList());
		assertThat(uneven).extracting(RankedGroup::scores)
			.isNotEqualTo(calibrated.stream().map(RankedGroup::scores).toList());
	}

	@Test
	void withoutNoiseEveryRankingFollowsTheHiddenQualityAndTheScoresAgreeWithIt() {
		for (RankedGroup group : new SimulatedLabelers(5, 0, 0).rank(prompts, 3)) {
			List<Long> order = group.tiers().stream().map(tier -> tier.get(0)).toList();
			for (int i = 1; i < order.size(); i++) {
				assertThat(quality(group, order.get(i - 1))).isGreaterThanOrEqualTo(quality(group, order.get(i)));
				assertThat(group.scores().get(order.get(i - 1)))
					.isGreaterThanOrEqualTo(group.scores().get(order.get(i)));
			}
			assertThat(group.hasScores()).isTrue();
		}
	}

	private static int quality(RankedGroup group, long candidateId) {
		return SyntheticRankings
			.quality(group.candidates().stream().filter(c -> c.id() == candidateId).findFirst().orElseThrow().text());
	}

}
