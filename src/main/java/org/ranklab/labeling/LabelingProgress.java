package org.ranklab.labeling;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.ProjectProgress;
import org.ranklab.project.ProjectProgressSource;

/**
 * This module's share of a project's progress: prompts with all their rankings, and
 * rankings.
 */
@Component
class LabelingProgress implements ProjectProgressSource {

	private final JdbcClient jdbc;

	LabelingProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ProjectProgress progressOf(long projectId) {
		return jdbc.sql("""
				SELECT count(*) FILTER (WHERE complete) AS complete, coalesce(sum(rankings), 0) AS rankings
				FROM prompt_slots WHERE project_id = :project""")
			.param("project", projectId)
			.query((row, n) -> new ProjectProgress(0, 0, row.getLong("complete"), row.getLong("rankings")))
			.single();
	}

}
