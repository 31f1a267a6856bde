package org.ranklab.project;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.audit.AdminAction;
import org.ranklab.audit.AuditLog;
import org.ranklab.user.Usernames;
import org.ranklab.web.ConflictException;
import org.ranklab.web.InvalidInputException;
import org.ranklab.web.NotFoundException;

/** Creates and finds projects; the way other modules read a project's settings. */
@Service
public class Projects {

	/** Unknown member ids named in a refusal; the rest are counted. */
	private static final int NAMED_IDS = 20;

	/** What a new project is compared with in the audit log: nothing set. */
	private static final Project NO_PROJECT = new Project(0, null, null, 0, 0, 0, false, false, 0, null, null, false, 0,
			0, null, false, null);

	private final ProjectRepository projects;

	private final List<ProjectProgressSource> progressSources;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final ProjectMembers members;

	private final Usernames usernames;

	Projects(ProjectRepository projects, List<ProjectProgressSource> progressSources, JdbcClient jdbc, AuditLog audit,
			ApplicationEventPublisher events, ProjectMembers members, Usernames usernames) {
		this.projects = projects;
		this.progressSources = progressSources;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.members = members;
		this.usernames = usernames;
	}

	@Transactional
	Project create(NewProject settings) {
		settings.checkCandidateRange();
		Project project = projects.save(new ProjectEntity(settings)).toProject();
		saveGuidelines(project);
		audit.record(ProjectDiff.between(NO_PROJECT, project).asAction(project.id(), "created"));
		return project;
	}

	/**
	 * Changes the given settings. Those that would change the meaning of stored rankings
	 * are refused ({@code 409}) once the project has one.
	 */
	@Transactional
	Project update(long id, ProjectChanges changes) {
		ProjectEntity entity = lock(id);
		Project before = entity.toProject();
		List<String> meaningChanges = changes.changingMeaningOf(before);
		if (!meaningChanges.isEmpty() && hasRankings(id)) {
			throw new ConflictException(String.join(", ", meaningChanges)
					+ " cannot change once the project has rankings: they would change what those rankings mean");
		}
		entity.apply(changes);
		Project after = entity.toProject();
		if (after.minCandidates() > after.maxCandidates()) {
			throw InvalidInputException.ofField(changes.maxCandidates() != null ? "max_candidates" : "min_candidates",
					"min_candidates (" + after.minCandidates() + ") must not exceed max_candidates ("
							+ after.maxCandidates() + ")");
		}
		return changed(before, after, "updated");
	}

	@Transactional
	Project archive(long id, boolean archived) {
		ProjectEntity entity = lock(id);
		Project before = entity.toProject();
		entity.archive(archived);
		return changed(before, entity.toProject(), archived ? "archived" : "unarchived");
	}

	/**
	 * Whether a ranking exists: from then on the settings that give rankings their
	 * meaning are frozen.
	 */
	boolean hasRankings(long id) {
		return progressOf(id).rankings() > 0;
	}

	/** The project's members, ascending by id. */
	@Transactional(readOnly = true)
	List<Long> membersOf(long id) {
		get(id);
		return members.of(id);
	}

	/**
	 * Makes exactly these users the project's members; an id that is no user's is refused
	 * ({@code 400}) and nothing changes.
	 * @return the members now, ascending by id
	 */
	@Transactional
	List<Long> replaceMembers(long id, Set<Long> userIds) {
		lock(id);
		Set<Long> unknown = new TreeSet<>(userIds);
		unknown.removeAll(usernames.of(userIds).keySet());
		if (!unknown.isEmpty()) {
			String named = unknown.stream().limit(NAMED_IDS).map(String::valueOf).collect(Collectors.joining(", "));
			throw InvalidInputException.ofField("user_ids", "no user has the id " + named
					+ (unknown.size() > NAMED_IDS ? " (and " + (unknown.size() - NAMED_IDS) + " more)" : ""));
		}
		List<Long> before = members.of(id);
		List<Long> after = List.copyOf(new TreeSet<>(userIds));
		if (!after.equals(before)) {
			members.replace(id, after);
			audit.record(AdminAction.onProject(id, "members_changed", Map.of("user_ids", idStrings(before)),
					Map.of("user_ids", idStrings(after))));
		}
		return after;
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

	private ProjectEntity lock(long id) {
		return projects.findForUpdateById(id).orElseThrow(() -> new NotFoundException("project", id));
	}

	private Project changed(Project before, Project after, String verb) {
		ProjectDiff diff = ProjectDiff.between(before, after);
		if (diff.isEmpty()) {
			return after;
		}
		if (after.guidelinesVersion() != before.guidelinesVersion()) {
			saveGuidelines(after);
		}
		projects.flush();
		audit.record(diff.asAction(after.id(), verb));
		events.publishEvent(new ProjectChanged(before, after));
		return after;
	}

	private void saveGuidelines(Project project) {
		jdbc.sql("INSERT INTO project_guidelines (project_id, version, guidelines) VALUES (?, ?, ?)")
			.params(project.id(), project.guidelinesVersion(), project.guidelines())
			.update();
	}

	/** Ids as the API writes them: strings. */
	private static List<String> idStrings(List<Long> ids) {
		return ids.stream().map(String::valueOf).toList();
	}

	public ProjectProgress progressOf(long projectId) {
		return progressSources.stream()
			.map(source -> source.progressOf(projectId))
			.reduce(ProjectProgress.NONE, ProjectProgress::plus);
	}

}
