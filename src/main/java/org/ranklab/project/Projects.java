package org.ranklab.project;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.web.NotFoundException;

/** Creates and finds projects; the way other modules read a project's settings. */
@Service
public class Projects {

	private final ProjectRepository projects;

	private final List<ProjectProgressSource> progressSources;

	Projects(ProjectRepository projects, List<ProjectProgressSource> progressSources) {
		this.projects = projects;
		this.progressSources = progressSources;
	}

	@Transactional
	Project create(NewProject settings) {
		settings.checkCandidateRange();
		return projects.save(new ProjectEntity(settings)).toProject();
	}

	@Transactional(readOnly = true)
	public List<Project> all() {
		return projects.findAllByOrderByIdDesc().stream().map(ProjectEntity::toProject).toList();
	}

	@Transactional(readOnly = true)
	public Optional<Project> find(long id) {
		return projects.findById(id).map(ProjectEntity::toProject);
	}

	/** The project, or a {@code 404}. */
	public Project get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("project", id));
	}

	public ProjectProgress progressOf(long projectId) {
		return progressSources.stream()
			.map(source -> source.progressOf(projectId))
			.reduce(ProjectProgress.NONE, ProjectProgress::plus);
	}

}
