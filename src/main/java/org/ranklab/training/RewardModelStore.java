package org.ranklab.training;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import org.ranklab.training.engine.Architecture;
import org.ranklab.training.engine.Objective;
import org.ranklab.training.engine.TrainingResult;

/** The {@code reward_models} table. Listings never read the artifact column. */
@Repository
class RewardModelStore {

	private static final String COLUMNS = """
			id, project_id, training_run_id, architecture, objective, metrics, reward_mean, reward_std,
			artifact_bytes, created_at""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RewardModelStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	long insert(long projectId, long runId, RunSettings settings, TrainingResult result, Map<String, Object> metrics) {
		return jdbc.sql("""
				INSERT INTO reward_models (project_id, training_run_id, architecture, objective, metrics, reward_mean,
				                           reward_std, artifact, artifact_bytes)
				VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?) RETURNING id""")
			.params(projectId, runId, settings.training().architecture().apiName(),
					settings.training().objective().apiName(), json.writeValueAsString(metrics), result.rewardMean(),
					result.rewardStd(), result.artifact(), result.artifact().length)
			.query(Long.class)
			.single();
	}

	Optional<RewardModelInfo> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reward_models WHERE id = ?")
			.param(id)
			.query(this::info)
			.optional();
	}

	List<RewardModelInfo> recent(long projectId, int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM reward_models WHERE project_id = ? ORDER BY id DESC LIMIT ?")
			.params(projectId, limit)
			.query(this::info)
			.list();
	}

	Optional<Long> newest(long projectId) {
		return jdbc.sql("SELECT id FROM reward_models WHERE project_id = ? ORDER BY id DESC LIMIT 1")
			.param(projectId)
			.query(Long.class)
			.optional();
	}

	Optional<byte[]> artifact(long id) {
		return jdbc.sql("SELECT artifact FROM reward_models WHERE id = ?").param(id).query(byte[].class).optional();
	}

	private RewardModelInfo info(ResultSet rs, int row) throws SQLException {
		return new RewardModelInfo(Long.toString(rs.getLong("id")), Long.toString(rs.getLong("project_id")),
				Long.toString(rs.getLong("training_run_id")), Architecture.fromApiName(rs.getString("architecture")),
				Objective.fromApiName(rs.getString("objective")), json.readTree(rs.getString("metrics")),
				rs.getDouble("reward_mean"), rs.getDouble("reward_std"), rs.getLong("artifact_bytes"),
				rs.getTimestamp("created_at").toInstant());
	}

}
