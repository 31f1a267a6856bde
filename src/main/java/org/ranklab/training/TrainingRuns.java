package org.ranklab.training;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.jobs.Job;
import org.ranklab.jobs.Jobs;
import org.ranklab.jobs.NewJob;
import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.training.engine.Objective;
import org.ranklab.web.ConflictException;
import org.ranklab.web.NotFoundException;

/**
 * Starts, finds and cancels training runs; each run is a background job of type
 * {@value TrainingWorker#TYPE}.
 */
@Service
class TrainingRuns {

	private final Projects projects;

	private final Jobs jobs;

	private final TrainingRunStore runs;

	private final TrainingRunViews views;

	private final TrainingData data;

	TrainingRuns(Projects projects, Jobs jobs, TrainingRunStore runs, TrainingRunViews views, TrainingData data) {
		this.projects = projects;
		this.jobs = jobs;
		this.runs = runs;
		this.views = views;
		this.data = data;
	}

	/**
	 * Checks the request, then stores the run and queues its job in one transaction. One
	 * run per project at a time: the job's exclusive key settles two starts at the same
	 * moment.
	 */
	@Transactional
	TrainingRun start(long projectId, TrainingRequest request, Long userId) {
		Project project = projects.get(projectId);
		RunSettings settings = request.validate();
		checkTrainable(project, settings);
		long runId = runs.insert(projectId, settings, userId);
		Job job = jobs.submit(new NewJob(TrainingWorker.TYPE, projectId, Map.of("training_run_id", runId), null, userId,
				TrainingWorker.TYPE + ":project:" + projectId));
		runs.attachJob(runId, job.id());
		return get(runId);
	}

	private void checkTrainable(Project project, RunSettings settings) {
		if (settings.training().objective() == Objective.DIRECT_SCORE) {
			if (!project.collectScores()) {
				throw new ConflictException("project " + project.id()
						+ " does not collect scores, so direct_score has nothing to learn from; use objective rank");
			}
			if (!data.hasScores(project.id())) {
				throw new ConflictException("no ranking of project " + project.id() + " carries scores yet");
			}
		}
		else if (!data.hasOrderedPair(project.id())) {
			throw new ConflictException("nothing to train on: no ranking of project " + project.id()
					+ " orders two candidates (rankings that only tie or are not rankable teach nothing)");
		}
	}

	TrainingRun get(long id) {
		return views.find(id).orElseThrow(() -> new NotFoundException("training run", id));
	}

	List<TrainingRun> recent(long projectId, int limit) {
		projects.get(projectId);
		return views.recent(projectId, limit);
	}

	/**
	 * Asks the run's job to stop: a queued run ends at once, a running one within a beat
	 * and a batch.
	 */
	TrainingRun cancel(long id) {
		TrainingRun run = get(id);
		if (run.jobId() != null) {
			jobs.cancel(Long.parseLong(run.jobId()));
		}
		return get(id);
	}

}
