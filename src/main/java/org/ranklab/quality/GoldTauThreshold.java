package org.ranklab.quality;

import org.ranklab.web.InvalidInputException;

/** The {@code gold_tau_threshold} an admin gives the quality report and page. */
final class GoldTauThreshold {

	private GoldTauThreshold() {
	}

	/** The threshold, {@link Quality#DEFAULT_GOLD_TAU_THRESHOLD} when none is given. */
	static double parse(String threshold) {
		if (threshold == null || threshold.isBlank()) {
			return Quality.DEFAULT_GOLD_TAU_THRESHOLD;
		}
		try {
			double value = Double.parseDouble(threshold.strip());
			if (value >= -1 && value <= 1) {
				return value;
			}
		}
		catch (NumberFormatException e) {
			// Refused below.
		}
		throw InvalidInputException.ofField("gold_tau_threshold", "must be a number from -1 to 1");
	}

}
