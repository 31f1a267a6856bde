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
 * rankings, in total and per day. Gold prompts and their rankings are not the data set's
 * and are not counted; the slots' counts already leave excluded labelers out.
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
				FROM prompt_slots WHERE project_id = :project AND NOT gold""")
			.param("project", projectId)
			.query((row, n) -> new ProjectProgress(0, 0, row.getLong("complete"), row.getLong("rankings")))
			.single();
	}

	@Override
	public List<Day> rankingsPerDay(long projectId) {
		return jdbc.sql("""
				SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*) AS rankings
				FROM rankings WHERE project_id = :project
				  AND prompt_id NOT IN (SELECT prompt_id FROM prompt_slots WHERE project_id = :project AND gold)
				  AND user_id NOT IN (SELECT user_id FROM labeler_exclusions WHERE project_id = :project)
				GROUP BY 1 ORDER BY 1""")
			.param("project", projectId)
			.query((row, n) -> new Day(row.getObject("day", LocalDate.class), row.getLong("rankings")))
			.list();
	}

}
