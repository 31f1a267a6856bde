/**
 * Users and security: accounts with BCrypt passwords, personal access tokens (stored as
 * SHA-256), sign-in with login throttling, HTTP Basic and Bearer on {@code /api/**}, form
 * login with CSRF on pages, and the first admin.
 * <p>
 * Owns the tables {@code users}, {@code access_tokens} and {@code login_failures}.
 * <p>
 * Publishes {@link org.ranklab.user.RankLabUser} (the signed-in principal),
 * {@link org.ranklab.user.Role} and {@link org.ranklab.user.Usernames} (names for user
 * ids, for pages that show them).
 */
@ApplicationModule(allowedDependencies = "web")
package org.ranklab.user;

import org.springframework.modulith.ApplicationModule;
