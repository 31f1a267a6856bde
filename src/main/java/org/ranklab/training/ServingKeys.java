package org.ranklab.training;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.audit.AdminAction;
import org.ranklab.audit.AuditLog;
import org.ranklab.training.ServingKeyStore.ServingKey;
import org.ranklab.web.NotFoundException;

/**
 * Reward-serving keys: 256 random bits in the URL a training loop posts to, shown once
 * and stored only as their SHA-256 (a fast hash suits a long random secret and allows
 * look-up). A key scores with its one model until it is revoked and is a credential
 * nowhere else: it is not an access token, and the serving path takes no other.
 */
@Service
class ServingKeys {

	static final String PREFIX = "rs_";

	/** Characters of a key kept to tell keys apart: the prefix and 4 of its 43. */
	private static final int SHOWN_CHARS = PREFIX.length() + 4;

	private final SecureRandom random = new SecureRandom();

	private final ServingKeyStore store;

	private final RewardModels models;

	private final AuditLog audit;

	ServingKeys(ServingKeyStore store, RewardModels models, AuditLog audit) {
		this.store = store;
		this.models = models;
		this.audit = audit;
	}

	/** A key made for the model, with its value (never shown again). */
	record IssuedKey(ServingKey key, String value) {
	}

	@Transactional
	IssuedKey create(long modelId, String createdBy) {
		RewardModelInfo model = models.get(modelId);
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String value = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		ServingKey key = store.insert(modelId, hash(value), value.substring(0, SHOWN_CHARS), createdBy);
		audit.record(action("created", key, model, Map.of(), summary(key)));
		return new IssuedKey(key, value);
	}

	@Transactional(readOnly = true)
	List<ServingKey> of(long modelId) {
		models.get(modelId);
		return store.ofModel(modelId);
	}

	/**
	 * Revokes the model's key (again: nothing happens); {@code 404} for a key of another
	 * model or none.
	 */
	@Transactional
	void revoke(long modelId, long keyId) {
		RewardModelInfo model = models.get(modelId);
		Optional<ServingKey> revoked = store.revoke(modelId, keyId);
		if (revoked.isPresent()) {
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("revoked_at", null);
			audit.record(action("revoked", revoked.get(), model, before, summary(revoked.get())));
		}
		else if (!store.exists(modelId, keyId)) {
			throw new NotFoundException("serving key of reward model " + modelId, keyId);
		}
	}

	/** The model that a live key scores with; empty for an unknown or revoked key. */
	@Transactional(readOnly = true)
	Optional<Long> modelOf(String key) {
		if (key == null || !key.startsWith(PREFIX)) {
			return Optional.empty();
		}
		return store.modelOfLiveKey(hash(key));
	}

	private static AdminAction action(String verb, ServingKey key, RewardModelInfo model, Map<String, ?> before,
			Map<String, ?> after) {
		return new AdminAction("reward_serving_key." + verb, "reward_serving_key", key.id(),
				Long.parseLong(model.projectId()), before, after);
	}

	private static Map<String, Object> summary(ServingKey key) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("reward_model_id", key.rewardModelId());
		fields.put("key_prefix", key.keyPrefix());
		fields.put("revoked_at", key.revokedAt() == null ? null : key.revokedAt().toString());
		return fields;
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
