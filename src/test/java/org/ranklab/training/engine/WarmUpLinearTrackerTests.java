package org.ranklab.training.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WarmUpLinearTrackerTests {

	@Test
	void givesTheLearningRatesOfEveryStepToTheBitAsTheScheduleBeforeIt() {
		List<String> different = new ArrayList<>();
		for (float peak : new float[] { 3e-3f, 1e-3f, 1e-4f, 0.5f }) {
			for (int total = 1; total <= 1500; total++) {
				WarmUpLinearTracker tracker = WarmUpLinearTracker.builder()
					.setPeakValue(peak)
					.setTotalSteps(total)
					.build();
				for (int step = 1; step <= total + 2; step++) {
					if (Float.floatToIntBits(tracker.getNewValue(step)) != Float
						.floatToIntBits(scheduleBefore(peak, total, step))) {
						different.add("peak %s, %d steps, step %d".formatted(peak, total, step));
					}
				}
			}
		}
		assertThat(different).isEmpty();
	}

	@Test
	void warmsUpOverTheFirstTenthToThePeakThenDecaysToATenthOfIt() {
		WarmUpLinearTracker tracker = WarmUpLinearTracker.builder().setPeakValue(1f).setTotalSteps(100).build();

		assertThat(tracker.getNewValue(1)).isEqualTo(0.1f);
		assertThat(tracker.getNewValue(5)).isEqualTo(0.5f);
		assertThat(tracker.getNewValue(10)).isEqualTo(1f);
		assertThat(tracker.getNewValue(55)).isEqualTo(0.55f);
		assertThat(tracker.getNewValue(100)).isEqualTo(0.1f);
		assertThat(tracker.getNewValue(120)).as("past the end").isEqualTo(0.1f);
	}

	/**
	 * The lambda the trainer used before this tracker, copied: models trained since must
	 * see the same numbers.
	 */
	private static float scheduleBefore(float peak, int totalSteps, int step) {
		int warmUp = Math.max(1, (int) Math.round(totalSteps * 0.1));
		if (step <= warmUp) {
			return peak * step / warmUp;
		}
		float remaining = Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmUp));
		return peak * (0.1f + 0.9f * remaining);
	}

}
