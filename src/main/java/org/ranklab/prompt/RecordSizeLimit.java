package org.ranklab.prompt;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stands between a body and a parser that holds a whole record in memory (a CSV record, a
 * JSON array element), and stops the reading once one record has taken more than
 * {@link RecordReader#MAX_RECORD_CHARS} characters: a CSV quote left open or a huge
 * {@code meta} then costs at most that much memory, not the whole body. The count starts
 * when the reader calls {@link #startRecord()}; what the parser had read ahead by then is
 * not counted, so the cap is exact to within one parser buffer.
 */
final class RecordSizeLimit extends FilterReader {

	/** Thrown by a read once the current record is over the cap. */
	static final class RecordTooLargeException extends RuntimeException {

		RecordTooLargeException() {
			super("longer than " + RecordReader.MAX_RECORD_CHARS + " characters; one record cannot be that large");
		}

	}

	private long read;

	private long recordStart;

	RecordSizeLimit(Reader in) {
		super(in);
	}

	/** The parser is at the start of a record: count from here. */
	void startRecord() {
		recordStart = read;
	}

	@Override
	public int read() throws IOException {
		char[] one = new char[1];
		return read(one, 0, 1) < 0 ? -1 : one[0];
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (read - recordStart > RecordReader.MAX_RECORD_CHARS) {
			throw new RecordTooLargeException();
		}
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			read += n;
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		read += skipped;
		return skipped;
	}

}
