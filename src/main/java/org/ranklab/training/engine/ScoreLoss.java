package org.ranklab.training.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

/**
 * The direct-score objective: binary cross-entropy of sigmoid(r) against the 1..7 score
 * mapped to (score - 1) / 6, computed from the logit as softplus(r) - y * r. Labels:
 * scored rows [S] (int64), targets [S].
 */
final class ScoreLoss extends Loss {

	ScoreLoss() {
		super("score_loss");
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray rewards = predictions.singletonOrThrow().take(labels.get(0));
		NDArray targets = labels.get(1);
		return Activation.softPlus(rewards).sub(targets.mul(rewards)).mean();
	}

	static float target(int score) {
		return (score - 1) / 6f;
	}

}
