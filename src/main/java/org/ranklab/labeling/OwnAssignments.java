package org.ranklab.labeling;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import org.ranklab.project.Project;
import org.ranklab.project.ProjectAccessPolicy;
import org.ranklab.user.RankLabUser;
import org.ranklab.web.NotFoundException;

/**
 * The door of every call about one assignment: it exists ({@code 404}), it is the
 * caller's ({@code 403}), and the caller may still label its project ({@code 403}).
 */
@Component
class OwnAssignments {

	private final Assignments assignments;

	private final RecentProjects projects;

	private final ProjectAccessPolicy access;

	OwnAssignments(Assignments assignments, RecentProjects projects, ProjectAccessPolicy access) {
		this.assignments = assignments;
		this.projects = projects;
		this.access = access;
	}

	record Owned(Assignment assignment, Project project) {
	}

	Owned get(long assignmentId, RankLabUser user) {
		Assignment assignment = assignments.find(assignmentId)
			.orElseThrow(() -> new NotFoundException("assignment", assignmentId));
		if (assignment.userId() != user.id()) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN,
					"assignment " + assignmentId + " belongs to another user");
		}
		Project project = projects.get(assignment.projectId());
		access.checkMayLabel(project, user);
		return new Owned(assignment, project);
	}

}
