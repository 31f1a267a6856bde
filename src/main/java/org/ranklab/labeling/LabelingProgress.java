package org.ranklab.labeling;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.project.DailyRankingsSource;
import org.ranklab.project.ProjectProgress;
import org.ranklab.project.ProjectProgressSource;

/**
 * This module's share of a project's progress: prompts with all their rankings, and
 * rankings, in total and per day.
 */
@Component
class LabelingProgress implements ProjectProgressSource, DailyRankingsSource {

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

	@Override
	public List<Day> rankingsPerDay(long projectId) {
		return jdbc.sql("""
				SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS rankings
				FROM rankings WHERE project_id = :project GROUP BY 1 ORDER BY 1""")
			.param("project", projectId)
			.query((row, n) -> new Day(row.getObject("day", LocalDate.class), row.getLong("rankings")))
			.list();
	}

}
