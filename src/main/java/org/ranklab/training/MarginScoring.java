package org.ranklab.training;

import java.util.Map;

import org.springframework.stereotype.Component;

import org.ranklab.jobs.Jobs;
import org.ranklab.jobs.NewJob;

/**
 * Queues the scoring of a project's open prompts with a new model, a job of type
 * {@value MarginWorker#TYPE}, so that handing out by uncertainty follows the newest
 * model. Without an exclusive key: a second model while the first is being scored gets
 * its own job, and a job whose model is no longer the newest ends at once.
 */
@Component
class MarginScoring {

	private final Jobs jobs;

	MarginScoring(Jobs jobs) {
		this.jobs = jobs;
	}

	/** In the caller's transaction (the one that ends the training run's job). */
	void queue(long projectId, long rewardModelId) {
		jobs.submit(
				new NewJob(MarginWorker.TYPE, projectId, Map.of("reward_model_id", rewardModelId), null, null, null));
	}

}
