package org.ranklab.labeling;

import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction, and again in a new one when PostgreSQL aborted it for losing a race that a
 * second try settles: a deadlock between two labelers' locks, or the same user's concurrent request adding
 * the lease first (a unique index refuses the second).
 */
@Component
class RetriedTransactions {

	private static final int ATTEMPTS = 3;

	private final TransactionTemplate transaction;

	RetriedTransactions(PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
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
