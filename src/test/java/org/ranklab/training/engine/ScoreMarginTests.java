package org.ranklab.training.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreMarginTests {

	@Test
	void isTheGapBetweenTheTwoBestScores() {
		assertThat(ScoreMargin.of(new double[] { 0.5, 2.0, -1.0, 1.25 })).isEqualTo(0.75);
		assertThat(ScoreMargin.of(new double[] { -3.0, 1.5 })).isEqualTo(4.5);
	}

	@Test
	void isZeroWhenTheBestScoreIsShared() {
		assertThat(ScoreMargin.of(new double[] { 1.0, 0.2, 1.0 })).isZero();
	}

	@Test
	void needsTwoScores() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScoreMargin.of(new double[] { 1.0 }));
	}

}
