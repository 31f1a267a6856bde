package org.ranklab.training.engine;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LearningRateScheduleTests {

	@Test
	void warmsUpOverTheFirstTenthToThePeakThenDecaysToATenthOfIt() {
		Tracker schedule = LearningRateSchedule.warmUpThenLinearDecay(1f, 100);

		assertThat(schedule.getNewValue(1)).isCloseTo(0.1f, within(1e-6f));
		assertThat(schedule.getNewValue(5)).isCloseTo(0.5f, within(1e-6f));
		assertThat(schedule.getNewValue(10)).isCloseTo(1f, within(1e-6f));
		assertThat(schedule.getNewValue(55)).isCloseTo(0.55f, within(1e-6f));
		assertThat(schedule.getNewValue(100)).isCloseTo(0.1f, within(1e-6f));
		assertThat(schedule.getNewValue(120)).as("past the end").isCloseTo(0.1f, within(1e-6f));
	}

	@Test
	void followsTheScheduleOfEarlierVersionsAtEveryStepOfEveryRunLength() {
		for (float peak : new float[] { 3e-3f, 1e-4f, 0.5f }) {
			for (int total = 1; total <= 1500; total++) {
				Tracker schedule = LearningRateSchedule.warmUpThenLinearDecay(peak, total);
				for (int step = 1; step <= total + 2; step++) {
					assertThat(schedule.getNewValue(step)).as("peak %s, %d steps, step %d", peak, total, step)
						.isCloseTo(earlierSchedule(peak, total, step), within(peak * 1e-5f));
				}
			}
		}
	}

	/** The hand-written schedule of the trainer before it used DJL's trackers. */
	private static float earlierSchedule(float peak, int totalSteps, int step) {
		int warmUp = Math.max(1, (int) Math.round(totalSteps * 0.1));
		if (step <= warmUp) {
			return peak * step / warmUp;
		}
		float remaining = Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmUp));
		return peak * (0.1f + 0.9f * remaining);
	}

}
