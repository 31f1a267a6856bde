package org.ranklab.labeling;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.project.Projects;
import org.ranklab.user.RankLabUser;

/** The labeling calls of the public API: get a task, rank it or skip it. */
@RestController
@RequestMapping("/api/v1")
class LabelingController {

	private final Projects projects;

	private final TaskAssigner tasks;

	private final RankingSubmissions submissions;

	LabelingController(Projects projects, TaskAssigner tasks, RankingSubmissions submissions) {
		this.projects = projects;
		this.tasks = tasks;
		this.submissions = submissions;
	}

	/** {@code 200} with the caller's task, or {@code 204} when nothing is left for them. */
	@PostMapping("/projects/{id}/tasks/next")
	ResponseEntity<Task> next(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		return tasks.next(projects.get(id), user.id())
			.map(task -> ResponseEntity.ok(task.toTask()))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	/** {@code 201} for a new ranking, {@code 200} when the same ranking was stored before. */
	@PostMapping("/assignments/{id}/ranking")
	ResponseEntity<RankingReceipt> rank(@PathVariable long id, @AuthenticationPrincipal RankLabUser user,
			@RequestBody RankingRequest body) {
		RankingSubmissions.Receipt receipt = submissions.submit(id, user.id(), body);
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new RankingReceipt(Long.toString(receipt.rankingId())));
	}

	@PostMapping("/assignments/{id}/skip")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void skip(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		submissions.skip(id, user.id());
	}

	record RankingReceipt(String rankingId) {
	}

}
