package org.ranklab.prompt;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

import org.postgresql.copy.CopyIn;

/**
 * Rows in PostgreSQL's COPY text format, encoded straight to UTF-8 bytes and sent in
 * chunks: tab between fields, {@code \N} for null, and backslash, tab, newline and
 * carriage return escaped. These are ASCII, and UTF-8 never uses ASCII bytes inside a
 * multi-byte character, so escaping the bytes is exact.
 */
final class CopyRows {

	private static final int CHUNK = 256 * 1024;

	private final CopyIn copy;

	private byte[] buffer = new byte[CHUNK + 1024];

	private int length;

	private boolean firstField = true;

	CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	CopyRows number(long value) throws SQLException {
		return raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
	}

	CopyRows text(String value) throws SQLException {
		if (value == null) {
			return raw(new byte[] { '\\', 'N' });
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		separate();
		ensure(bytes.length * 2);
		for (byte b : bytes) {
			switch (b) {
				case '\\' -> escaped('\\');
				case '\n' -> escaped('n');
				case '\r' -> escaped('r');
				case '\t' -> escaped('t');
				default -> buffer[length++] = b;
			}
		}
		return this;
	}

	void endRow() throws SQLException {
		ensure(1);
		buffer[length++] = '\n';
		firstField = true;
		if (length >= CHUNK) {
			send();
			if (buffer.length > 4 * CHUNK) {
				buffer = new byte[CHUNK + 1024];
			}
		}
	}

	/** Sends what is left and completes the COPY; returns the rows PostgreSQL stored. */
	long finish() throws SQLException {
		send();
		return copy.endCopy();
	}

	/** Abandons the COPY after a failure, so that the connection can still roll back. */
	void cancel() {
		try {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
		catch (SQLException alreadyBroken) {
			// The transaction is rolled back either way.
		}
	}

	private CopyRows raw(byte[] bytes) throws SQLException {
		separate();
		ensure(bytes.length);
		System.arraycopy(bytes, 0, buffer, length, bytes.length);
		length += bytes.length;
		return this;
	}

	private void separate() throws SQLException {
		if (!firstField) {
			ensure(1);
			buffer[length++] = '\t';
		}
		firstField = false;
	}

	private void escaped(char c) {
		buffer[length++] = '\\';
		buffer[length++] = (byte) c;
	}

	private void ensure(int more) throws SQLException {
		if (length + more <= buffer.length) {
			return;
		}
		send();
		if (more > buffer.length) {
			buffer = new byte[more];
		}
	}

	private void send() throws SQLException {
		if (length > 0) {
			copy.writeToCopy(buffer, 0, length);
			length = 0;
		}
	}

}
