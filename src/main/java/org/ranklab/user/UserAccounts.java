package org.ranklab.user;

import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionOperations;

import org.ranklab.web.ConflictException;
import org.ranklab.web.NotFoundException;

@Service
class UserAccounts implements UserDetailsService {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final TransactionOperations transactions;

	private final AccountAudit audit;

	UserAccounts(UserAccountRepository users, PasswordEncoder passwordEncoder, TransactionOperations transactions,
			AccountAudit audit) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.transactions = transactions;
		this.audit = audit;
	}

	@Override
	@Transactional(readOnly = true)
	public RankLabUser loadUserByUsername(String username) {
		return users.findByUsername(username)
			.map(UserAccount::toPrincipal)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	/**
	 * Hashes outside the transaction: hashing takes a CPU-bound moment (BCrypt), and a
	 * transaction around it would hold a database connection all along, so that many
	 * users created at once exhaust the pool. The insert and its audit entry are one
	 * transaction. The unique username settles a race between the check and the insert.
	 */
	UserAccount create(NewUser user) {
		String username = user.username().strip();
		if (users.findByUsername(username).isPresent()) {
			throw duplicate(username);
		}
		String passwordHash = passwordEncoder.encode(user.password());
		try {
			return transactions.execute(status -> {
				UserAccount created = users.saveAndFlush(new UserAccount(username, passwordHash, user.role()));
				audit.created(created);
				return created;
			});
		}
		catch (DataIntegrityViolationException raceWithAnotherInsert) {
			throw duplicate(username);
		}
	}

	@Transactional(readOnly = true)
	UserAccount get(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
	}

	@Transactional(readOnly = true)
	List<UserAccount> all() {
		return users.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	boolean none() {
		return users.count() == 0;
	}

	private static ConflictException duplicate(String username) {
		return new ConflictException("username '" + username + "' is already taken");
	}

}
