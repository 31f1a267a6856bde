package org.ranklab.prompt;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.ProjectProgress;
import org.ranklab.project.ProjectProgressSource;

/**
 * Contributes the prompt counts of a project's progress: imported, and ready (with their
 * candidates). Gold prompts are not counted: they are never complete, and a project's
 * progress is its data set's.
 */
@Component
class PromptProgress implements ProjectProgressSource {

	private final JdbcClient jdbc;

	PromptProgress(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public ProjectProgress progressOf(long projectId) {
		return jdbc.sql("SELECT count(*), count(ready_at) FROM prompts WHERE project_id = ? AND gold IS NULL")
			.param(projectId)
			.query((rs, n) -> new ProjectProgress(rs.getLong(1), rs.getLong(2), 0, 0))
			.single();
	}

}
