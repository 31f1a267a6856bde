package org.ranklab.ranking;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.ranklab.ranking.RankedPairsTests.tiers;

class PositionBiasTests {

	private static final List<Long> SHOWN = List.of(10L, 11L, 12L, 13L);

	@Test
	void aLabelerWhoAlwaysPicksTheFirstShownIsBiased() {
		PositionBias bias = new PositionBias();
		for (int i = 0; i < 20; i++) {
			bias.add(SHOWN, tiers(List.of(10L), List.of(11L), List.of(12L), List.of(13L)));
		}

		assertThat(bias.firstPlaceByPosition()).containsExactly(1.0, 0.0, 0.0, 0.0);
		// Observed 20, 0, 0, 0 against 5 each: chi-square 60 with 3 degrees of freedom.
		assertThat(bias.pValue()).isCloseTo(5.878230727906921e-13, within(1e-15));
		assertThat(bias.rankings()).isEqualTo(20);
	}

	@Test
	void firstPlacesSpreadEvenlyOverPositionsShowNoBias() {
		PositionBias bias = new PositionBias();
		for (int i = 0; i < 20; i++) {
			long first = SHOWN.get(i % 4);
			bias.add(SHOWN, tiers(List.of(first), SHOWN.stream().filter(id -> id != first).toList()));
		}

		assertThat(bias.firstPlaceByPosition()).containsExactly(0.25, 0.25, 0.25, 0.25);
		assertThat(bias.pValue()).isEqualTo(1.0);
	}

	@Test
	void aTieForFirstSharesTheFirstPlace() {
		PositionBias bias = new PositionBias();
		bias.add(SHOWN, tiers(List.of(12L, 13L), List.of(10L, 11L)));

		assertThat(bias.firstPlaceByPosition()).containsExactly(0.0, 0.0, 0.5, 0.5);
	}

	@Test
	void rankingsOfDifferentSizesCountOnlyThePositionsTheyShowed() {
		PositionBias bias = new PositionBias();
		bias.add(List.of(1L, 2L), tiers(List.of(2L), List.of(1L)));
		bias.add(List.of(3L, 4L, 5L), tiers(List.of(5L), List.of(3L, 4L)));

		assertThat(bias.firstPlaceByPosition()).containsExactly(0.0, 0.5, 1.0);
	}

	@Test
	void givesNoPValueWhileAPositionExpectsFewerThanFiveFirstPlaces() {
		PositionBias bias = new PositionBias();
		for (int i = 0; i < 19; i++) {
			bias.add(SHOWN, tiers(List.of(10L), List.of(11L, 12L, 13L)));
		}

		assertThat(bias.pValue()).isNull();
		assertThat(new PositionBias().pValue()).isNull();
		assertThat(new PositionBias().firstPlaceByPosition()).isEmpty();
	}

}
