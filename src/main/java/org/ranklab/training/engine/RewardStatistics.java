package org.ranklab.training.engine;

import java.util.List;

/**
 * Mean and (population) standard deviation of raw rewards, by which rewards are
 * standardised: a model's over its training candidates, an ensemble's members' to combine
 * them.
 */
record RewardStatistics(double mean, double std) {

	static RewardStatistics of(double[] rewards) {
		double mean = mean(rewards);
		double[] squares = new double[rewards.length];
		for (int i = 0; i < rewards.length; i++) {
			squares[i] = (rewards[i] - mean) * (rewards[i] - mean);
		}
		return new RewardStatistics(mean, Math.sqrt(mean(squares)));
	}

	/**
	 * A single network's raw rewards; for more than one the mean of the members' rewards,
	 * each standardised by its statistics over the training candidates.
	 */
	static double[] combined(List<double[]> rewards, List<RewardStatistics> training) {
		if (rewards.size() == 1) {
			return rewards.get(0);
		}
		double[] sum = new double[rewards.get(0).length];
		for (int m = 0; m < rewards.size(); m++) {
			double mean = training.get(m).mean();
			double std = training.get(m).std();
			double scale = std > 1e-9 ? std : 1;
			for (int i = 0; i < sum.length; i++) {
				sum[i] += (rewards.get(m)[i] - mean) / scale / rewards.size();
			}
		}
		return sum;
	}

	private static double mean(double[] values) {
		double sum = 0;
		for (double value : values) {
			sum += value;
		}
		return values.length == 0 ? 0 : sum / values.length;
	}

}
