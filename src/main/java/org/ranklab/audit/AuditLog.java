package org.ranklab.audit;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records admin actions and reads them back, newest first. */
@Service
public class AuditLog {

	/**
	 * Who acts when nobody is signed in: the app itself (first start, background work).
	 */
	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Logs the action in the caller's transaction (required), so that it is stored
	 * exactly when the action is.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AdminAction action) {
		jdbc.sql("""
				INSERT INTO audit_log (actor, action, subject_type, subject_id, project_id, before, after)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)""")
			.params(currentActor(), action.action(), action.subjectType(), action.subjectId(), action.projectId(),
					json.writeValueAsString(action.before()), json.writeValueAsString(action.after()))
			.update();
	}

	/**
	 * The newest entries, of one project when {@code projectId} is given, older than
	 * {@code beforeId} when given (paging).
	 */
	@Transactional(readOnly = true)
	List<AuditEntry> newest(Long projectId, Long beforeId, int limit) {
		return jdbc.sql("""
				SELECT id, at, actor, action, subject_type, subject_id, project_id, before, after FROM audit_log
				WHERE (CAST(:project AS BIGINT) IS NULL OR project_id = :project)
				  AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
				ORDER BY id DESC
				LIMIT :limit""")
			.param("project", projectId)
			.param("before", beforeId)
			.param("limit", limit)
			.query((row, n) -> new AuditEntry(row.getString("id"), row.getTimestamp("at").toInstant(),
					row.getString("actor"), row.getString("action"), row.getString("subject_type"),
					row.getString("subject_id"), row.getString("project_id"), json.readTree(row.getString("before")),
					json.readTree(row.getString("after"))))
			.list();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
	}

}
