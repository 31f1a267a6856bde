package org.ranklab.prompt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a UTF-8 stream, drops a leading byte order mark, and refuses malformed bytes
 * exactly where they are: every character before a bad byte is delivered first, and only
 * the read that reaches it throws {@link InvalidUtf8Exception} naming its line. The bad
 * bytes are then skipped, so a line-oriented reader can report the line and go on with
 * the next.
 */
final class StrictUtf8Reader extends Reader {

	private static final int BUFFER = 64 * 1024;

	private final InputStream in;

	private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
		.onMalformedInput(CodingErrorAction.REPORT)
		.onUnmappableCharacter(CodingErrorAction.REPORT);

	private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER).flip();

	private final CharBuffer chars = CharBuffer.allocate(BUFFER).flip();

	private CoderResult malformed;

	private boolean endOfInput;

	private boolean flushed;

	private boolean started;

	/** Line feeds handed out so far: the line of a bad byte is this plus one. */
	private long lineFeeds;

	StrictUtf8Reader(InputStream in) {
		this.in = in;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (!chars.hasRemaining() && !decodeMore()) {
			return -1;
		}
		int n = Math.min(length, chars.remaining());
		chars.get(buffer, offset, n);
		for (int i = offset; i < offset + n; i++) {
			if (buffer[i] == '\n') {
				lineFeeds++;
			}
		}
		return n;
	}

	/**
	 * Fills {@link #chars} with at least one character; false at the end of the stream.
	 */
	private boolean decodeMore() throws IOException {
		if (malformed != null) {
			throwForMalformedBytes();
		}
		if (flushed) {
			return false;
		}
		chars.clear();
		while (true) {
			CoderResult result = decoder.decode(bytes, chars, endOfInput);
			if (result.isError()) {
				malformed = result;
				if (chars.position() == 0) {
					chars.flip();
					throwForMalformedBytes();
				}
				break;
			}
			if (result.isOverflow() || chars.position() > 0) {
				break;
			}
			if (endOfInput) {
				decoder.flush(chars);
				flushed = true;
				break;
			}
			fill();
		}
		chars.flip();
		dropByteOrderMark();
		return chars.hasRemaining() || decodeMore();
	}

	private void throwForMalformedBytes() {
		int badByte = bytes.get(bytes.position()) & 0xFF;
		bytes.position(bytes.position() + malformed.length());
		malformed = null;
		decoder.reset();
		throw new InvalidUtf8Exception(lineFeeds + 1, badByte);
	}

	private void fill() throws IOException {
		bytes.compact();
		int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
		if (n < 0) {
			endOfInput = true;
		}
		else {
			bytes.position(bytes.position() + n);
		}
		bytes.flip();
	}

	private void dropByteOrderMark() {
		if (!started && chars.hasRemaining()) {
			started = true;
			if (chars.get(chars.position()) == '\uFEFF') {
				chars.position(chars.position() + 1);
			}
		}
	}

	@Override
	public void close() throws IOException {
		in.close();
	}

}
