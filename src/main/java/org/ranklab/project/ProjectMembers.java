package org.ranklab.project;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code project_members}: the labelers who may label a project whose access
 * is {@code members}. Every method runs in the caller's transaction, if any.
 */
@Component
class ProjectMembers {

	private final JdbcClient jdbc;

	ProjectMembers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One look-up of the primary key: cheap enough for every labeling call. */
	boolean isMember(long projectId, long userId) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM project_members WHERE project_id = :project AND user_id = :user)")
			.param("project", projectId)
			.param("user", userId)
			.query(Boolean.class)
			.single();
	}

	/** The project's members' ids, ascending. */
	List<Long> of(long projectId) {
		return jdbc.sql("SELECT user_id FROM project_members WHERE project_id = :project ORDER BY user_id")
			.param("project", projectId)
			.query(Long.class)
			.list();
	}

	/** The projects the user is a member of. */
	Set<Long> projectsOf(long userId) {
		return new HashSet<>(jdbc.sql("SELECT project_id FROM project_members WHERE user_id = :user")
			.param("user", userId)
			.query(Long.class)
			.list());
	}

	/** Makes exactly these users the project's members. */
	void replace(long projectId, Collection<Long> userIds) {
		long[] ids = userIds.stream().mapToLong(Long::longValue).toArray();
		jdbc.sql("DELETE FROM project_members WHERE project_id = ? AND user_id <> ALL (?::bigint[])")
			.params(projectId, ids)
			.update();
		jdbc.sql("""
				INSERT INTO project_members (project_id, user_id)
				SELECT ?, unnest(?::bigint[]) ON CONFLICT (project_id, user_id) DO NOTHING""")
			.params(projectId, ids)
			.update();
	}

}
