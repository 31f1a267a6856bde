package org.ranklab.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An admin action to log.
 *
 * @param action what was done, {@code <subject type>.<verb>}, e.g.
 * {@code project.updated}
 * @param subjectType what it was done to: {@code project}, {@code user}, ...
 * @param subjectId that thing's id
 * @param projectId the project it concerns, if any
 * @param before the changed fields' values before, empty for a creation
 * @param after the changed fields' values after
 */
public record AdminAction(String action, String subjectType, String subjectId, Long projectId, Map<String, ?> before,
		Map<String, ?> after) {

	public AdminAction {
		// Copies that keep nulls: a cleared field is logged as null.
		before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
		after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
	}

	/** An action on a project itself. */
	public static AdminAction onProject(long projectId, String verb, Map<String, ?> before, Map<String, ?> after) {
		return new AdminAction("project." + verb, "project", Long.toString(projectId), projectId, before, after);
	}

}
