package org.ranklab.labeling;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.ranklab.user.UserDisabled;

/**
 * Releases the open leases of a user whose account was disabled, in the transaction that
 * disables it, so that other labelers get those prompts at once instead of after the
 * leases run out. The assignments are closed as {@code EXPIRED}: they no longer count
 * against their prompts' room, and the user, if enabled again, is not offered those
 * prompts anew.
 */
@Component
class LeasesOfDisabledUsers {

	private final JdbcClient jdbc;

	LeasesOfDisabledUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void release(UserDisabled disabled) {
		jdbc.sql("""
				UPDATE assignments
				SET status = 'EXPIRED', closed_at = now(), lease_expires_at = least(lease_expires_at, now())
				WHERE user_id = ? AND status = 'OPEN'""").param(disabled.userId()).update();
	}

}
