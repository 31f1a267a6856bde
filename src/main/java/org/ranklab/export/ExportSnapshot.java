package org.ranklab.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * One export's view of the database: its own connection in a read-only REPEATABLE READ
 * transaction, so that every cursor of the export sees the same rows, and autocommit off,
 * so that PostgreSQL hands the rows out in batches of {@link #FETCH_SIZE} instead of the
 * whole result at once.
 */
final class ExportSnapshot implements AutoCloseable {

	/**
	 * Rows per round trip: enough to keep the connection busy, few enough to keep the
	 * heap flat.
	 */
	static final int FETCH_SIZE = 1000;

	private final Connection connection;

	ExportSnapshot(DataSource dataSource) throws SQLException {
		connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
		}
		catch (SQLException e) {
			connection.close();
			throw e;
		}
	}

	/** A forward-only cursor; it stays open until the snapshot is closed. */
	ResultSet cursor(String sql, Object... params) throws SQLException {
		PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
				ResultSet.CONCUR_READ_ONLY);
		statement.setFetchSize(FETCH_SIZE);
		for (int i = 0; i < params.length; i++) {
			statement.setObject(i + 1, params[i]);
		}
		return statement.executeQuery();
	}

	/**
	 * Ends the transaction (it wrote nothing) and gives the connection back; its
	 * statements close with it.
	 */
	@Override
	public void close() throws SQLException {
		try {
			connection.rollback();
		}
		finally {
			connection.close();
		}
	}

}
