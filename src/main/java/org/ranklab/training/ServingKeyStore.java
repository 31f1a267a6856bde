package org.ranklab.training;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reward_serving_keys} table: keys only as their SHA-256. */
@Repository
class ServingKeyStore {

	private final JdbcClient jdbc;

	ServingKeyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	ServingKey insert(long modelId, String keyHash, String keyPrefix, String createdBy) {
		return jdbc.sql("""
				INSERT INTO reward_serving_keys (reward_model_id, key_hash, key_prefix, created_by) VALUES (?, ?, ?, ?)
				RETURNING id, reward_model_id, key_prefix, created_by, created_at, revoked_at""")
			.params(modelId, keyHash, keyPrefix, createdBy)
			.query(ServingKeyStore::key)
			.single();
	}

	/** The model's keys, revoked ones too, newest first. */
	List<ServingKey> ofModel(long modelId) {
		return jdbc.sql("""
				SELECT id, reward_model_id, key_prefix, created_by, created_at, revoked_at FROM reward_serving_keys
				WHERE reward_model_id = ? ORDER BY id DESC""").param(modelId).query(ServingKeyStore::key).list();
	}

	/** Revokes the model's live key; empty when the model has no such live key. */
	Optional<ServingKey> revoke(long modelId, long keyId) {
		return jdbc.sql("""
				UPDATE reward_serving_keys SET revoked_at = now()
				WHERE id = ? AND reward_model_id = ? AND revoked_at IS NULL
				RETURNING id, reward_model_id, key_prefix, created_by, created_at, revoked_at""")
			.params(keyId, modelId)
			.query(ServingKeyStore::key)
			.optional();
	}

	boolean exists(long modelId, long keyId) {
		return jdbc.sql("SELECT count(*) FROM reward_serving_keys WHERE id = ? AND reward_model_id = ?")
			.params(keyId, modelId)
			.query(Long.class)
			.single() > 0;
	}

	/** The model a live key scores with. */
	Optional<Long> modelOfLiveKey(String keyHash) {
		return jdbc.sql("SELECT reward_model_id FROM reward_serving_keys WHERE key_hash = ? AND revoked_at IS NULL")
			.param(keyHash)
			.query(Long.class)
			.optional();
	}

	private static ServingKey key(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp revoked = rs.getTimestamp("revoked_at");
		return new ServingKey(Long.toString(rs.getLong("id")), Long.toString(rs.getLong("reward_model_id")),
				rs.getString("key_prefix"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
				revoked == null ? null : revoked.toInstant());
	}

	/** A key as listed: never its value, only its first characters. */
	record ServingKey(String id, String rewardModelId, String keyPrefix, String createdBy, Instant createdAt,
			Instant revokedAt) {

		boolean revoked() {
			return revokedAt != null;
		}

	}

}
