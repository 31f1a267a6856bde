/**
 * The audit log: who changed which project, user, membership or exclusion, when, and from
 * what to what.
 * <p>
 * Owns the table {@code audit_log} (append-only).
 * <p>
 * Publishes {@link org.ranklab.audit.AuditLog}, which the modules that carry out admin
 * actions call inside the action's transaction, so that an action and its entry are
 * stored together or not at all, and {@link org.ranklab.audit.AdminAction}. The actor is
 * read from the security context, so that a caller can neither forget nor forge it.
 */
@ApplicationModule(allowedDependencies = "web")
package org.ranklab.audit;

import org.springframework.modulith.ApplicationModule;
