package org.ranklab.labeling;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction, and again in a new one when PostgreSQL aborted it for
 * losing a race that a second try settles: a deadlock between two labelers' locks, or the
 * same user's concurrent request adding the lease first (a unique index refuses the
 * second).
 * <p>
 * The work is plain JDBC, so it runs under a JDBC transaction manager of its own rather
 * than the application's JPA one: no JPA session is opened on the hot path. JPA must
 * therefore not be called from inside (Spring refuses that loudly); read project settings
 * before, through {@link RecentProjects}.
 */
@Component
class RetriedTransactions {

	private static final int ATTEMPTS = 3;

	private final TransactionTemplate transaction;

	RetriedTransactions(DataSource dataSource) {
		this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	<T> T run(Supplier<T> work) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(status -> work.get());
			}
			catch (PessimisticLockingFailureException | DuplicateKeyException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}

}
