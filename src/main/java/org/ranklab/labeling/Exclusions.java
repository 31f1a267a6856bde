package org.ranklab.labeling;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.audit.AdminAction;
import org.ranklab.audit.AuditLog;
import org.ranklab.project.Project;
import org.ranklab.project.Projects;
import org.ranklab.web.NotFoundException;

/**
 * Takes a labeler out of a project and puts them back. Their rankings stay stored
 * (rankings are append-only) but count nowhere while they are excluded: the prompts they
 * ranked are counted again with the other labelers' rankings only, in the same
 * transaction, so that those prompts are handed out again until they have
 * {@code rankings_per_prompt} good rankings; including them again counts theirs back (a
 * prompt that then has more than enough is simply complete). An excluded labeler gets no
 * more tasks in the project and their open leases there are released.
 */
@Service
class Exclusions {

	private final JdbcClient jdbc;

	private final Projects projects;

	private final AuditLog audit;

	Exclusions(JdbcClient jdbc, Projects projects, AuditLog audit) {
		this.jdbc = jdbc;
		this.projects = projects;
		this.audit = audit;
	}

	/** A labeler's exclusion from a project, as the API shows it. */
	record Exclusion(String labeler, String projectId, String reason, Instant excludedAt) {
	}

	/**
	 * Excludes the labeler, or changes the reason of their exclusion.
	 * @param labeler the labeler's pseudonym
	 */
	@Transactional
	Exclusion exclude(long projectId, String labeler, String reason) {
		Project project = projects.get(projectId);
		long userId = userOf(labeler);
		lock(projectId, userId);
		Optional<String> before = reasonOf(projectId, userId);
		Exclusion exclusion = jdbc.sql("""
				INSERT INTO labeler_exclusions (project_id, user_id, reason) VALUES (:project, :user, :reason)
				ON CONFLICT (project_id, user_id) DO UPDATE SET reason = EXCLUDED.reason
				RETURNING reason, excluded_at""")
			.param("project", projectId)
			.param("user", userId)
			.param("reason", reason)
			.query((row, n) -> new Exclusion(labeler, Long.toString(projectId), row.getString("reason"),
					row.getObject("excluded_at", OffsetDateTime.class).toInstant()))
			.single();
		if (before.isEmpty()) {
			releaseOpenLeases(projectId, userId);
			recount(project, userId);
		}
		if (!before.equals(Optional.of(reason))) {
			audit.record(new AdminAction("labeler.excluded", "labeler", labeler, projectId, state(before),
					state(Optional.of(reason))));
		}
		return exclusion;
	}

	/**
	 * Includes the labeler again; nothing happens to one who is not excluded.
	 * @param labeler the labeler's pseudonym
	 */
	@Transactional
	void include(long projectId, String labeler) {
		Project project = projects.get(projectId);
		long userId = userOf(labeler);
		lock(projectId, userId);
		Optional<String> reason = jdbc
			.sql("DELETE FROM labeler_exclusions WHERE project_id = :project AND user_id = :user RETURNING reason")
			.param("project", projectId)
			.param("user", userId)
			.query(String.class)
			.optional();
		if (reason.isPresent()) {
			recount(project, userId);
			audit.record(new AdminAction("labeler.included", "labeler", labeler, projectId, state(reason),
					state(Optional.empty())));
		}
	}

	private long userOf(String labeler) {
		return jdbc.sql("SELECT user_id FROM labelers WHERE pseudonym::text = :labeler")
			.param("labeler", labeler)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("labeler", labeler));
	}

	/**
	 * One exclusion change per project at a time, so that two never count the same
	 * prompts in opposite orders. Then waits for the labeler's submissions under way in
	 * the project, and holds back new ones until this transaction ends: a submission
	 * locks its assignment first, so the count below sees every ranking stored before,
	 * and every later one sees the change (its own count leaves an excluded labeler's
	 * ranking out, see {@link Rankings#record}).
	 */
	private void lock(long projectId, long userId) {
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('ranklab.labeler-exclusions'), :project)")
			.param("project", (int) projectId)
			.query(Integer.class)
			.single();
		jdbc.sql("SELECT id FROM assignments WHERE project_id = :project AND user_id = :user ORDER BY id FOR UPDATE")
			.param("project", projectId)
			.param("user", userId)
			.query(Long.class)
			.list();
	}

	private Optional<String> reasonOf(long projectId, long userId) {
		return jdbc.sql("SELECT reason FROM labeler_exclusions WHERE project_id = :project AND user_id = :user")
			.param("project", projectId)
			.param("user", userId)
			.query(String.class)
			.optional();
	}

	/**
	 * Leases the labeler holds stop taking room; a ranking sent for one later is stored
	 * but not counted.
	 */
	private void releaseOpenLeases(long projectId, long userId) {
		jdbc.sql("""
				UPDATE assignments SET status = :expired, closed_at = now()
				WHERE project_id = :project AND user_id = :user AND status = :open""")
			.param("project", projectId)
			.param("user", userId)
			.param("expired", Assignment.Status.EXPIRED.name())
			.param("open", Assignment.Status.OPEN.name())
			.update();
	}

	/**
	 * Counts the rankings of every prompt the labeler ranked in the project again,
	 * leaving out those of excluded labelers; a regular prompt is complete when that
	 * count reaches the project's {@code rankings_per_prompt}.
	 */
	private void recount(Project project, long userId) {
		jdbc.sql(
				"""
						UPDATE prompt_slots s SET rankings = counted.good, complete = NOT s.gold AND counted.good >= :perPrompt
						FROM (
						    SELECT r.prompt_id, count(*) FILTER (WHERE x.user_id IS NULL) AS good
						    FROM rankings r
						    LEFT JOIN labeler_exclusions x ON x.project_id = r.project_id AND x.user_id = r.user_id
						    WHERE r.prompt_id IN (SELECT prompt_id FROM rankings WHERE project_id = :project AND user_id = :user)
						    GROUP BY r.prompt_id
						) counted
						WHERE s.prompt_id = counted.prompt_id""")
			.param("project", project.id())
			.param("user", userId)
			.param("perPrompt", project.rankingsPerPrompt())
			.update();
	}

	/** The exclusion as the audit log shows it before and after. */
	private static Map<String, Object> state(Optional<String> reason) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("excluded", reason.isPresent());
		reason.ifPresent(text -> state.put("reason", text));
		return state;
	}

}
