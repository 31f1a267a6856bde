package org.ranklab.training.engine;

import java.util.List;

/**
 * Where a run stands, reported after every batch and after every epoch.
 *
 * @param fraction 0..1 of the whole run
 * @param epoch the current epoch, 1-based
 * @param epochs all epochs of the run
 * @param metrics the epochs finished so far
 * @param secondsLeft the time the rest of the run's training steps will take at the pace
 * of the steps so far; null before the first step has ended
 */
public record TrainingProgress(double fraction, int epoch, int epochs, List<EpochMetrics> metrics, Long secondsLeft) {
}
