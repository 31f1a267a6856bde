package org.ranklab.outbound;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 {@code POST} per connection, to exactly the addresses that
 * {@link OutboundPolicy} checked (DNS pinning). Java's {@code HttpClient} looks the host
 * up again when it connects, and the JVM caches each spelling of a name apart, so a
 * rebinding name could answer it with an address the check never saw; it cannot be given
 * addresses. So the request is written on a socket of our own, connected to a checked
 * address; for https the TLS handshake still names the URL's host (SNI) and the
 * certificate is checked against it, as any client does. The {@code Host} header is the
 * URL's. No proxy is used.
 * <p>
 * The answer is read as it arrives by {@link HttpAnswerReader}, given up beyond
 * {@code maxBody} bytes; the whole exchange (connecting, sending, reading to the last
 * byte) ends at the request timeout, so neither an endless nor a trickling answer holds a
 * worker. The socket work runs on a thread of its own that the caller abandons (closing
 * the socket) on timeout or interrupt, which a blocking socket would otherwise ignore
 * (cancelling a job).
 */
public final class PinnedHttpClient {

	/** An answer: its status, its headers (names in lower case, first value) and body. */
	public record Response(int status, Map<String, String> headers, byte[] body) {

		public Optional<String> header(String name) {
			return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
		}

	}

	/** The answer's body is larger than allowed; the connection was dropped. */
	public static final class TooLarge extends IOException {

		TooLarge(String message) {
			super(message);
		}

	}

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	private final long maxBody;

	/** The setting that limits answers, named when one is too large. */
	private final String maxBodySetting;

	private final SSLSocketFactory tls;

	private final ExecutorService io;

	public PinnedHttpClient(Duration connectTimeout, Duration requestTimeout, long maxBody, String maxBodySetting,
			SSLSocketFactory tls) {
		this.maxBodySetting = maxBodySetting;
		this.connectTimeout = connectTimeout;
		this.requestTimeout = requestTimeout;
		this.maxBody = maxBody;
		this.tls = tls;
		AtomicInteger count = new AtomicInteger();
		this.io = Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "outbound-io-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Sends {@code body} to {@code url}, connecting to the first of {@code addresses}
	 * that accepts.
	 * @throws HttpTimeoutException when the whole answer is not in within the request
	 * timeout
	 * @throws TooLarge when the body is larger than allowed
	 * @throws IOException when no connection could be made or the answer is not HTTP
	 * @throws InterruptedException when the caller was interrupted (the connection is
	 * dropped)
	 */
	public Response post(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body)
			throws IOException, InterruptedException {
		Exchange exchange = new Exchange(url, addresses, headers, body);
		Future<Response> answer = io.submit(exchange::run);
		try {
			return answer.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException e) {
			throw new HttpTimeoutException("no answer within " + requestTimeout);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof IOException failure) {
				throw failure;
			}
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(e.getCause());
		}
		finally {
			exchange.abandon();
			answer.cancel(true);
		}
	}

	/** One request on one connection, run on an I/O thread. */
	private final class Exchange {

		private final URI url;

		private final List<InetAddress> addresses;

		private final Map<String, String> headers;

		private final byte[] body;

		private volatile Socket socket;

		private volatile boolean abandoned;

		Exchange(URI url, List<InetAddress> addresses, Map<String, String> headers, byte[] body) {
			this.url = url;
			this.addresses = addresses;
			this.headers = headers;
			this.body = body;
		}

		Response run() throws IOException {
			try (Socket connection = open()) {
				OutputStream out = new BufferedOutputStream(connection.getOutputStream());
				out.write(head());
				out.write(body);
				out.flush();
				return new HttpAnswerReader(maxBody, maxBodySetting)
					.read(new BufferedInputStream(connection.getInputStream()));
			}
		}

		/** Drops the connection, which ends any read or connect the I/O thread is in. */
		void abandon() {
			abandoned = true;
			close(socket);
		}

		private Socket open() throws IOException {
			boolean https = url.getScheme().equalsIgnoreCase("https");
			int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
			IOException failure = new IOException("no address to connect to");
			for (InetAddress address : addresses) {
				Socket plain = new Socket(Proxy.NO_PROXY);
				socket = plain;
				try {
					if (abandoned) {
						throw new IOException("abandoned");
					}
					plain.connect(new InetSocketAddress(address, port), (int) connectTimeout.toMillis());
					return https ? secure(plain, port) : plain;
				}
				catch (IOException e) {
					close(plain);
					failure = e;
				}
			}
			throw failure;
		}

		/**
		 * TLS over the pinned connection, for the URL's host name and checked against it.
		 */
		private Socket secure(Socket plain, int port) throws IOException {
			String host = url.getHost();
			boolean literal = host.startsWith("[") || HostNames.isDottedDecimal(host);
			String name = literal ? host.replace("[", "").replace("]", "") : HostNames.normalize(host);
			SSLSocket secure = (SSLSocket) tls.createSocket(plain, name, port, true);
			socket = secure;
			SSLParameters parameters = secure.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			if (!literal) {
				parameters.setServerNames(List.of(new SNIHostName(name)));
			}
			secure.setSSLParameters(parameters);
			secure.startHandshake();
			return secure;
		}

		private byte[] head() {
			String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
			if (url.getRawQuery() != null) {
				path += "?" + url.getRawQuery();
			}
			StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\n");
			head.append("Host: ").append(url.getRawAuthority()).append("\r\n");
			headers.forEach((name, value) -> {
				if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
					// Never shows the value: it may be a key.
					throw new IllegalArgumentException("the value of header " + name + " cannot be sent");
				}
				head.append(name).append(": ").append(value).append("\r\n");
			});
			head.append("Content-Length: ").append(body.length).append("\r\n");
			head.append("Connection: close\r\n\r\n");
			return head.toString().getBytes(StandardCharsets.ISO_8859_1);
		}

	}

	/** Bytes as people read them: {@code 8 MB}, {@code 512 KB}, {@code 1000 bytes}. */
	static String size(long bytes) {
		if (bytes % (1 << 20) == 0) {
			return (bytes >> 20) + " MB";
		}
		if (bytes % (1 << 10) == 0) {
			return (bytes >> 10) + " KB";
		}
		return bytes + " bytes";
	}

	private static void close(Socket socket) {
		if (socket == null) {
			return;
		}
		try {
			socket.close();
		}
		catch (IOException e) {
			// closing is all we wanted
		}
	}

}
