/**
 * Users and security: accounts with BCrypt passwords that admins can disable and enable,
 * personal access tokens (stored as SHA-256, optionally expiring), sign-in with login
 * throttling, HTTP Basic and Bearer on {@code /api/**}, form login with CSRF on pages
 * (sessions checked against their account on every request), and the first admin. Admin
 * actions on accounts go to the audit log.
 * <p>
 * Owns the tables {@code users}, {@code access_tokens} and {@code login_failures}.
 * <p>
 * Publishes {@link org.ranklab.user.RankLabUser} (the signed-in principal),
 * {@link org.ranklab.user.Role}, {@link org.ranklab.user.Usernames} (names for user ids,
 * for pages that show them) and the event {@link org.ranklab.user.UserDisabled},
 * published in the transaction that disables an account.
 */
@ApplicationModule(allowedDependencies = { "audit", "web" })
package org.ranklab.user;

import org.springframework.modulith.ApplicationModule;
