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
	 * What one labeler did in a project. Every figure but {@code goldTasks} is about the
	 * project's regular prompts.
	 *
	 * @param labeler the stable pseudonym
	 * @param userId for the admin's pages, which show usernames; never exported
	 * @param rankings rankings submitted, not-rankable verdicts included
	 * @param medianSeconds median time on task over the rankings; {@code null} without
	 * any
	 * @param goldTasks rankings of gold prompts, not-rankable verdicts included
	 * @param exclusionReason why an admin excluded the labeler from the project;
	 * {@code null} unless excluded
	 */
	public record Tally(String labeler, long userId, long rankings, long notRankable, Double medianSeconds, long skips,
			long goldTasks, String exclusionReason) {

		public boolean excluded() {
			return exclusionReason != null;
		}

	}

	/** Everyone who ranked or skipped in the project, or was excluded from it. */
	public List<Tally> tallies(long projectId) {
		return jdbc
			.sql("""
					WITH gold AS (
					    SELECT prompt_id FROM prompt_slots WHERE project_id = :project AND gold
					), ranked AS (
					    SELECT user_id, count(*) FILTER (WHERE NOT is_gold) AS rankings,
					           count(*) FILTER (WHERE not_rankable AND NOT is_gold) AS not_rankable,
					           percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds_on_task)
					               FILTER (WHERE NOT is_gold) AS median_seconds,
					           count(*) FILTER (WHERE is_gold) AS gold_tasks
					    FROM (SELECT user_id, not_rankable, seconds_on_task, prompt_id IN (SELECT prompt_id FROM gold) AS is_gold
					          FROM rankings WHERE project_id = :project) r
					    GROUP BY user_id
					), skipped AS (
					    SELECT user_id, count(*) AS skips FROM assignments
					    WHERE project_id = :project AND status = 'SKIPPED' AND prompt_id NOT IN (SELECT prompt_id FROM gold)
					    GROUP BY user_id
					), excluded AS (
					    SELECT user_id, reason FROM labeler_exclusions WHERE project_id = :project
					)
					SELECT l.pseudonym::text AS labeler, l.user_id, coalesce(r.rankings, 0) AS rankings,
					       coalesce(r.not_rankable, 0) AS not_rankable, r.median_seconds, coalesce(s.skips, 0) AS skips,
					       coalesce(r.gold_tasks, 0) AS gold_tasks, x.reason
					FROM ranked r FULL JOIN skipped s ON s.user_id = r.user_id
					FULL JOIN excluded x ON x.user_id = coalesce(r.user_id, s.user_id)
					JOIN labelers l ON l.user_id = coalesce(r.user_id, s.user_id, x.user_id)""")
			.param("project", projectId)
			.query((row, n) -> new Tally(row.getString("labeler"), row.getLong("user_id"), row.getLong("rankings"),
					row.getLong("not_rankable"), row.getObject("median_seconds", Double.class), row.getLong("skips"),
					row.getLong("gold_tasks"), row.getString("reason")))
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
