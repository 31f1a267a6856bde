package org.ranklab.prompt;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An NDJSON body made up line by line while it is read, so a test can stream a large
 * import without a file or the whole body in memory.
 */
final class GeneratedNdjson extends InputStream {

	private final int records;

	private final int candidates;

	private int next;

	private byte[] line = new byte[0];

	private int position;

	GeneratedNdjson(int records, int candidates) {
		this.records = records;
		this.candidates = candidates;
	}

	@Override
	public int read() {
		if (!ensureLine()) {
			return -1;
		}
		return line[position++] & 0xFF;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) {
		if (length == 0) {
			return 0;
		}
		if (!ensureLine()) {
			return -1;
		}
		int n = Math.min(length, line.length - position);
		System.arraycopy(line, position, buffer, offset, n);
		position += n;
		return n;
	}

	private boolean ensureLine() {
		if (position < line.length) {
			return true;
		}
		if (next == records) {
			return false;
		}
		StringBuilder record = new StringBuilder("{\"external_id\":\"gen-").append(next)
			.append("\",\"prompt\":\"Generated prompt ")
			.append(next)
			.append(" with a tab\\t and ünïcödé\",\"candidates\":[");
		for (int c = 0; c < candidates; c++) {
			record.append(c == 0 ? "" : ",").append("\"Answer ").append(c).append(" to ").append(next).append('"');
		}
		line = record.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
		position = 0;
		next++;
		return true;
	}

}
