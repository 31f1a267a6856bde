package org.ranklab.user;

import java.time.Instant;

/**
 * A freshly created token: the only time its secret is shown. {@code expiresAt} is
 * {@code null} for a token that never expires.
 */
record IssuedToken(String id, String name, String token, Instant createdAt, Instant expiresAt) {
}
