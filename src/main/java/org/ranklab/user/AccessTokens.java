package org.ranklab.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.web.NotFoundException;

/**
 * Personal access tokens: 256 random bits shown once, stored only as their SHA-256. A
 * token works until it is revoked or expires, and only while its owner's account is
 * enabled.
 */
@Service
class AccessTokens {

	static final String PREFIX = "rl_";

	private final SecureRandom random = new SecureRandom();

	private final AccessTokenRepository tokens;

	private final AccountAudit audit;

	private final JdbcClient jdbc;

	AccessTokens(AccessTokenRepository tokens, AccountAudit audit, JdbcClient jdbc) {
		this.tokens = tokens;
		this.audit = audit;
		this.jdbc = jdbc;
	}

	/**
	 * @param expiresInDays how long it works; {@code null}: until revoked
	 */
	@Transactional
	IssuedToken issue(RankLabUser owner, String name, Integer expiresInDays) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		Instant expiresAt = expiresInDays == null ? null : Instant.now().plus(Duration.ofDays(expiresInDays));
		AccessToken saved = tokens.save(new AccessToken(owner.id(), name.strip(), hash(token), expiresAt));
		return new IssuedToken(saved.getId().toString(), saved.getName(), token, saved.getCreatedAt(),
				saved.getExpiresAt());
	}

	/**
	 * Revokes a token of the caller; admins may revoke anyone's (recorded in the audit
	 * log). Unknown or foreign ids look alike.
	 */
	@Transactional
	void revoke(RankLabUser caller, long tokenId) {
		AccessToken token = tokens.findById(tokenId)
			.filter(t -> t.getUserId() == caller.id() || caller.isAdmin())
			.orElseThrow(() -> new NotFoundException("token", tokenId));
		revoke(caller, token);
	}

	/** An admin revokes a token of this user; a token of someone else is not found. */
	@Transactional
	void revokeOf(RankLabUser admin, long userId, long tokenId) {
		AccessToken token = tokens.findById(tokenId)
			.filter(t -> t.getUserId() == userId)
			.orElseThrow(() -> new NotFoundException("token", tokenId));
		revoke(admin, token);
	}

	private void revoke(RankLabUser caller, AccessToken token) {
		if (token.isRevoked()) {
			return;
		}
		token.revoke();
		if (token.getUserId() != caller.id()) {
			audit.tokenRevoked(token);
		}
	}

	/**
	 * The tokens of this user that are not revoked, expired ones included, newest first.
	 */
	@Transactional(readOnly = true)
	List<AccessToken> unrevokedTokensOf(long userId) {
		return tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(userId);
	}

	/**
	 * The owner of a token that works now: not revoked, not expired, its account not
	 * disabled. Every Bearer call makes this look-up, so it is one statement in one round
	 * trip, which also records the use, at most once a minute so that it stays a read.
	 */
	Optional<RankLabUser> authenticate(String token) {
		return jdbc.sql("""
				WITH owner AS (
				    SELECT t.id AS token_id, u.id, u.username, u.role, u.session_epoch
				    FROM access_tokens t JOIN users u ON u.id = t.user_id
				    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now())
				      AND u.disabled_at IS NULL
				), touched AS (
				    UPDATE access_tokens SET last_used_at = now()
				    WHERE id = (SELECT token_id FROM owner)
				      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
				)
				SELECT id, username, role, session_epoch FROM owner""")
			.param(hash(token))
			.query((rs, row) -> new RankLabUser(rs.getLong("id"), rs.getString("username"), null,
					Role.valueOf(rs.getString("role")), true, rs.getInt("session_epoch")))
			.optional();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
