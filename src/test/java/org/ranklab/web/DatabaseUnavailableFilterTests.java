package org.ranklab.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean "the database is unreachable" (503) rather than a bug or a refusal.
 */
class DatabaseUnavailableFilterTests {

	@Test
	void connectionFailuresMeanTheDatabaseIsUnavailable() {
		assertThat(DatabaseUnavailableFilter
			.isDatabaseUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseUnavailableFilter
			.isDatabaseUnavailable(new SQLException("terminating connection due to administrator command", "57P01")))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new SQLTransientConnectionException("Connection is not available, request timed out")))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new DataAccessResourceFailureException("refused")))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new RuntimeException("Unable to rollback", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void otherDatabaseErrorsAreNotAnOutage() {
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new DuplicateKeyException("duplicate"))).isFalse();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(
				new BadSqlGrammarException("select", "SELEC 1", new SQLException("syntax error", "42601"))))
			.isFalse();
		assertThat(DatabaseUnavailableFilter.isDatabaseUnavailable(new IllegalStateException("bug"))).isFalse();
	}

}
