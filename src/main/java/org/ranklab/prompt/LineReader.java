package org.ranklab.prompt;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

/**
 * Splits text into lines ({@code \n} or {@code \r\n}) without ever holding more than one
 * line, and no line longer than a limit. A line that is too long or not UTF-8 comes back
 * with its problem instead of its text, and reading goes on with the next line.
 */
final class LineReader {

	record Line(long number, String text, String problem) {
	}

	private final Reader in;

	private final int maxChars;

	private final char[] buffer = new char[64 * 1024];

	private int position;

	private int limit;

	private StringBuilder line = new StringBuilder();

	private long number;

	LineReader(Reader in, int maxChars) {
		this.in = in;
		this.maxChars = maxChars;
	}

	/** The next line, or null at the end of the text. */
	Line next() {
		line.setLength(0);
		String problem = null;
		boolean started = false;
		while (true) {
			if (position == limit) {
				try {
					if (!fill()) {
						break;
					}
				}
				catch (InvalidUtf8Exception e) {
					started = true;
					problem = problem == null ? e.getMessage() : problem;
					continue;
				}
			}
			started = true;
			int start = position;
			while (position < limit && buffer[position] != '\n') {
				position++;
			}
			if (problem == null && line.length() + position - start > maxChars) {
				problem = "the line is longer than " + maxChars + " characters; one record cannot be that large";
			}
			if (problem == null) {
				line.append(buffer, start, position - start);
			}
			if (position < limit) {
				position++;
				break;
			}
		}
		if (!started) {
			return null;
		}
		number++;
		if (problem != null) {
			shrinkAfterLongLine();
			return new Line(number, null, problem);
		}
		int end = line.length() > 0 && line.charAt(line.length() - 1) == '\r' ? line.length() - 1 : line.length();
		String text = line.substring(0, end);
		shrinkAfterLongLine();
		return new Line(number, text, null);
	}

	private boolean fill() {
		try {
			int n = in.read(buffer, 0, buffer.length);
			position = 0;
			limit = Math.max(n, 0);
			return n > 0;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void shrinkAfterLongLine() {
		if (line.capacity() > 1 << 20) {
			line = new StringBuilder();
		}
	}

}
