package org.ranklab.training;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.ranklab.jobs.JobFinished;
import org.ranklab.jobs.JobStatus;

/**
 * Ends a training run when its job ends: the worker ends a run only when it stores the
 * model, so a failure, a cancel (mid-epoch or while queued) or workers that kept dying
 * end the run here. Synchronous, in the transaction that ends the job, so the two never
 * disagree, and so is what follows every end: {@link TrainingRunFinished}, and the
 * scoring of open prompts after a run that stored a model.
 */
@Component
class TrainingRunsFollowJobs {

	private final TrainingRunStore runs;

	private final ApplicationEventPublisher events;

	private final MarginScoring margins;

	TrainingRunsFollowJobs(TrainingRunStore runs, ApplicationEventPublisher events, MarginScoring margins) {
		this.runs = runs;
		this.events = events;
		this.margins = margins;
	}

	/**
	 * Ends the run, tells others ({@link TrainingRunFinished}) and, when it stored a
	 * model, queues the scoring of the project's open prompts with it.
	 */
	@EventListener
	void jobFinished(JobFinished job) {
		if (!TrainingWorker.TYPE.equals(job.type())) {
			return;
		}
		runs.ended(job.jobId(), job.status(),
				job.status() == JobStatus.FAILED ? (job.message() == null ? "failed" : job.message()) : null);
		runs.ofJob(job.jobId()).ifPresent(run -> {
			events.publishEvent(
					new TrainingRunFinished(run.id(), run.projectId(), run.status(), run.rewardModelId(), run.error()));
			if (run.status() == JobStatus.SUCCEEDED && run.rewardModelId() != null) {
				margins.queue(run.projectId(), run.rewardModelId());
			}
		});
	}

}
