package org.ranklab.user;

import java.time.Instant;

/**
 * A token without its secret. {@code lastUsedAt} is exact to the minute;
 * {@code expiresAt} is {@code null} for a token that never expires.
 */
record TokenSummary(String id, String name, Instant createdAt, Instant lastUsedAt, Instant expiresAt) {

	static TokenSummary of(AccessToken token) {
		return new TokenSummary(token.getId().toString(), token.getName(), token.getCreatedAt(), token.getLastUsedAt(),
				token.getExpiresAt());
	}

}
