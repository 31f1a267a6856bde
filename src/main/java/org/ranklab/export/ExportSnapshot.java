package org.ranklab.export;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One export's view of the database: a read-only REPEATABLE READ transaction, so that the
 * readers it opens (rankings, their prompts' ids, the prompts' texts) see the same rows
 * and share one connection, on which PostgreSQL hands each cursor's rows out in batches.
 * Plain JDBC under a transaction manager of its own, as labeling's hot path does: no JPA
 * session stays open for the length of a download.
 */
final class ExportSnapshot implements AutoCloseable {

	private static final TransactionDefinition READ_ONLY_SNAPSHOT = readOnlySnapshot();

	private final PlatformTransactionManager transactions;

	private final TransactionStatus status;

	private ExportSnapshot(PlatformTransactionManager transactions) {
		this.transactions = transactions;
		this.status = transactions.getTransaction(READ_ONLY_SNAPSHOT);
	}

	/** Opens the snapshots of exports on this database. */
	static PlatformTransactionManager transactionsOf(DataSource dataSource) {
		return new JdbcTransactionManager(dataSource);
	}

	static ExportSnapshot open(PlatformTransactionManager transactions) {
		return new ExportSnapshot(transactions);
	}

	/**
	 * Ends the transaction (it wrote nothing) and gives the connection back; cursors
	 * still open close with it.
	 */
	@Override
	public void close() {
		transactions.rollback(status);
	}

	private static TransactionDefinition readOnlySnapshot() {
		DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
		definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		definition.setReadOnly(true);
		return definition;
	}

}
