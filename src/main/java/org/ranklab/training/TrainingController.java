package org.ranklab.training;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.jobs.JobStatus;
import org.ranklab.user.RankLabUser;

/** Training runs (ADMIN: the security configuration's default for {@code /api/**}). */
@RestController
class TrainingController {

	private static final int MAX_LIST = 100;

	private final TrainingRuns runs;

	TrainingController(TrainingRuns runs) {
		this.runs = runs;
	}

	/**
	 * Queues a run; {@code 409} when the project has nothing to train on or already
	 * trains.
	 */
	@PostMapping("/api/v1/projects/{id}/training-runs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	StartedRun start(@PathVariable long id, @RequestBody(required = false) TrainingRequest request,
			@AuthenticationPrincipal RankLabUser user) {
		TrainingRequest body = request == null
				? new TrainingRequest(null, null, null, null, null, null, null, null, null, null) : request;
		TrainingRun run = runs.start(id, body, user.id());
		return new StartedRun(run.id(), run.status());
	}

	/** What {@code POST /api/v1/projects/{id}/training-runs} answers. */
	record StartedRun(String id, JobStatus status) {
	}

	@GetMapping("/api/v1/projects/{id}/training-runs")
	List<TrainingRun> list(@PathVariable long id, @RequestParam(defaultValue = "20") int limit) {
		return runs.recent(id, Math.max(1, Math.min(MAX_LIST, limit)));
	}

	@GetMapping("/api/v1/training-runs/{id}")
	TrainingRun get(@PathVariable long id) {
		return runs.get(id);
	}

	@PostMapping("/api/v1/training-runs/{id}/cancel")
	@ResponseStatus(HttpStatus.ACCEPTED)
	TrainingRun cancel(@PathVariable long id) {
		return runs.cancel(id);
	}

}
