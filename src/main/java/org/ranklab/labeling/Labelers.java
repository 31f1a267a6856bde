package org.ranklab.labeling;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The labelers of a project and what they did there, for the quality report. A labeler is
 * known by a stable pseudonym, given on their first ranking or skip.
 */
@Component
public class Labelers {

	private final JdbcClient jdbc;

	Labelers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What one labeler did in a project.
	 *
	 * @param labeler the stable pseudonym
	 * @param userId for the admin's pages, which show usernames; never exported
	 * @param rankings rankings submitted, not-rankable verdicts included
	 * @param medianSeconds median time on task over the rankings; {@code null} without
	 * any
	 */
	public record Tally(String labeler, long userId, long rankings, long notRankable, Double medianSeconds,
			long skips) {
	}

	/** Everyone who ranked or skipped in the project. */
	public List<Tally> tallies(long projectId) {
		return jdbc.sql("""
				WITH ranked AS (
				    SELECT user_id, count(*) AS rankings, count(*) FILTER (WHERE not_rankable) AS not_rankable,
				           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_on_task) AS median_seconds
				    FROM rankings WHERE project_id = :project GROUP BY user_id
				), skipped AS (
				    SELECT user_id, count(*) AS skips FROM assignments
				    WHERE project_id = :project AND status = 'SKIPPED' GROUP BY user_id
				)
				SELECT l.pseudonym::text AS labeler, l.user_id, coalesce(r.rankings, 0) AS rankings,
				       coalesce(r.not_rankable, 0) AS not_rankable, r.median_seconds, coalesce(s.skips, 0) AS skips
				FROM ranked r FULL JOIN skipped s ON s.user_id = r.user_id
				JOIN labelers l ON l.user_id = coalesce(r.user_id, s.user_id)""")
			.param("project", projectId)
			.query((row, n) -> new Tally(row.getString("labeler"), row.getLong("user_id"), row.getLong("rankings"),
					row.getLong("not_rankable"), row.getObject("median_seconds", Double.class), row.getLong("skips")))
			.list();
	}

	/** Whether some labeler has this pseudonym. */
	public boolean exists(String pseudonym) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM labelers WHERE pseudonym::text = :labeler)")
			.param("labeler", pseudonym)
			.query(Boolean.class)
			.single();
	}

}
