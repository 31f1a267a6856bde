package org.ranklab.training.engine;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;

/**
 * The direct-score objective: binary cross-entropy of sigmoid(r) against the 1..7 score
 * mapped to (score - 1) / 6, computed from the logit as softplus(r) - y * r. Labels:
 * scored rows [S] (int64), targets [S].
 */
final class ScoreLoss extends RewardLoss {

	ScoreLoss() {
		super("score_loss");
	}

	@Override
	public NDArray evaluate(NDList labels, NDList predictions) {
		NDArray rewards = predictions.singletonOrThrow().take(labels.get(0));
		NDArray targets = labels.get(1);
		return Activation.softPlus(rewards).sub(targets.mul(rewards)).mean();
	}

	@Override
	NDList labels(NDManager manager, List<RankingExample> examples) {
		List<Long> rows = new ArrayList<>();
		List<Float> targets = new ArrayList<>();
		int base = 0;
		for (RankingExample example : examples) {
			for (int i = 0; i < example.targets().length; i++) {
				if (!Float.isNaN(example.targets()[i])) {
					rows.add((long) base + i);
					targets.add(example.targets()[i]);
				}
			}
			base += example.rows().length;
		}
		long[] rowArray = rows.stream().mapToLong(Long::longValue).toArray();
		float[] targetArray = new float[targets.size()];
		for (int i = 0; i < targetArray.length; i++) {
			targetArray[i] = targets.get(i);
		}
		return new NDList(manager.create(rowArray), manager.create(targetArray));
	}

	static float target(int score) {
		return (score - 1) / 6f;
	}

}
