package org.ranklab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * InstructGPT's ranking loss. Predictions: one reward per row [N]. Labels: winner rows
 * [P], loser rows [P] (int64) and a weight per pair [P] of 1 / (pairs of its ranking *
 * rankings in the batch), so the result is the mean over rankings of each ranking's mean
 * pair loss softplus(r_loser - r_winner) = -log sigmoid(r_winner - r_loser).
 */
final class RankPairLoss extends Loss {

	RankPairLoss() {
		super("rank_pair_loss");
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray rewards = predictions.singletonOrThrow();
		NDArray margin = rewards.take(labels.get(1)).sub(rewards.take(labels.get(0)));
		return Activation.softPlus(margin).mul(labels.get(2)).sum();
	}

}
