package org.ranklab.prompt.generation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model server on loopback that answers every request with a body built to exhaust the
 * client: one that never ends, one that trickles in, or one that declares and sends a
 * gigabyte. It counts what it managed to send, so a test sees how much the client read
 * before hanging up. A safety stop (64 MB or 30 s per answer) keeps a client that reads
 * everything from filling the test JVM.
 */
final class HostileModelServer implements AutoCloseable {

	enum Body {

		/** {@code Transfer-Encoding: chunked}, chunks of JSON text forever. */
		ENDLESS,
		/** One byte every 20 ms of a declared megabyte. */
		TRICKLE,
		/** {@code Content-Length} of a gigabyte, sent as fast as the client reads. */
		HUGE

	}

	private static final long SAFETY_BYTES = 64L << 20;

	private static final long SAFETY_NANOS = 30_000_000_000L;

	private final ServerSocket socket;

	private final Body body;

	private final AtomicLong sent = new AtomicLong();

	private final AtomicInteger requests = new AtomicInteger();

	private final Thread acceptor;

	HostileModelServer(Body body) {
		this.body = body;
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.acceptor = new Thread(this::accept, "hostile-model-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
	}

	/** Body bytes written to clients so far, over all requests. */
	long bytesSent() {
		return sent.get();
	}

	int requests() {
		return requests.get();
	}

	private void accept() {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				Thread answer = new Thread(() -> answer(client), "hostile-model-server-answer");
				answer.setDaemon(true);
				answer.start();
			}
			catch (IOException e) {
				return; // closed
			}
		}
	}

	private void answer(Socket client) {
		try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
			readRequest(in);
			requests.incrementAndGet();
			long started = System.nanoTime();
			switch (body) {
				case ENDLESS -> {
					out.write(head("Transfer-Encoding: chunked"));
					byte[] chunk = filler(64 * 1024);
					byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
					out.write(json());
					while (within(started)) {
						out.write(size);
						out.write(chunk);
						out.write(new byte[] { '\r', '\n' });
						sent.addAndGet(chunk.length);
					}
				}
				case TRICKLE -> {
					out.write(head("Content-Length: 1000000"));
					out.flush();
					while (within(started)) {
						out.write('a');
						out.flush();
						sent.incrementAndGet();
						Thread.sleep(20);
					}
				}
				case HUGE -> {
					out.write(head("Content-Length: 1073741824"));
					byte[] block = filler(64 * 1024);
					while (within(started)) {
						out.write(block);
						sent.addAndGet(block.length);
					}
				}
			}
		}
		catch (IOException e) {
			// the client hung up: what it should do
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean within(long started) {
		return sent.get() < SAFETY_BYTES && System.nanoTime() - started < SAFETY_NANOS && !socket.isClosed();
	}

	/** Reads the request head and its body, so that the client is done sending. */
	private static void readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int c = in.read();
			if (c < 0) {
				throw new IOException("request ended early");
			}
			head.append((char) c);
		}
		for (String line : head.toString().split("\r\n")) {
			if (line.toLowerCase().startsWith("content-length:")) {
				in.readNBytes(Integer.parseInt(line.substring(15).strip()));
			}
		}
	}

	private static byte[] head(String framing) {
		return ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** The start of a chunk that opens a JSON answer, so that only the size stops it. */
	private static byte[] json() {
		byte[] start = "{\"choices\":[{\"message\":{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
		return (Integer.toHexString(start.length) + "\r\n" + new String(start, StandardCharsets.US_ASCII) + "\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] filler(int size) {
		byte[] bytes = new byte[size];
		Arrays.fill(bytes, (byte) 'a');
		return bytes;
	}

	@Override
	public void close() {
		try {
			socket.close();
			acceptor.join(1000);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
