package org.ranklab.ranking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.ranking.RankedPairsTests.tiers;

class AgreementTests {

	@Test
	void kendallTauOfOneSwapInFour() {
		Tiers x = tiers(List.of(1L), List.of(2L), List.of(3L), List.of(4L));
		Tiers y = tiers(List.of(1L), List.of(3L), List.of(2L), List.of(4L));

		// 5 concordant, 1 discordant of 6 pairs: (5 - 1) / 6
		assertThat(Agreement.kendallTauB(x, y).getAsDouble()).isCloseTo(4.0 / 6, within(1e-9));
	}

	@Test
	void kendallTauBCorrectsForTies() {
		Tiers x = tiers(List.of(1L), List.of(2L, 3L), List.of(4L));
		Tiers y = tiers(List.of(1L), List.of(2L), List.of(3L), List.of(4L));

		// 5 concordant, 0 discordant, one pair tied in x: 5 / sqrt((6 - 1) * (6 - 0))
		assertThat(Agreement.kendallTauB(x, y).getAsDouble()).isCloseTo(5 / Math.sqrt(30), within(1e-9));
	}

	@Test
	void kendallTauBWithTiesOnBothSides() {
		Tiers x = tiers(List.of(1L), List.of(2L, 3L), List.of(4L));
		Tiers y = tiers(List.of(1L, 2L), List.of(3L), List.of(4L));

		// Pairs: 1-2 tied in y, 2-3 tied in x, the other 4 concordant: 4 / sqrt((6 - 1) *
		// (6 - 1)).
		assertThat(Agreement.kendallTauB(x, y).getAsDouble()).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void kendallTauComparesOnlyTheCandidatesBothRank() {
		Tiers x = tiers(List.of(1L), List.of(2L), List.of(3L), List.of(4L));
		Tiers y = tiers(List.of(3L), List.of(1L), List.of(2L));

		// Over 1, 2, 3: 1-2 concordant, 1-3 and 2-3 discordant: (1 - 2) / 3.
		assertThat(Agreement.kendallTauB(x, y).getAsDouble()).isCloseTo(-1.0 / 3, within(1e-9));
	}

	@Test
	void kendallTauOfReversedRankingIsMinusOne() {
		Tiers x = tiers(List.of(1L), List.of(2L), List.of(3L));
		Tiers y = tiers(List.of(3L), List.of(2L), List.of(1L));

		assertThat(Agreement.kendallTauB(x, y).getAsDouble()).isCloseTo(-1, within(1e-9));
	}

	@Test
	void kendallTauIsUndefinedWhenEverythingIsTied() {
		Tiers allTied = tiers(List.of(1L, 2L, 3L));

		assertThat(Agreement.kendallTauB(allTied, tiers(List.of(1L), List.of(2L), List.of(3L)))).isEmpty();
	}

	@Test
	void pairwiseAgreementCountsSameRelations() {
		Tiers x = tiers(List.of(1L), List.of(2L), List.of(3L));
		Tiers y = tiers(List.of(1L), List.of(3L), List.of(2L));

		assertThat(Agreement.pairwise(x, y).getAsDouble()).isCloseTo(2.0 / 3, within(1e-9));
		assertThat(Agreement.pairwise(x, x).getAsDouble()).isEqualTo(1.0);
	}

	@Test
	void meanAgreementNeedsTwoRankings() {
		Tiers x = tiers(List.of(1L), List.of(2L), List.of(3L));
		Tiers y = tiers(List.of(3L), List.of(2L), List.of(1L));

		assertThat(Agreement.mean(List.of(x))).isEmpty();
		assertThat(Agreement.mean(List.of(x, x, y)).getAsDouble()).isCloseTo((1.0 + 0 + 0) / 3, within(1e-9));
	}

}
