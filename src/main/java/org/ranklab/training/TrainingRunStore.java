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

import org.ranklab.jobs.JobStatus;
import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;

/**
 * The {@code training_runs} table. A run's status uses its job's names: it is the job's
 * status, kept beside the run for the run's own ends (model stored, cancelled mid-epoch)
 * and for runs whose job ended without the worker ({@link TrainingRunsFollowJobs}).
 */
@Repository
class TrainingRunStore {

	private static final String SELECT = """
			SELECT id, project_id, job_id, status, objective, architecture, source, settings, metrics, error,
			       reward_model_id, created_at, started_at, finished_at
			FROM training_runs
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TrainingRunStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A run as its row holds it; what its job shows is read from the jobs module. */
	record Row(long id, long projectId, Long jobId, JobStatus status, Objective objective, Architecture architecture,
			TrainingSource source, JsonNode settings, JsonNode metrics, String error, Long rewardModelId,
			Instant createdAt, Instant startedAt, Instant finishedAt) {
	}

	long insert(long projectId, RunSettings settings, Long createdBy) {
		return jdbc.sql("""
				INSERT INTO training_runs (project_id, objective, architecture, source, settings, created_by)
				VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id""")
			.params(projectId, settings.training().objective().apiName(), settings.training().architecture().apiName(),
					settings.source().apiName(), json.writeValueAsString(settings.asMap()), createdBy)
			.query(Long.class)
			.single();
	}

	void attachJob(long runId, long jobId) {
		jdbc.sql("UPDATE training_runs SET job_id = ? WHERE id = ?").params(jobId, runId).update();
	}

	Optional<Row> find(long id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::row).optional();
	}

	Optional<Row> ofJob(long jobId) {
		return jdbc.sql(SELECT + " WHERE job_id = ?").param(jobId).query(this::row).optional();
	}

	List<Row> recent(long projectId, int limit) {
		return jdbc.sql(SELECT + " WHERE project_id = ? ORDER BY id DESC LIMIT ?")
			.params(projectId, limit)
			.query(this::row)
			.list();
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
				UPDATE training_runs SET status = ?, metrics = '[]', error = NULL, finished_at = NULL,
				                         started_at = coalesce(started_at, now())
				WHERE id = ? AND reward_model_id IS NULL""").params(JobStatus.RUNNING.name(), id).update();
	}

	void metrics(long id, List<Map<String, Object>> epochs) {
		jdbc.sql("UPDATE training_runs SET metrics = ?::jsonb WHERE id = ?")
			.params(json.writeValueAsString(epochs), id)
			.update();
	}

	void succeeded(long id, long rewardModelId) {
		jdbc.sql("""
				UPDATE training_runs SET status = ?, reward_model_id = ?, finished_at = now()
				WHERE id = ?""").params(JobStatus.SUCCEEDED.name(), rewardModelId, id).update();
	}

	/**
	 * Ends the run of this job with the job's final status (FAILED with a reason, or
	 * CANCELLED), unless it already ended.
	 */
	void ended(long jobId, JobStatus status, String error) {
		jdbc.sql("""
				UPDATE training_runs SET status = ?, error = coalesce(?, error), finished_at = now()
				WHERE job_id = ? AND status IN (?, ?)""")
			.params(status.name(), error, jobId, JobStatus.QUEUED.name(), JobStatus.RUNNING.name())
			.update();
	}

	private Row row(ResultSet rs, int row) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("project_id"), rs.getObject("job_id", Long.class),
				JobStatus.valueOf(rs.getString("status")), Objective.fromApiName(rs.getString("objective")),
				Architecture.fromApiName(rs.getString("architecture")),
				TrainingSource.fromApiName(rs.getString("source")), json.readTree(rs.getString("settings")),
				json.readTree(rs.getString("metrics")), rs.getString("error"),
				rs.getObject("reward_model_id", Long.class), instant(rs, "created_at"), instant(rs, "started_at"),
				instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
