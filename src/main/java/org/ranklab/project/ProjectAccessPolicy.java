package org.ranklab.project;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import org.ranklab.user.RankLabUser;

/**
 * Who may label a project: admins always; labelers when the project is open to every
 * labeler, or when they are among its members. Labeling, scoring and the project API ask
 * here, so that no module but this one reads {@code project_members}.
 * <p>
 * Archiving is not access: a member still reads an archived project, which simply hands
 * out no tasks and is not listed.
 */
@Component
public class ProjectAccessPolicy {

	private final Projects projects;

	private final ProjectMembers members;

	ProjectAccessPolicy(Projects projects, ProjectMembers members) {
		this.projects = projects;
		this.members = members;
	}

	/**
	 * Whether the user may see the project, take its tasks, answer them and score with
	 * its model. Costs no query unless the project is for members only.
	 */
	public boolean mayLabel(Project project, RankLabUser user) {
		return needsNoMembership(project, user) || members.isMember(project.id(), user.id());
	}

	/** Refuses with {@code 403} whoever {@link #mayLabel may not label} the project. */
	public void checkMayLabel(Project project, RankLabUser user) {
		if (!mayLabel(project, user)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"project " + project.id() + " is open to its members only");
		}
	}

	/**
	 * Refuses with {@code 403} whoever may not score with the project's reward models:
	 * admins may; a labeler only who {@link #mayLabel may label} the project and only
	 * when it lets labelers score ({@code labelers_may_score}), since a score hints at
	 * what the labelers are asked to judge.
	 */
	public void checkMayScore(Project project, RankLabUser user) {
		checkMayLabel(project, user);
		if (!user.isAdmin() && !project.labelersMayScore()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"project " + project.id() + " does not let labelers score with its models");
		}
	}

	/**
	 * The projects the user may label that are not archived, newest first: a labeler's
	 * list and start page.
	 */
	public List<Project> openTo(RankLabUser user) {
		Set<Long> memberOf = user.isAdmin() ? Set.of() : members.projectsOf(user.id());
		return projects.all()
			.stream()
			.filter(Project::open)
			.filter(project -> needsNoMembership(project, user) || memberOf.contains(project.id()))
			.toList();
	}

	private static boolean needsNoMembership(Project project, RankLabUser user) {
		return user.isAdmin() || !project.membersOnly();
	}

}
