package org.ranklab.training.engine;

import ai.djl.training.tracker.LinearTracker;
import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;

/**
 * The learning rate of a run, in DJL's trackers: a linear warm-up from 0 over the first
 * tenth of the steps to the peak, then a linear decay to a tenth of the peak at the last
 * step, where it stays. The warm-up keeps AdamW's first updates small while its moment
 * estimates are still noisy.
 */
final class LearningRateSchedule {

	private static final float WARM_UP_SHARE = 0.1f;

	private static final float FINAL_SHARE = 0.1f;

	private LearningRateSchedule() {
	}

	/**
	 * @param peak the learning rate at the end of the warm-up
	 * @param totalSteps the optimizer steps of the whole run, for one network
	 */
	static Tracker warmUpThenLinearDecay(float peak, int totalSteps) {
		int warmUpSteps = Math.max(1, Math.round(totalSteps * WARM_UP_SHARE));
		int decaySteps = Math.max(1, totalSteps - warmUpSteps);
		Tracker decay = LinearTracker.builder()
			.setBaseValue(peak)
			.optSlope(-(1 - FINAL_SHARE) * peak / decaySteps)
			.optMinValue(FINAL_SHARE * peak)
			.build();
		return WarmUpTracker.builder()
			.optWarmUpBeginValue(0f)
			.optWarmUpSteps(warmUpSteps)
			.optWarmUpMode(WarmUpTracker.Mode.LINEAR)
			.setMainTracker(decay)
			.build();
	}

}
