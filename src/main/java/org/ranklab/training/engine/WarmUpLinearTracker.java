package org.ranklab.training.engine;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate: a linear warm-up from 0 over the first tenth of the steps to the
 * peak, then a linear decay to a tenth of the peak at the last step. Built like DJL's
 * trackers ({@code builder().setPeakValue(..).setTotalSteps(..).build()}). DJL's own
 * {@code WarmUpTracker} with a {@code LinearTracker} gives the same curve but not the
 * same floats: it computes {@code base + n * slope} where this computes
 * {@code peak * (0.1 + 0.9 * remaining)}, and it reaches the peak one step earlier
 * through a different rounding. More than half of the steps would differ in the last bits
 * (up to 1.5e-6 relative), and the trained weights with them; models trained before must
 * be reproducible, so this keeps the exact numbers.
 */
final class WarmUpLinearTracker implements Tracker {

	private static final double WARM_UP_SHARE = 0.1;

	private final float peak;

	private final int totalSteps;

	private final int warmUpSteps;

	private WarmUpLinearTracker(Builder builder) {
		this.peak = builder.peak;
		this.totalSteps = builder.totalSteps;
		this.warmUpSteps = Math.max(1, (int) Math.round(totalSteps * WARM_UP_SHARE));
	}

	static Builder builder() {
		return new Builder();
	}

	/**
	 * @param step the optimizer's update count, from 1
	 */
	@Override
	public float getNewValue(int step) {
		if (step <= warmUpSteps) {
			return peak * step / warmUpSteps;
		}
		float remaining = Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmUpSteps));
		return peak * (0.1f + 0.9f * remaining);
	}

	static final class Builder {

		private float peak;

		private int totalSteps;

		private Builder() {
		}

		/** The learning rate at the end of the warm-up. */
		Builder setPeakValue(float peak) {
			this.peak = peak;
			return this;
		}

		/** The optimizer steps of the whole run, for this network. */
		Builder setTotalSteps(int totalSteps) {
			this.totalSteps = totalSteps;
			return this;
		}

		WarmUpLinearTracker build() {
			return new WarmUpLinearTracker(this);
		}

	}

}
