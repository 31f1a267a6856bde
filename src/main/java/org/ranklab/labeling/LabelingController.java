package org.ranklab.labeling;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.project.Project;
import org.ranklab.project.ProjectAccessPolicy;
import org.ranklab.user.RankLabUser;

/** The labeling calls of the public API: get a task, rank it or skip it. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Labeling")
class LabelingController {

	private final RecentProjects projects;

	private final TaskAssigner tasks;

	private final RankingSubmissions submissions;

	private final LeaseRenewals renewals;

	private final ProjectAccessPolicy access;

	LabelingController(RecentProjects projects, TaskAssigner tasks, RankingSubmissions submissions,
			LeaseRenewals renewals, ProjectAccessPolicy access) {
		this.projects = projects;
		this.tasks = tasks;
		this.submissions = submissions;
		this.renewals = renewals;
		this.access = access;
	}

	/**
	 * {@code 200} with the caller's task, or {@code 204} when nothing is left for them.
	 */
	@PostMapping("/projects/{id}/tasks/next")
	@Operation(summary = "Lease the caller's next prompt to rank",
			description = "Returns the caller's open lease again if there is one. Candidates come in an order "
					+ "shuffled for this assignment.")
	@ApiResponse(responseCode = "200", description = "the task")
	@ApiResponse(responseCode = "204", description = "nothing left for this user, or the project is archived")
	@ApiResponse(responseCode = "403", description = "the project is for its members only")
	@ApiResponse(responseCode = "404", description = "no such project")
	ResponseEntity<Task> next(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		Project project = projects.get(id);
		access.checkMayLabel(project, user);
		return tasks.next(project, user.id())
			.map(task -> ResponseEntity.ok(task.toTask()))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	/**
	 * {@code 201} for a new ranking, {@code 200} when the same ranking was stored before.
	 */
	@PostMapping("/assignments/{id}/ranking")
	@Operation(summary = "Submit the ranking of an assignment",
			description = "Tiers best first; a tier of two or more ids is a tie (where the project allows ties). "
					+ "Scores 1..7 for every candidate exactly when the project collects them.")
	@ApiResponse(responseCode = "201", description = "stored")
	@ApiResponse(responseCode = "200", description = "the same ranking was stored before")
	@ApiResponse(responseCode = "400", description = "invalid ranking; errors name each field")
	@ApiResponse(responseCode = "403",
			description = "the assignment belongs to another user, or its project is for members only")
	@ApiResponse(responseCode = "404", description = "no such assignment")
	@ApiResponse(responseCode = "409",
			description = "already ranked differently, skipped, or the lease ran out and the prompt went to others")
	ResponseEntity<RankingReceipt> rank(@PathVariable long id, @AuthenticationPrincipal RankLabUser user,
			@RequestBody RankingRequest body) {
		RankingSubmissions.Receipt receipt = submissions.submit(id, user, body);
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new RankingReceipt(Long.toString(receipt.rankingId())));
	}

	@PostMapping("/assignments/{id}/skip")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Skip an assignment: the caller is not offered its prompt again")
	@ApiResponse(responseCode = "204", description = "skipped")
	@ApiResponse(responseCode = "403",
			description = "the assignment belongs to another user, or its project is for members only")
	@ApiResponse(responseCode = "404", description = "no such assignment")
	@ApiResponse(responseCode = "409", description = "already ranked")
	void skip(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		submissions.skip(id, user);
	}

	@PostMapping("/assignments/{id}/renew")
	@Operation(summary = "Extend the lease of an assignment while its labeler works on it",
			description = "By the project's lease length from now, up to ranklab.labeling.max-lease (default 4 h) "
					+ "after the lease began.")
	@ApiResponse(responseCode = "200", description = "the lease's new end")
	@ApiResponse(responseCode = "403",
			description = "the assignment belongs to another user, or its project is for members only")
	@ApiResponse(responseCode = "404", description = "no such assignment")
	@ApiResponse(responseCode = "409",
			description = "the lease is gone: ranked, skipped, released or run out, or the project was archived")
	LeaseRenewal renew(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		return new LeaseRenewal(renewals.renew(id, user));
	}

	record RankingReceipt(String rankingId) {
	}

	record LeaseRenewal(Instant leaseExpiresAt) {
	}

}
