package org.ranklab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code training_runs} table, read together with each run's job. */
@Repository
class TrainingRunStore {

	private static final String SELECT = """
			SELECT r.id, r.project_id, r.job_id, r.status, r.objective, r.architecture, r.source, r.settings,
			       r.metrics, r.error, r.reward_model_id, r.created_at, r.started_at, r.finished_at,
			       j.status AS job_status, j.progress AS job_progress, j.message AS job_message,
			       j.attempts AS job_attempts, j.cancel_requested AS job_cancel_requested,
			       j.started_at AS job_started_at, j.finished_at AS job_finished_at
			FROM training_runs r LEFT JOIN jobs j ON j.id = r.job_id
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TrainingRunStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long projectId, RunSettings settings, Long createdBy) {
		return jdbc.sql("""
				INSERT INTO training_runs (project_id, objective, architecture, source, settings, created_by)
				VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id""")
			.params(projectId, settings.training().objective().apiName(), settings.training().architecture().apiName(),
					settings.source(), json.writeValueAsString(settings.asMap()), createdBy)
			.query(Long.class)
			.single();
	}

	void attachJob(long runId, long jobId) {
		jdbc.sql("UPDATE training_runs SET job_id = ? WHERE id = ?").params(jobId, runId).update();
	}

	Optional<TrainingRun> find(long id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::row).optional().map(this::synced);
	}

	List<TrainingRun> recent(long projectId, int limit) {
		return jdbc.sql(SELECT + " WHERE r.project_id = ? ORDER BY r.id DESC LIMIT ?")
			.params(projectId, limit)
			.query(this::row)
			.list()
			.stream()
			.map(this::synced)
			.toList();
	}

	/** A run as read, with the status its own row holds. */
	private record Row(TrainingRun run, String ownStatus) {
	}

	/**
	 * A job that ended without the worker (failed after its workers died, cancelled while
	 * queued): the run follows.
	 */
	private TrainingRun synced(Row row) {
		TrainingRun run = row.run();
		if (!run.status().equals(row.ownStatus()) && isFinished(run.status())) {
			ended(Long.parseLong(run.id()), run.status(), "FAILED".equals(run.status()) ? run.error() : null);
		}
		return run;
	}

	/**
	 * What the worker needs of its run: settings, project and whether an earlier attempt
	 * already stored a model.
	 */
	record Work(long id, long projectId, JsonNode settings, Long rewardModelId) {
	}

	Optional<Work> work(long id) {
		return jdbc.sql("SELECT id, project_id, settings, reward_model_id FROM training_runs WHERE id = ?")
			.param(id)
			.query((rs, row) -> new Work(rs.getLong("id"), rs.getLong("project_id"),
					json.readTree(rs.getString("settings")), rs.getObject("reward_model_id", Long.class)))
			.optional();
	}

	/**
	 * A (re)started attempt: RUNNING, metrics of an earlier attempt dropped since
	 * training starts over.
	 */
	void started(long id) {
		jdbc.sql("""
				UPDATE training_runs SET status = 'RUNNING', metrics = '[]', error = NULL, finished_at = NULL,
				                         started_at = coalesce(started_at, now())
				WHERE id = ? AND reward_model_id IS NULL""").param(id).update();
	}

	void metrics(long id, List<Map<String, Object>> epochs) {
		jdbc.sql("UPDATE training_runs SET metrics = ?::jsonb WHERE id = ?")
			.params(json.writeValueAsString(epochs), id)
			.update();
	}

	void succeeded(long id, long rewardModelId) {
		jdbc.sql("""
				UPDATE training_runs SET status = 'SUCCEEDED', reward_model_id = ?, finished_at = now()
				WHERE id = ?""").params(rewardModelId, id).update();
	}

	/**
	 * Ends the run with the job's final status (FAILED with a reason, or CANCELLED),
	 * unless it already ended.
	 */
	void ended(long id, String status, String error) {
		jdbc.sql("""
				UPDATE training_runs SET status = ?, error = coalesce(?, error), finished_at = now()
				WHERE id = ? AND status IN ('QUEUED', 'RUNNING')""").params(status, error, id).update();
	}

	private Row row(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		String ownStatus = rs.getString("status");
		String jobStatus = rs.getString("job_status");
		String status = jobStatus == null ? ownStatus : jobStatus;
		String jobMessage = rs.getString("job_message");
		String error = null;
		if ("FAILED".equals(status)) {
			error = rs.getString("error") != null ? rs.getString("error") : jobMessage == null ? "failed" : jobMessage;
		}
		Long jobId = rs.getObject("job_id", Long.class);
		Long modelId = rs.getObject("reward_model_id", Long.class);
		double progress = "SUCCEEDED".equals(status) ? 1.0 : rs.getDouble("job_progress");
		return new Row(new TrainingRun(Long.toString(id), Long.toString(rs.getLong("project_id")),
				jobId == null ? null : jobId.toString(), status, progress, jobMessage, rs.getString("objective"),
				rs.getString("architecture"), rs.getString("source"), json.readTree(rs.getString("settings")),
				json.readTree(rs.getString("metrics")), modelId == null ? null : modelId.toString(), error,
				rs.getBoolean("job_cancel_requested"), rs.getInt("job_attempts"), instant(rs, "created_at"),
				firstOf(instant(rs, "job_started_at"), instant(rs, "started_at")),
				firstOf(instant(rs, "job_finished_at"), instant(rs, "finished_at"))), ownStatus);
	}

	private static boolean isFinished(String status) {
		return status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED");
	}

	private static Instant firstOf(Instant a, Instant b) {
		return a != null ? a : b;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
