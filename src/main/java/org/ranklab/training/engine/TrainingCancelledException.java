package org.ranklab.training.engine;

/** A run stopped because its {@link TrainingMonitor} asked for it. */
public class TrainingCancelledException extends RuntimeException {

	public TrainingCancelledException() {
		super("training run cancelled");
	}

}
