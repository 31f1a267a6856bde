package org.ranklab.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.ranklab.jobs.JobStatus.UNFINISHED_SQL;

/**
 * The {@code jobs} table, in plain SQL. Status changes are guarded so that a finished job
 * never changes again; the update that ends a job publishes {@link JobFinished} in its
 * transaction.
 */
@Repository
class JobStore {

	private static final String COLUMNS = """
			id, type, project_id, status, progress, message, parameters, details, cancel_requested, attempts,
			created_at, started_at, finished_at, heartbeat""";

	private static final String FINISHED = "id, type, project_id, status, message";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	JobStore(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
	}

	long insert(NewJob job) {
		return jdbc.sql("""
				INSERT INTO jobs (type, project_id, parameters, created_by, exclusive_key)
				VALUES (?, ?, ?::jsonb, ?, ?) RETURNING id""")
			.params(job.type(), job.projectId(), json.writeValueAsString(job.parameters()), job.createdBy(),
					job.exclusiveKey())
			.query(Long.class)
			.single();
	}

	Optional<Job> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").param(id).query(this::job).optional();
	}

	/** Those of the jobs that exist, in no particular order. */
	List<Job> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id IN (:ids)")
			.param("ids", ids)
			.query(this::job)
			.list();
	}

	/** The newest jobs of a type in a project, newest first. */
	List<Job> recent(long projectId, String type, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE project_id = ? AND type = ? ORDER BY id DESC LIMIT ?")
			.params(projectId, type, limit)
			.query(this::job)
			.list();
	}

	Optional<Job> active(long projectId, String type) {
		return jdbc
			.sql("SELECT " + COLUMNS + " FROM jobs WHERE project_id = ? AND type = ? AND " + UNFINISHED_SQL
					+ " ORDER BY id DESC LIMIT 1")
			.params(projectId, type)
			.query(this::job)
			.optional();
	}

	/**
	 * Claims a queued or interrupted job for a run and counts the attempt; empty when the
	 * job is finished or gone, so a stale queue entry never runs it again.
	 */
	Optional<Job> start(long id) {
		return jdbc.sql("""
				UPDATE jobs SET status = ?, attempts = attempts + 1, heartbeat = now(),
				                started_at = coalesce(started_at, now())
				WHERE id = ? AND %s RETURNING %s""".formatted(UNFINISHED_SQL, COLUMNS))
			.params(JobStatus.RUNNING.name(), id)
			.query(this::job)
			.optional();
	}

	/**
	 * Writes a running job's progress and heartbeat; answers whether a cancel was
	 * requested.
	 */
	boolean beat(long id, double progress, String message, Map<String, Object> details) {
		return jdbc.sql("""
				UPDATE jobs SET progress = ?, message = ?, details = ?::jsonb, heartbeat = now()
				WHERE id = ? AND status = ?
				RETURNING cancel_requested""")
			.params(clamp(progress), message, json.writeValueAsString(details), id, JobStatus.RUNNING.name())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A run cut short by the app stopping: it resumes later, and this attempt does not
	 * count against it.
	 */
	void interrupted(long id) {
		jdbc.sql("""
				UPDATE jobs SET attempts = greatest(attempts - 1, 0), heartbeat = now(),
				                message = 'interrupted by a shutdown; resumes when an instance is up'
				WHERE id = ? AND status = ?""").params(id, JobStatus.RUNNING.name()).update();
	}

	boolean isCancelRequested(long id) {
		return jdbc.sql("SELECT cancel_requested FROM jobs WHERE id = ?")
			.param(id)
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/**
	 * Ends a queued or running job; nothing when it already ended. Publishes
	 * {@link JobFinished} in the same transaction, so that what other modules keep beside
	 * the job ends with it or not at all.
	 */
	void finish(long id, JobStatus status, Double progress, String message) {
		end(jdbc.sql("""
				UPDATE jobs SET status = ?, progress = coalesce(?, progress), message = coalesce(?, message),
				                finished_at = now(), heartbeat = now()
				WHERE id = ? AND %s RETURNING %s""".formatted(UNFINISHED_SQL, FINISHED))
			.params(status.name(), progress == null ? null : clamp(progress), message, id));
	}

	/** Marks a job for cancelling; false when it is already finished. */
	boolean requestCancel(long id) {
		return jdbc.sql("UPDATE jobs SET cancel_requested = true WHERE id = ? AND " + UNFINISHED_SQL)
			.param(id)
			.update() == 1;
	}

	/** Ends a job that no worker has started yet, as {@link #finish} does. */
	void cancelQueued(long id) {
		end(jdbc.sql("""
				UPDATE jobs SET status = ?, finished_at = now(), message = 'cancelled before it started'
				WHERE id = ? AND status = ? RETURNING %s""".formatted(FINISHED))
			.params(JobStatus.CANCELLED.name(), id, JobStatus.QUEUED.name()));
	}

	private void end(JdbcClient.StatementSpec update) {
		transaction.executeWithoutResult(
				status -> update
					.query((rs, row) -> new JobFinished(rs.getLong("id"), rs.getString("type"),
							rs.getObject("project_id", Long.class), JobStatus.valueOf(rs.getString("status")),
							rs.getString("message")))
					.optional()
					.ifPresent(events::publishEvent));
	}

	private static double clamp(double progress) {
		return Double.isNaN(progress) ? 0 : Math.max(0, Math.min(1, progress));
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		Long projectId = rs.getObject("project_id", Long.class);
		return new Job(rs.getLong("id"), rs.getString("type"), projectId, JobStatus.valueOf(rs.getString("status")),
				rs.getDouble("progress"), rs.getString("message"), tree(rs.getString("parameters")),
				tree(rs.getString("details")), rs.getBoolean("cancel_requested"), rs.getInt("attempts"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"),
				instant(rs, "heartbeat"));
	}

	private JsonNode tree(String text) {
		return json.readTree(text == null ? "{}" : text);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
