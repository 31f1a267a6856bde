package org.ranklab.ranking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

/** Against closed forms and scipy.stats.chi2.sf (SciPy 1.x). */
class ChiSquareTests {

	@Test
	void matchesTheCriticalValuesOfStatisticsTables() {
		assertThat(ChiSquare.survival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-12));
		assertThat(ChiSquare.survival(7.814727903251178, 3)).isCloseTo(0.05, within(1e-12));
		assertThat(ChiSquare.survival(11.344866730144373, 3)).isCloseTo(0.01, within(1e-12));
		assertThat(ChiSquare.survival(23.209251158954356, 10)).isCloseTo(0.01, within(1e-12));
	}

	@Test
	void matchesTheClosedFormOfTwoDegreesOfFreedom() {
		for (double x : new double[] { 0.1, 1, 2, 10, 50 }) {
			assertThat(ChiSquare.survival(x, 2)).as("x = %s", x).isCloseTo(Math.exp(-x / 2), withinPercentage(1e-8));
		}
	}

	@Test
	void matchesScipyInTheTailsAndForManyDegreesOfFreedom() {
		assertThat(ChiSquare.survival(60, 3)).isCloseTo(5.878230727906921e-13, withinPercentage(1e-6));
		assertThat(ChiSquare.survival(30, 3)).isCloseTo(1.3800570312932553e-06, withinPercentage(1e-6));
		assertThat(ChiSquare.survival(100, 10)).isCloseTo(5.4497019829205215e-17, withinPercentage(1e-6));
		assertThat(ChiSquare.survival(0.5, 7)).isCloseTo(0.9994464813904249, within(1e-12));
		assertThat(ChiSquare.survival(1000, 900)).isCloseTo(0.010994608942135844, withinPercentage(1e-6));
	}

	@Test
	void isOneAtZeroAndRefusesNoDegreesOfFreedom() {
		assertThat(ChiSquare.survival(0, 3)).isEqualTo(1);
		assertThatThrownBy(() -> ChiSquare.survival(1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void logGammaOfWholeAndHalfNumbers() {
		assertThat(ChiSquare.logGamma(5)).isCloseTo(Math.log(24), within(1e-12));
		assertThat(ChiSquare.logGamma(0.5)).isCloseTo(Math.log(Math.sqrt(Math.PI)), within(1e-12));
	}

}
