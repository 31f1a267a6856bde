package org.ranklab.training.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.evaluator.Evaluator;

/**
 * Share of ordered pairs whose winner has the higher reward; equal rewards count half.
 * Labels: winner rows [P] and loser rows [P] (int64) of the batch, packed by
 * {@link #labels}; predictions: one reward per row [N], of any floating type (the
 * ensemble's combined rewards come as float64 so that no two of them tie by rounding).
 */
final class PairwiseAccuracy extends Evaluator {

	/** Per key: correct (ties count half) and pairs seen. */
	private final Map<String, double[]> tallies = new ConcurrentHashMap<>();

	PairwiseAccuracy() {
		super("pairwise_accuracy");
	}

	NDList labels(NDManager manager, List<RankingExample> examples) {
		int pairCount = examples.stream().mapToInt(e -> e.pairs().length).sum();
		long[] winners = new long[pairCount];
		long[] losers = new long[pairCount];
		int at = 0;
		int base = 0;
		for (RankingExample example : examples) {
			for (int[] pair : example.pairs()) {
				winners[at] = base + pair[0];
				losers[at++] = base + pair[1];
			}
			base += example.rows().length;
		}
		return new NDList(manager.create(winners), manager.create(losers));
	}

	/** One score per pair: 1 when the winner's reward is higher, 0.5 on a tie, else 0. */
	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray rewards = predictions.singletonOrThrow();
		NDArray winner = rewards.take(labels.get(0));
		NDArray loser = rewards.take(labels.get(1));
		return winner.gt(loser)
			.toType(DataType.FLOAT64, false)
			.add(winner.eq(loser).toType(DataType.FLOAT64, false).mul(0.5));
	}

	@Override
	public void addAccumulator(String key) {
		tallies.put(key, new double[2]);
	}

	@Override
	public void updateAccumulator(String key, NDList labels, NDList predictions) {
		long pairs = labels.get(0).size();
		if (pairs == 0) {
			return;
		}
		double correct = evaluate(labels, predictions).sum().getDouble();
		double[] tally = tallies.get(key);
		tally[0] += correct;
		tally[1] += pairs;
	}

	@Override
	public void resetAccumulator(String key) {
		tallies.put(key, new double[2]);
	}

	@Override
	public float getAccumulator(String key) {
		return (float) accuracy(key);
	}

	/** The accuracy in full precision; NaN before any pair. */
	double accuracy(String key) {
		double[] tally = tallies.get(key);
		return tally[1] == 0 ? Double.NaN : tally[0] / tally[1];
	}

}
