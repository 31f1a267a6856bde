package org.ranklab.project;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import org.ranklab.user.RankLabUser;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

	private final Projects projects;

	private final ProjectAccessPolicy access;

	ProjectController(Projects projects, ProjectAccessPolicy access) {
		this.projects = projects;
		this.access = access;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProjectResponse create(@Valid @RequestBody NewProject settings) {
		return withProgress(projects.create(settings));
	}

	/**
	 * Every project for an admin; for a labeler, those they may label that are not
	 * archived.
	 */
	@GetMapping
	List<ProjectResponse> list(@AuthenticationPrincipal RankLabUser user) {
		List<Project> listed = user.isAdmin() ? projects.all() : access.openTo(user);
		return listed.stream().map(this::withProgress).toList();
	}

	/** {@code 403} for a labeler who is not a member of a project for members only. */
	@GetMapping("/{id}")
	ProjectResponse get(@PathVariable long id, @AuthenticationPrincipal RankLabUser user) {
		Project project = projects.get(id);
		access.checkMayLabel(project, user);
		return withProgress(project);
	}

	@PatchMapping("/{id}")
	ProjectResponse update(@PathVariable long id, @Valid @RequestBody ProjectChanges changes) {
		return withProgress(projects.update(id, changes));
	}

	/** An archived project hands out no tasks and is not listed for labelers. */
	@PostMapping("/{id}/archive")
	ProjectResponse archive(@PathVariable long id) {
		return withProgress(projects.archive(id, true));
	}

	@PostMapping("/{id}/unarchive")
	ProjectResponse unarchive(@PathVariable long id) {
		return withProgress(projects.archive(id, false));
	}

	/** Who may label the project while its access is {@code members}. */
	@GetMapping("/{id}/members")
	@Operation(summary = "The project's members: who may label it while its access is members")
	ProjectMemberIds members(@PathVariable long id) {
		return ProjectMemberIds.of(projects.membersOf(id));
	}

	/** Replaces the members with exactly the users given. */
	@PutMapping("/{id}/members")
	@Operation(summary = "Make exactly these users the project's members",
			description = "Replaces the whole set; the change is written to the audit log.")
	@ApiResponse(responseCode = "200", description = "the members now")
	@ApiResponse(responseCode = "400", description = "user_ids missing, or an id that is no user's; nothing changed")
	@ApiResponse(responseCode = "404", description = "no such project")
	ProjectMemberIds replaceMembers(@PathVariable long id, @Valid @RequestBody ProjectMemberIds members) {
		return ProjectMemberIds.of(projects.replaceMembers(id, members.ids()));
	}

	private ProjectResponse withProgress(Project project) {
		return ProjectResponse.of(project, projects.progressOf(project.id()));
	}

}
