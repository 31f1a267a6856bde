package org.ranklab.training.engine;

import java.util.List;

/**
 * A finished run.
 *
 * @param metrics one entry per epoch
 * @param rewardMean mean raw reward over the training candidates (also in the artifact's
 * config)
 * @param rewardStd its standard deviation
 * @param artifact the trained model as a zip, see {@link RewardModel#load(byte[])}
 * @param trainingPrompts distinct prompts trained on
 * @param validationPrompts distinct prompts held out
 * @param trainingPairs ordered pairs trained on per epoch (rank objective) or scored
 * candidates (direct_score)
 * @param trainingMillis wall time of the epochs (not of tokenisation)
 */
public record TrainingResult(List<EpochMetrics> metrics, double rewardMean, double rewardStd, byte[] artifact,
		int trainingPrompts, int validationPrompts, long trainingPairs, long trainingMillis) {

	/** The last epoch's metrics. */
	public EpochMetrics last() {
		return metrics.get(metrics.size() - 1);
	}

}
