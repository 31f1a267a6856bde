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

	AccessTokens(AccessTokenRepository tokens, AccountAudit audit) {
		this.tokens = tokens;
		this.audit = audit;
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

	@Transactional
	Optional<RankLabUser> authenticate(String token) {
		String hash = hash(token);
		Optional<RankLabUser> owner = tokens.findOwnerOfLiveToken(hash, Instant.now()).map(UserAccount::toPrincipal);
		owner.ifPresent(user -> tokens.touch(hash));
		return owner;
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
