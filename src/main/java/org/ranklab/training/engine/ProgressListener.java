package org.ranklab.training.engine;

import java.util.List;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.training.listener.TrainingListenerAdapter;

/**
 * Tells the {@link TrainingMonitor} where a run stands after every training batch of
 * every member and after every epoch, and turns its "stop" into a
 * {@link TrainingCancelledException}. One listener serves all members of a run: an epoch
 * has ended when every member's trainer has announced it.
 */
final class ProgressListener extends TrainingListenerAdapter {

	private final TrainingMonitor monitor;

	private final int epochs;

	private final int members;

	private final int totalSteps;

	private final List<EpochMetrics> metrics;

	private int step;

	private long firstStepEnded;

	private int epoch = 1;

	private int membersAtEpochEnd;

	/**
	 * @param metrics the run's finished epochs, filled by the run before each epoch ends
	 */
	ProgressListener(TrainingMonitor monitor, int epochs, int members, int totalSteps, List<EpochMetrics> metrics) {
		this.monitor = monitor;
		this.epochs = epochs;
		this.members = members;
		this.totalSteps = totalSteps;
		this.metrics = metrics;
	}

	@Override
	public void onTrainingBatch(Trainer trainer, BatchData batchData) {
		step++;
		if (step == 1) {
			// the clock of the estimate starts when the first step has ended: setup and
			// warm-up of the native engine are behind
			firstStepEnded = System.nanoTime();
		}
		report();
	}

	@Override
	public void onEpoch(Trainer trainer) {
		if (++membersAtEpochEnd == members) {
			membersAtEpochEnd = 0;
			report();
			epoch++;
		}
	}

	private Long secondsLeft() {
		if (step < 2) {
			return null;
		}
		double secondsPerStep = (System.nanoTime() - firstStepEnded) / 1e9 / (step - 1);
		return Math.round(secondsPerStep * Math.max(0, totalSteps - step));
	}

	private void report() {
		if (!monitor.proceed(
				new TrainingProgress((double) step / totalSteps, epoch, epochs, List.copyOf(metrics), secondsLeft()))) {
			throw new TrainingCancelledException();
		}
	}

}
