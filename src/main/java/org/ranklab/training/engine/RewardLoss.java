package org.ranklab.training.engine;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;

/**
 * A loss on one reward per row that packs its own labels from the batch's rankings, so a
 * batch carries whatever labels its loss needs and the training loop never looks inside
 * them.
 */
abstract class RewardLoss extends Loss {

	RewardLoss(String name) {
		super(name);
	}

	/**
	 * The labels of a batch of rankings whose rows follow each other in the predictions,
	 * ranking after ranking.
	 */
	abstract NDList labels(NDManager manager, List<RankingExample> examples);

	static RewardLoss of(Objective objective) {
		return objective == Objective.RANK ? new RankPairLoss() : new ScoreLoss();
	}

}
