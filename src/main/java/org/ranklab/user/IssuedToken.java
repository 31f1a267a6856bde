package org.ranklab.user;

import java.time.Instant;

/** A freshly created token: the only time its secret is shown. */
record IssuedToken(String id, String name, String token, Instant createdAt) {
}
