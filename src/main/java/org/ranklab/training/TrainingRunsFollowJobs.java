package org.ranklab.training;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.ranklab.jobs.JobFinished;
import org.ranklab.jobs.JobStatus;

/**
 * Ends a training run when its job ends: the worker ends a run only when it stores the
 * model, so a failure, a cancel (mid-epoch or while queued) or workers that kept dying
 * end the run here. Synchronous, in the transaction that ends the job, so the two never
 * disagree.
 */
@Component
class TrainingRunsFollowJobs {

	private final TrainingRunStore runs;

	TrainingRunsFollowJobs(TrainingRunStore runs) {
		this.runs = runs;
	}

	@EventListener
	void jobFinished(JobFinished job) {
		if (TrainingWorker.TYPE.equals(job.type())) {
			runs.ended(job.jobId(), job.status(),
					job.status() == JobStatus.FAILED ? (job.message() == null ? "failed" : job.message()) : null);
		}
	}

}
