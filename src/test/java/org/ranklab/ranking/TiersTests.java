package org.ranklab.ranking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ranklab.ranking.RankedPairsTests.tiers;

class TiersTests {

	@Test
	void expandsEveryOrderedPairOfDifferentTiers() {
		Tiers ranking = tiers(List.of(1L), List.of(2L, 3L), List.of(4L));

		assertThat(ranking.preferencePairs()).containsExactly(new long[] { 1, 2 }, new long[] { 1, 3 },
				new long[] { 1, 4 }, new long[] { 2, 4 }, new long[] { 3, 4 });
	}

	@Test
	void fullRankingOfKGivesKChooseTwoPairs() {
		Tiers nine = tiers(List.of(1L), List.of(2L), List.of(3L), List.of(4L), List.of(5L), List.of(6L), List.of(7L),
				List.of(8L), List.of(9L));

		assertThat(nine.preferencePairs()).hasSize(36);
	}

	@Test
	void tiesOnBothEndsGiveOnlyTheCrossPairs() {
		Tiers ranking = tiers(List.of(1L, 2L), List.of(3L, 4L));

		assertThat(ranking.preferencePairs()).containsExactly(new long[] { 1, 3 }, new long[] { 1, 4 },
				new long[] { 2, 3 }, new long[] { 2, 4 });
	}

	@Test
	void readsTiersAsTheDatabaseStoresThem() {
		assertThat(Tiers.parse("[[12], [14, 13], [15]]"))
			.isEqualTo(tiers(List.of(12L), List.of(14L, 13L), List.of(15L)));
		assertThat(Tiers.parse("[[9007199254740993],[1]]").tiers().get(0)).containsExactly(9007199254740993L);
		assertThat(Tiers.parse("[]").tiers()).isEmpty();
	}

	@Test
	void refusesWhatIsNotTiersOfIds() {
		assertThatThrownBy(() -> Tiers.parse("[1, 2]")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Tiers.parse("[[\"1\"]]")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void writesIdsAsStrings() {
		assertThat(tiers(List.of(1L), List.of(2L, 3L)).asStrings()).isEqualTo(List.of(List.of("1"), List.of("2", "3")));
	}

	@Test
	void allTiedGivesNoPairs() {
		assertThat(tiers(List.of(1L, 2L, 3L)).preferencePairs()).isEmpty();
	}

}
