package org.ranklab.training.engine;

import java.util.List;
import java.util.function.Supplier;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Measures a run's rewards on the held-out rankings after an epoch: the loss per ranking
 * (in the training batches' size) and the {@link PairwiseAccuracy}.
 */
final class Validation {

	private static final String KEY = "validation";

	private final EncodedRankings data;

	private final int batchSize;

	private final PairwiseAccuracy accuracy = new PairwiseAccuracy();

	Validation(EncodedRankings data, int batchSize) {
		this.data = data;
		this.batchSize = batchSize;
		accuracy.addAccumulator(KEY);
	}

	/** The rankings held out; with none there is nothing to measure. */
	boolean isEmpty() {
		return data.examples.isEmpty();
	}

	/**
	 * @param rewards one reward per row of the validation table
	 * @param scopes where the batches' arrays are made (each scope is closed)
	 */
	EpochMetrics measure(int epoch, double trainLoss, double[] rewards, RewardLoss loss, Supplier<NDManager> scopes) {
		EpochLoss valLoss = new EpochLoss();
		accuracy.resetAccumulator(KEY);
		for (int from = 0; from < data.examples.size(); from += batchSize) {
			List<RankingExample> examples = data.examples.subList(from,
					Math.min(data.examples.size(), from + batchSize));
			try (NDManager scope = scopes.get()) {
				double[] batchRewards = new double[examples.stream().mapToInt(e -> e.rows().length).sum()];
				int at = 0;
				for (RankingExample example : examples) {
					for (int row : example.rows()) {
						batchRewards[at++] = rewards[row];
					}
				}
				NDList predictions = new NDList(scope.create(toFloats(batchRewards)));
				valLoss.add(loss.evaluate(loss.labels(scope, examples), predictions).getFloat(), examples.size());
				accuracy.updateAccumulator(KEY, accuracy.labels(scope, examples),
						new NDList(scope.create(batchRewards)));
			}
		}
		return new EpochMetrics(epoch, trainLoss, valLoss.takeMean(), accuracy.accuracy(KEY));
	}

	private static float[] toFloats(double[] values) {
		float[] floats = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			floats[i] = (float) values[i];
		}
		return floats;
	}

}
