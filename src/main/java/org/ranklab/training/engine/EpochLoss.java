package org.ranklab.training.engine;

import ai.djl.ndarray.NDList;
import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * The mean loss per ranking over an epoch: each batch's loss weighted by its rankings. As
 * a listener it reads every training batch as DJL's EvaluatorTrainingListener does (the
 * loss evaluated again on the batch's labels and predictions); validation adds its
 * batches directly.
 */
final class EpochLoss extends TrainingListenerAdapter {

	private double sum;

	private int rankings;

	@Override
	public void onTrainingBatch(Trainer trainer, BatchData batchData) {
		NDList labels = batchData.getLabels().values().iterator().next();
		NDList predictions = batchData.getPredictions().values().iterator().next();
		add(trainer.getLoss().evaluate(labels, predictions).getFloat(), batchData.getBatch().getSize());
	}

	void add(float loss, int batchRankings) {
		sum += loss * batchRankings;
		rankings += batchRankings;
	}

	/** The mean so far, starting over. */
	double takeMean() {
		double mean = sum / rankings;
		sum = 0;
		rankings = 0;
		return mean;
	}

}
