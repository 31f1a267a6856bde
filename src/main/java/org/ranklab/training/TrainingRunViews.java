package org.ranklab.training;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.jobs.Job;
import org.ranklab.jobs.Jobs;

/**
 * Runs as users see them: each run's row with its job, read from the jobs module in the
 * same snapshot (so a run never shows its job SUCCEEDED before its model is stored), and
 * never written to.
 */
@Component
class TrainingRunViews {

	private final TrainingRunStore runs;

	private final Jobs jobs;

	TrainingRunViews(TrainingRunStore runs, Jobs jobs) {
		this.runs = runs;
		this.jobs = jobs;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Optional<TrainingRun> find(long id) {
		return runs.find(id)
			.map(run -> TrainingRun.of(run, run.jobId() == null ? null : jobs.find(run.jobId()).orElse(null)));
	}

	/** The project's newest runs, newest first, with their jobs read in one query. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	List<TrainingRun> recent(long projectId, int limit) {
		List<TrainingRunStore.Row> rows = runs.recent(projectId, limit);
		Map<Long, Job> byId = jobs
			.findAll(rows.stream().map(TrainingRunStore.Row::jobId).filter(Objects::nonNull).toList())
			.stream()
			.collect(Collectors.toMap(Job::id, Function.identity()));
		return rows.stream()
			.map(run -> TrainingRun.of(run, run.jobId() == null ? null : byId.get(run.jobId())))
			.toList();
	}

}
