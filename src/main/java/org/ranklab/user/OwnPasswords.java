package org.ranklab.user;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import org.ranklab.web.InvalidInputException;

/**
 * A user changes their own password, proving the current one. A wrong current password
 * counts as a failed sign-in ({@link LoginThrottle}): a stolen session or token must not
 * become a way to guess the password unthrottled. The change ends the user's other
 * sessions.
 */
@Service
class OwnPasswords {

	static final String CURRENT_PASSWORD = "current_password";

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final LoginThrottle throttle;

	private final TransactionOperations transactions;

	OwnPasswords(UserAccountRepository users, PasswordEncoder passwordEncoder, LoginThrottle throttle,
			TransactionOperations transactions) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.throttle = throttle;
		this.transactions = transactions;
	}

	/**
	 * Changes the password and returns the account's new session epoch.
	 * @param address the client's address, for the throttle
	 * @throws LoginThrottled while sign-ins of this user or address are throttled
	 * @throws InvalidInputException when the current password is wrong
	 */
	int change(RankLabUser user, OwnPasswordChange change, String address) {
		LoginThrottle.Standing standing = throttle.standing(user.getUsername(), address);
		if (standing.locked()) {
			throw new LoginThrottled(standing.retryAfter());
		}
		String currentHash = users.findById(user.id()).orElseThrow().getPasswordHash();
		if (!passwordEncoder.matches(change.currentPassword(), currentHash)) {
			throttle.failed(user.getUsername(), address);
			throw InvalidInputException.ofField(CURRENT_PASSWORD, "is not your current password");
		}
		String newHash = passwordEncoder.encode(change.newPassword());
		return transactions.execute(status -> {
			UserAccount account = users.lockById(user.id()).orElseThrow();
			account.changePassword(newHash);
			return account.getSessionEpoch();
		});
	}

}
