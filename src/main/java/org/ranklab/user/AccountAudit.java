package org.ranklab.user;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import org.ranklab.audit.AdminAction;
import org.ranklab.audit.AuditLog;

/**
 * What admins do to accounts, in the audit log: each call inside the action's own
 * transaction. The actor is whoever is signed in ({@code system} for the first admin). No
 * password or token secret is ever logged.
 */
@Component
class AccountAudit {

	private final AuditLog log;

	AccountAudit(AuditLog log) {
		this.log = log;
	}

	void created(UserAccount account) {
		record(account, "created", Map.of(), Map.of("username", account.getUsername(), "role", account.getRole()));
	}

	void disabled(UserAccount account) {
		record(account, "disabled", Map.of("disabled", false), Map.of("disabled", true));
	}

	void enabled(UserAccount account) {
		record(account, "enabled", Map.of("disabled", true), Map.of("disabled", false));
	}

	void roleChanged(UserAccount account, Role before) {
		record(account, "role_changed", Map.of("role", before), Map.of("role", account.getRole()));
	}

	void passwordReset(UserAccount account) {
		record(account, "password_reset", Map.of(), Map.of());
	}

	void tokenRevoked(AccessToken token) {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("token_id", token.getId().toString());
		before.put("token_name", token.getName());
		before.put("revoked", false);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("revoked", true);
		log.record(
				new AdminAction("user.token_revoked", "user", Long.toString(token.getUserId()), null, before, after));
	}

	private void record(UserAccount account, String verb, Map<String, ?> before, Map<String, ?> after) {
		log.record(new AdminAction("user." + verb, "user", account.getId().toString(), null, before, after));
	}

}
