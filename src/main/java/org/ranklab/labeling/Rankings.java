package org.ranklab.labeling;

import java.sql.Types;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of submitted rankings: written once, never changed (the database refuses
 * updates and deletes).
 */
@Component
class Rankings {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Rankings(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	record Stored(long id, String bodySha256) {
	}

	/**
	 * A stored ranking; {@code completedPrompt} when it gave its prompt its last wanted
	 * ranking.
	 */
	record Recorded(long id, boolean completedPrompt) {
	}

	Optional<Stored> ofAssignment(long assignmentId) {
		return jdbc.sql("SELECT id, body_sha256 FROM rankings WHERE assignment_id = :assignment")
			.param("assignment", assignmentId)
			.query((row, n) -> new Stored(row.getLong("id"), row.getString("body_sha256")))
			.optional();
	}

	/**
	 * Stores the ranking of a locked assignment in one statement: the labeler's pseudonym
	 * on first use; the ranking with the order the candidates were shown in, the time
	 * since the lease began and the guidelines version shown with the task; the
	 * assignment closed; and the prompt's count, complete once it reaches the project's
	 * {@code rankings_per_prompt} as committed now: not as cached, so that a change made
	 * a moment ago (on any instance) is never undone by a ranking that read the setting
	 * before it. A gold prompt is never complete. The ranking of a labeler excluded from
	 * the project is stored but not counted, as {@link Exclusions} counts.
	 * @return the ranking's id, and whether it was the one that completed its prompt
	 */
	Recorded record(Assignment assignment, ValidRanking ranking) {
		return jdbc.sql("""
				WITH labeler AS (
				    INSERT INTO labelers (user_id) VALUES (:user) ON CONFLICT (user_id) DO NOTHING
				), submitted AS (
				    UPDATE assignments SET status = :submitted, closed_at = now() WHERE id = :assignment
				), counted AS (
				    UPDATE prompt_slots s
				    SET rankings = s.rankings + 1, complete = NOT s.gold AND s.rankings + 1 >= p.rankings_per_prompt
				    FROM projects p
				    WHERE s.prompt_id = :prompt AND p.id = s.project_id
				      AND NOT EXISTS (SELECT 1 FROM labeler_exclusions x
				                      WHERE x.project_id = s.project_id AND x.user_id = :user)
				    RETURNING s.complete AND s.rankings = p.rankings_per_prompt AS completed_now
				)
				INSERT INTO rankings (assignment_id, project_id, prompt_id, user_id, tiers, scores, not_rankable,
				                      comment, presented_order, seconds_on_task, body_sha256, guidelines_version)
				SELECT a.id, a.project_id, a.prompt_id, a.user_id, CAST(:tiers AS jsonb), CAST(:scores AS jsonb),
				       :notRankable, :comment, a.candidate_order, greatest(0, extract(epoch FROM now() - a.leased_at)),
				       :sha256, a.guidelines_version
				FROM assignments a WHERE a.id = :assignment
				RETURNING id, coalesce((SELECT completed_now FROM counted), false) AS completed_now""")
			.param("user", assignment.userId())
			.param("assignment", assignment.id())
			.param("submitted", Assignment.Status.SUBMITTED.name())
			.param("prompt", assignment.promptId())
			.param("tiers", ranking.tiersJson(json), Types.VARCHAR)
			.param("scores", ranking.scoresJson(json), Types.VARCHAR)
			.param("notRankable", ranking.notRankable())
			.param("comment", ranking.comment(), Types.VARCHAR)
			.param("sha256", ranking.sha256())
			.query((row, n) -> new Recorded(row.getLong("id"), row.getBoolean("completed_now")))
			.single();
	}

}
