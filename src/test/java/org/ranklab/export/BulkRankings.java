package org.ranklab.export;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Thousands of rankings written with SQL, as the labeling API would store them: prompts
 * with four candidates of a given length, and every labeler's full ranking (no ties) of
 * every prompt, in a shuffled order.
 */
final class BulkRankings {

	private BulkRankings() {
	}

	static void create(JdbcClient jdbc, long project, int prompts, int labelers, int candidateLength) {
		jdbc.sql(
				"""
						WITH p AS (
						    INSERT INTO prompts (project_id, text, ready_at)
						    SELECT :project, 'Bulk prompt ' || g || E'\\n"quoted" ünïcode', now() FROM generate_series(1, :prompts) g
						    RETURNING id
						), slots AS (
						    INSERT INTO prompt_slots (prompt_id, project_id) SELECT id, :project FROM p
						)
						INSERT INTO candidates (prompt_id, position, text)
						SELECT p.id, k, 'Candidate ' || k || ' of ' || p.id || ' ' || repeat('lorem ipsum ', :length / 12)
						FROM p, generate_series(0, 3) k""")
			.param("project", project)
			.param("prompts", prompts)
			.param("length", candidateLength)
			.update();
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<Long> users = jdbc
			.sql("""
					INSERT INTO users (username, password_hash, role)
					SELECT 'bulk-' || :batch || '-' || g, 'not a hash: cannot sign in', 'LABELER' FROM generate_series(1, :labelers) g
					RETURNING id""")
			.param("batch", batch)
			.param("labelers", labelers)
			.query(Long.class)
			.list();
		for (long user : users) {
			jdbc.sql("INSERT INTO labelers (user_id) VALUES (?)").params(user).update();
			jdbc.sql("""
					INSERT INTO assignments (project_id, prompt_id, user_id, candidate_order, status, leased_at,
					                         lease_expires_at, closed_at, guidelines_version)
					SELECT :project, p.id, :user,
					       (SELECT array_agg(c.id ORDER BY random()) FROM candidates c WHERE c.prompt_id = p.id),
					       'SUBMITTED', now(), now() + interval '15 minutes', now(), 1
					FROM prompts p WHERE p.project_id = :project""")
				.param("project", project)
				.param("user", user)
				.update();
		}
		jdbc.sql(
				"""
						INSERT INTO rankings (assignment_id, project_id, prompt_id, user_id, tiers, not_rankable, presented_order,
						                      seconds_on_task, body_sha256, guidelines_version)
						SELECT a.id, a.project_id, a.prompt_id, a.user_id,
						       (SELECT jsonb_agg(jsonb_build_array(id) ORDER BY n) FROM unnest(a.candidate_order) WITH ORDINALITY o(id, n)),
						       false, a.candidate_order, 5 + random() * 60, 'bulk', a.guidelines_version
						FROM assignments a WHERE a.project_id = :project ORDER BY a.prompt_id, a.user_id""")
			.param("project", project)
			.update();
	}

}
