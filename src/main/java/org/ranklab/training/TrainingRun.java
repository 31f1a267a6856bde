package org.ranklab.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

import org.ranklab.jobs.Job;
import org.ranklab.jobs.JobStatus;
import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;

/**
 * A training run as {@code GET /api/v1/training-runs/{id}} shows it. Status, progress and
 * message come from the run's job, which the jobs module keeps honest (a dead worker's
 * job is revived or failed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrainingRun(String id, String projectId, String jobId, JobStatus status, double progress, String message,
		Objective objective, Architecture architecture, TrainingSource source, JsonNode settings, JsonNode metrics,
		String rewardModelId, String error, boolean cancelRequested, int attempts, Instant createdAt, Instant startedAt,
		Instant finishedAt) {

	/** The run's row and its job (null when it has none). */
	static TrainingRun of(TrainingRunStore.Row run, Job job) {
		JobStatus status = job == null ? run.status() : job.status();
		String message = job == null ? null : job.message();
		String error = null;
		if (status == JobStatus.FAILED) {
			error = run.error() != null ? run.error() : message == null ? "failed" : message;
		}
		double progress = status == JobStatus.SUCCEEDED ? 1.0 : job == null ? 0 : job.progress();
		return new TrainingRun(Long.toString(run.id()), Long.toString(run.projectId()),
				run.jobId() == null ? null : run.jobId().toString(), status, progress, message, run.objective(),
				run.architecture(), run.source(), run.settings(), run.metrics(),
				run.rewardModelId() == null ? null : run.rewardModelId().toString(), error,
				job != null && job.cancelRequested(), job == null ? 0 : job.attempts(), run.createdAt(),
				firstOf(job == null ? null : job.startedAt(), run.startedAt()),
				firstOf(job == null ? null : job.finishedAt(), run.finishedAt()));
	}

	private static Instant firstOf(Instant a, Instant b) {
		return a != null ? a : b;
	}

}
