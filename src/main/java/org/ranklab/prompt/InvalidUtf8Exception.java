package org.ranklab.prompt;

/**
 * The body holds bytes that are not UTF-8. Unchecked, so that it passes unchanged through
 * the JSON and CSV parsers, which wrap only {@link java.io.IOException}s.
 */
final class InvalidUtf8Exception extends RuntimeException {

	private final long line;

	InvalidUtf8Exception(long line, int badByte) {
		super("not valid UTF-8 (byte 0x%02X); the file must be UTF-8 encoded".formatted(badByte));
		this.line = line;
	}

	/** The 1-based physical line of the bad byte. */
	long line() {
		return line;
	}

}
