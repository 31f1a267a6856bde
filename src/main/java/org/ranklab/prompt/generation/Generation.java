package org.ranklab.prompt.generation;

import org.springframework.stereotype.Service;

import org.ranklab.jobs.Job;
import org.ranklab.jobs.Jobs;
import org.ranklab.jobs.NewJob;
import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.web.ConflictException;

/**
 * Starts generation jobs: checks the request, then queues a job that runs in the
 * background.
 */
@Service
class Generation {

	private final Projects projects;

	private final Jobs jobs;

	private final WaitingPrompts prompts;

	private final OutboundPolicy policy;

	Generation(Projects projects, Jobs jobs, WaitingPrompts prompts, OutboundPolicy policy) {
		this.projects = projects;
		this.jobs = jobs;
		this.prompts = prompts;
		this.policy = policy;
	}

	Job start(long projectId, GenerationRequest request, Long userId) {
		Project project = projects.get(projectId);
		GenerationSettings settings = request.validate(project, policy);
		jobs.active(projectId, GenerationWorker.TYPE).ifPresent(active -> {
			throw new ConflictException("generation job " + active.id() + " is already " + active.status()
					+ " for project " + projectId + "; wait for it or cancel it");
		});
		if (prompts.count(projectId) == 0) {
			throw new ConflictException("no prompt of project " + projectId + " is waiting for candidates");
		}
		// The exclusive key settles the race of two starts at the same moment: one of
		// them gets a 409.
		return jobs.submit(new NewJob(GenerationWorker.TYPE, projectId, settings.parameters(), request.key(), userId,
				GenerationWorker.TYPE + ":project:" + projectId));
	}

	long waiting(long projectId) {
		return prompts.count(projectId);
	}

}
