package org.ranklab.training;

import org.ranklab.jobs.JobStatus;

/**
 * Published when a training run ends (its job's final status), inside the transaction
 * that ends its job, so that a listener's writes commit with the end or not at all.
 *
 * @param rewardModelId the model the run stored; null unless it succeeded
 * @param error why it failed; null otherwise
 */
public record TrainingRunFinished(long trainingRunId, long projectId, JobStatus status, Long rewardModelId,
		String error) {
}
