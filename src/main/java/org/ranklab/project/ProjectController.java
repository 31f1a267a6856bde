package org.ranklab.project;

import java.util.List;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/projects")
class ProjectController {

	private final Projects projects;

	ProjectController(Projects projects) {
		this.projects = projects;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProjectResponse create(@Valid @RequestBody NewProject settings) {
		return withProgress(projects.create(settings));
	}

	/** Every project: labelers may label in all of them. */
	@GetMapping
	List<ProjectResponse> list() {
		return projects.all().stream().map(this::withProgress).toList();
	}

	@GetMapping("/{id}")
	ProjectResponse get(@PathVariable long id) {
		return withProgress(projects.get(id));
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

	private ProjectResponse withProgress(Project project) {
		return ProjectResponse.of(project, projects.progressOf(project.id()));
	}

}
