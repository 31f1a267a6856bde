package org.ranklab.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.web.NotFoundException;

/**
 * Personal access tokens: 256 random bits shown once, stored only as their SHA-256.
 */
@Service
class AccessTokens {

	static final String PREFIX = "rl_";

	private final SecureRandom random = new SecureRandom();

	private final AccessTokenRepository tokens;

	AccessTokens(AccessTokenRepository tokens) {
		this.tokens = tokens;
	}

	@Transactional
	IssuedToken issue(RankLabUser owner, String name) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		AccessToken saved = tokens.save(new AccessToken(owner.id(), name.strip(), hash(token)));
		return new IssuedToken(saved.getId().toString(), saved.getName(), token, saved.getCreatedAt());
	}

	/**
	 * Revokes a token of the caller; admins may revoke anyone's. Unknown or foreign ids
	 * look alike.
	 */
	@Transactional
	void revoke(RankLabUser caller, long tokenId) {
		AccessToken token = tokens.findById(tokenId)
			.filter(t -> t.getUserId() == caller.id() || caller.isAdmin())
			.orElseThrow(() -> new NotFoundException("token", tokenId));
		token.revoke();
	}

	@Transactional(readOnly = true)
	List<AccessToken> liveTokensOf(RankLabUser owner) {
		return tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(owner.id());
	}

	@Transactional
	Optional<RankLabUser> authenticate(String token) {
		String hash = hash(token);
		Optional<RankLabUser> owner = tokens.findOwnerOfLiveToken(hash).map(UserAccount::toPrincipal);
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
