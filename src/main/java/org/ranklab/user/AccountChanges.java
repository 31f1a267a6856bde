package org.ranklab.user;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import org.ranklab.web.ConflictException;
import org.ranklab.web.NotFoundException;

/**
 * An admin's changes to an account: disable and enable, role, password reset. Disabling
 * ends the user's sessions and publishes {@link UserDisabled} in the same transaction (so
 * their open leases are released with it); a new password ends their sessions. There is
 * always an enabled admin left: an admin cannot disable themselves, and the last enabled
 * admin can be neither disabled nor made a labeler. Each change that happens is recorded
 * in the audit log, in the same transaction.
 */
@Service
class AccountChanges {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final AccountAudit audit;

	AccountChanges(UserAccountRepository users, PasswordEncoder passwordEncoder, ApplicationEventPublisher events,
			TransactionOperations transactions, AccountAudit audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.events = events;
		this.transactions = transactions;
		this.audit = audit;
	}

	/**
	 * Applies every field of the change that is given, all or nothing. The password is
	 * hashed before the transaction: BCrypt takes a CPU-bound moment, and the transaction
	 * holds the admins' locks.
	 */
	UserAccount change(RankLabUser admin, long userId, UserChange change) {
		String passwordHash = change.password() == null ? null : passwordEncoder.encode(change.password());
		return transactions.execute(status -> apply(admin, userId, change, passwordHash));
	}

	private UserAccount apply(RankLabUser admin, long userId, UserChange change, String passwordHash) {
		List<UserAccount> enabledAdmins = users.lockEnabledAdmins();
		UserAccount account = users.lockById(userId).orElseThrow(() -> new NotFoundException("user", userId));
		boolean disable = Boolean.TRUE.equals(change.disabled());
		if (disable && account.getId() == admin.id()) {
			throw new ConflictException("you cannot disable your own account");
		}
		boolean removesAnAdmin = account.isEnabledAdmin()
				&& (disable || (change.role() != null && change.role() != Role.ADMIN));
		if (removesAnAdmin && enabledAdmins.size() <= 1) {
			throw new ConflictException(
					"'" + account.getUsername() + "' is the last enabled admin; make another admin first");
		}
		if (change.role() != null && change.role() != account.getRole()) {
			Role before = account.getRole();
			account.changeRole(change.role());
			audit.roleChanged(account, before);
		}
		if (disable && !account.isDisabled()) {
			account.disable();
			events.publishEvent(new UserDisabled(account.getId()));
			audit.disabled(account);
		}
		if (Boolean.FALSE.equals(change.disabled()) && account.isDisabled()) {
			account.enable();
			audit.enabled(account);
		}
		if (passwordHash != null) {
			account.changePassword(passwordHash);
			audit.passwordReset(account);
		}
		return account;
	}

}
