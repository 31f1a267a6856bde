package org.ranklab.ranking;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RankedPairsTests {

	@Test
	void singleRankingIsItsOwnConsensus() {
		Tiers only = tiers(List.of(3L), List.of(1L, 2L), List.of(4L));

		assertThat(RankedPairs.consensus(List.of(only))).isEqualTo(only);
	}

	@Test
	void unanimousRankingsGiveThatRanking() {
		Tiers ranking = tiers(List.of(2L), List.of(1L), List.of(3L), List.of(4L));

		assertThat(RankedPairs.consensus(List.of(ranking, ranking, ranking))).isEqualTo(ranking);
	}

	@Test
	void majorityOrdersCandidates() {
		Tiers consensus = RankedPairs.consensus(List.of(tiers(List.of(1L), List.of(2L), List.of(3L)),
				tiers(List.of(1L), List.of(3L), List.of(2L)), tiers(List.of(2L), List.of(1L), List.of(3L))));

		assertThat(consensus).isEqualTo(tiers(List.of(1L), List.of(2L), List.of(3L)));
	}

	@Test
	void evenlySplitPairStaysTied() {
		Tiers consensus = RankedPairs.consensus(
				List.of(tiers(List.of(1L), List.of(2L), List.of(3L)), tiers(List.of(2L), List.of(1L), List.of(3L))));

		assertThat(consensus).isEqualTo(tiers(List.of(1L, 2L), List.of(3L)));
	}

	@Test
	void tiesInTheRankingsCarryIntoTheConsensus() {
		Tiers tied = tiers(List.of(5L, 6L), List.of(7L));

		assertThat(RankedPairs.consensus(List.of(tied, tied))).isEqualTo(tied);
	}

	@Test
	void condorcetCycleOfEqualStrengthBreaksDeterministicallyByIds() {
		// 1 > 2, 2 > 3 and 3 > 1, each by two rankings to one.
		List<Tiers> cycle = List.of(tiers(List.of(1L), List.of(2L), List.of(3L)),
				tiers(List.of(2L), List.of(3L), List.of(1L)), tiers(List.of(3L), List.of(1L), List.of(2L)));

		Tiers consensus = RankedPairs.consensus(cycle);

		assertThat(consensus).isEqualTo(tiers(List.of(1L), List.of(2L), List.of(3L)));
		List<Tiers> shuffled = new java.util.ArrayList<>(cycle);
		Collections.reverse(shuffled);
		assertThat(RankedPairs.consensus(shuffled)).isEqualTo(consensus);
	}

	@Test
	void condorcetCycleDropsItsWeakestMajority() {
		// A=2, B=3, C=1: A>B and B>C win 5 to 2, C>A only 4 to 3, so C>A is the edge to
		// skip,
		// although the id order alone would lock it first.
		Tiers abc = tiers(List.of(2L), List.of(3L), List.of(1L));
		Tiers bca = tiers(List.of(3L), List.of(1L), List.of(2L));
		Tiers cab = tiers(List.of(1L), List.of(2L), List.of(3L));

		Tiers consensus = RankedPairs.consensus(List.of(abc, abc, abc, bca, bca, cab, cab));

		assertThat(consensus).isEqualTo(abc);
	}

	@Test
	void condorcetWinnerStaysOnTopOfACycleBelowIt() {
		// 9 beats everyone 3:0; 1 > 2 > 3 > 1 cycle below it, each majority 2:1 (ids
		// break the tie in strength).
		Tiers consensus = RankedPairs.consensus(List.of(tiers(List.of(9L), List.of(1L), List.of(2L), List.of(3L)),
				tiers(List.of(9L), List.of(2L), List.of(3L), List.of(1L)),
				tiers(List.of(9L), List.of(3L), List.of(1L), List.of(2L))));

		assertThat(consensus).isEqualTo(tiers(List.of(9L), List.of(1L), List.of(2L), List.of(3L)));
	}

	@Test
	void rankingsThatTieEverythingGiveOneTier() {
		Tiers allTied = tiers(List.of(4L, 2L, 3L));

		assertThat(RankedPairs.consensus(List.of(allTied, allTied))).isEqualTo(tiers(List.of(2L, 3L, 4L)));
	}

	@Test
	void oppositeRankingsCancelOutIntoOneTier() {
		Tiers consensus = RankedPairs.consensus(
				List.of(tiers(List.of(1L), List.of(2L), List.of(3L)), tiers(List.of(3L), List.of(2L), List.of(1L))));

		assertThat(consensus).isEqualTo(tiers(List.of(1L, 2L, 3L)));
	}

	@Test
	void tieInOneRankingLetsTheOtherDecide() {
		// 1 vs 2: one ranking ties them, the other prefers 2, so 2 wins 1:0.
		Tiers consensus = RankedPairs
			.consensus(List.of(tiers(List.of(1L, 2L), List.of(3L)), tiers(List.of(2L), List.of(1L), List.of(3L))));

		assertThat(consensus).isEqualTo(tiers(List.of(2L), List.of(1L), List.of(3L)));
	}

	static Tiers tiers(List<Long>... tiers) {
		return new Tiers(List.of(tiers));
	}

}
