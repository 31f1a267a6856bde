package org.ranklab.training.engine;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

/**
 * InstructGPT's ranking loss. Predictions: one reward per row [N]. Labels: winner rows
 * [P], loser rows [P] (int64) and a weight per pair [P] of 1 / (pairs of its ranking *
 * rankings in the batch), so the result is the mean over rankings of each ranking's mean
 * pair loss softplus(r_loser - r_winner) = -log sigmoid(r_winner - r_loser).
 */
final class RankPairLoss extends RewardLoss {

	RankPairLoss() {
		super("rank_pair_loss");
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray rewards = predictions.singletonOrThrow();
		NDArray margin = rewards.take(labels.get(1)).sub(rewards.take(labels.get(0)));
		return Activation.softPlus(margin).mul(labels.get(2)).sum();
	}

	@Override
	NDList labels(NDManager manager, List<RankingExample> examples) {
		int pairCount = examples.stream().mapToInt(e -> e.pairs().length).sum();
		long[] winners = new long[pairCount];
		long[] losers = new long[pairCount];
		float[] weights = new float[pairCount];
		int at = 0;
		int base = 0;
		for (RankingExample example : examples) {
			float weight = 1f / (example.pairs().length * examples.size());
			for (int[] pair : example.pairs()) {
				winners[at] = base + pair[0];
				losers[at] = base + pair[1];
				weights[at++] = weight;
			}
			base += example.rows().length;
		}
		return new NDList(manager.create(winners), manager.create(losers), manager.create(weights));
	}

}
