package org.ranklab.training.engine;

/**
 * Watches a run and may stop it. Called on the training thread after every batch (a few
 * milliseconds to a second apart), so a cancel takes effect within seconds; keep it cheap
 * (throttle database access yourself).
 */
@FunctionalInterface
public interface TrainingMonitor {

	TrainingMonitor NONE = progress -> true;

	/**
	 * @return false to cancel the run: the trainer then frees everything and throws
	 * {@link TrainingCancelledException}
	 */
	boolean proceed(TrainingProgress progress);

}
