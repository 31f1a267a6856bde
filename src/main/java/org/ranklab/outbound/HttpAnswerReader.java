package org.ranklab.outbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 answer of a server for {@link PinnedHttpClient}: status line,
 * headers, and a body of fixed length, chunked or up to the end of the connection, never
 * more than {@code maxBody} bytes and never a head line over {@link #MAX_LINE} bytes, so
 * that a hostile server cannot make a worker hold more than that.
 */
final class HttpAnswerReader {

	private static final int MAX_LINE = 8 * 1024;

	private static final int MAX_HEADERS = 100;

	private final long maxBody;

	private final String maxBodySetting;

	HttpAnswerReader(long maxBody, String maxBodySetting) {
		this.maxBody = maxBody;
		this.maxBodySetting = maxBodySetting;
	}

	PinnedHttpClient.Response read(InputStream in) throws IOException {
		while (true) {
			String statusLine = line(in);
			if (!statusLine.matches("HTTP/1\\.[01] [0-9]{3}( .*)?")) {
				throw new IOException("the server's answer is not HTTP/1.1");
			}
			int status = Integer.parseInt(statusLine.substring(9, 12));
			Map<String, String> fields = fields(in);
			if (status >= 100 && status < 200) {
				continue; // an interim answer (100 Continue): the real one follows
			}
			return new PinnedHttpClient.Response(status, fields, body(in, status, fields));
		}
	}

	private Map<String, String> fields(InputStream in) throws IOException {
		Map<String, String> fields = new HashMap<>();
		for (int count = 0;; count++) {
			String line = line(in);
			if (line.isEmpty()) {
				return fields;
			}
			int colon = line.indexOf(':');
			if (colon <= 0 || count >= MAX_HEADERS) {
				throw new IOException("the server's answer has malformed or too many headers");
			}
			fields.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
					line.substring(colon + 1).strip());
		}
	}

	private byte[] body(InputStream in, int status, Map<String, String> fields) throws IOException {
		if (status == 204 || status == 304) {
			return new byte[0];
		}
		String encoding = fields.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT);
		if (encoding.endsWith("chunked")) {
			return chunked(in);
		}
		if (fields.containsKey("content-length")) {
			long length;
			try {
				length = Long.parseLong(fields.get("content-length"));
			}
			catch (NumberFormatException e) {
				throw new IOException("the server's answer has an invalid Content-Length");
			}
			if (length < 0) {
				throw new IOException("the server's answer has an invalid Content-Length");
			}
			if (length > maxBody) {
				throw tooLarge();
			}
			byte[] bytes = in.readNBytes((int) length);
			if (bytes.length < length) {
				throw new IOException("the server's answer ended early");
			}
			return bytes;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		copy(in, bytes, maxBody + 1);
		if (bytes.size() > maxBody) {
			throw tooLarge();
		}
		return bytes.toByteArray();
	}

	private byte[] chunked(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = line(in);
			int extension = sizeLine.indexOf(';');
			long size;
			try {
				size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).strip(), 16);
			}
			catch (NumberFormatException e) {
				throw new IOException("the server's answer has an invalid chunk size");
			}
			if (size < 0) {
				throw new IOException("the server's answer has an invalid chunk size");
			}
			if (size == 0) {
				fields(in); // trailers, ignored
				return bytes.toByteArray();
			}
			if (bytes.size() + size > maxBody) {
				throw tooLarge();
			}
			if (copy(in, bytes, size) < size || !line(in).isEmpty()) {
				throw new IOException("the server's answer ended early");
			}
		}
	}

	/** Copies up to {@code limit} bytes; returns how many there were. */
	private long copy(InputStream in, ByteArrayOutputStream out, long limit) throws IOException {
		byte[] buffer = new byte[8192];
		long copied = 0;
		while (copied < limit) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - copied));
			if (read < 0) {
				break;
			}
			out.write(buffer, 0, read);
			copied += read;
		}
		return copied;
	}

	/** A line of the head, without its line end; a line too long is refused. */
	private String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			int c = in.read();
			if (c < 0) {
				throw new IOException("the server closed the connection before answering");
			}
			if (c == '\n') {
				byte[] bytes = line.toByteArray();
				int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
				return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
			}
			if (line.size() >= MAX_LINE) {
				throw new IOException("the server's answer has a line longer than " + MAX_LINE + " bytes");
			}
			line.write(c);
		}
	}

	private PinnedHttpClient.TooLarge tooLarge() {
		return new PinnedHttpClient.TooLarge(
				"the server's answer exceeds " + PinnedHttpClient.size(maxBody) + " (" + maxBodySetting + ")");
	}

}
