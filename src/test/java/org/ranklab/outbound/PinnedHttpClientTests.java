package org.ranklab.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * https over a pinned connection, against a TLS server on loopback whose certificate
 * (made with the JDK's keytool for this test) names {@code model.example}: the handshake
 * names the URL's host and the certificate is checked against it, though the socket goes
 * to 127.0.0.1.
 */
class PinnedHttpClientTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path dir;

	private static KeyStore keys;

	@BeforeAll
	static void makeCertificate() throws Exception {
		Path file = dir.resolve("model.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "model", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
				"CN=model.example", "-ext", "SAN=dns:model.example", "-validity", "2", "-keystore", file.toString(),
				"-storetype", "PKCS12", "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(output).isZero();
		keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			keys.load(in, PASSWORD);
		}
	}

	@Test
	void speaksTlsToTheCheckedAddressInTheNameOfTheUrlsHost() throws Exception {
		try (SSLServerSocket server = server()) {
			CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> answer(server));

			PinnedHttpClient.Response response = client().post(
					URI.create("https://Model.Example.:" + server.getLocalPort() + "/v1/chat/completions"),
					List.of(InetAddress.getByName("127.0.0.1")), Map.of("Content-Type", "application/json"),
					"{}".getBytes(StandardCharsets.UTF_8));

			assertThat(response.status()).isEqualTo(200);
			assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"choices\":[]}");
			assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("SNI model.example, Host Model.Example.:"
					+ server.getLocalPort() + ", POST /v1/chat/completions HTTP/1.1");
		}
	}

	@Test
	void refusesACertificateThatDoesNotNameTheUrlsHost() throws Exception {
		try (SSLServerSocket server = server()) {
			CompletableFuture.runAsync(() -> answer(server));

			assertThatThrownBy(() -> client().post(
					URI.create("https://other.example:" + server.getLocalPort() + "/v1/chat/completions"),
					List.of(InetAddress.getByName("127.0.0.1")), Map.of(), new byte[0]))
				.isInstanceOf(SSLHandshakeException.class)
				.hasMessageContaining("other.example");
		}
	}

	private static PinnedHttpClient client() throws Exception {
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(keys);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return new PinnedHttpClient(Duration.ofSeconds(5), Duration.ofSeconds(20), 1 << 20, "test.max-bytes",
				context.getSocketFactory());
	}

	private static SSLServerSocket server() throws Exception {
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		return (SSLServerSocket) context.getServerSocketFactory()
			.createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
	}

	/**
	 * Answers one request; returns the server name the client asked for, its Host header
	 * and request line.
	 */
	private static String answer(SSLServerSocket server) {
		try (SSLSocket socket = (SSLSocket) server.accept()) {
			socket.startHandshake();
			String sni = ((ExtendedSSLSession) socket.getSession()).getRequestedServerNames()
				.stream()
				.map(name -> ((SNIHostName) name).getAsciiName())
				.findFirst()
				.orElse("none");
			InputStream in = socket.getInputStream();
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				head.append((char) in.read());
			}
			String[] lines = head.toString().split("\r\n");
			String host = java.util.Arrays.stream(lines)
				.filter(line -> line.startsWith("Host: "))
				.findFirst()
				.orElse("Host: none");
			java.util.Arrays.stream(lines)
				.filter(line -> line.startsWith("Content-Length: "))
				.findFirst()
				.ifPresent(line -> readBody(in, Integer.parseInt(line.substring(16))));
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 14\r\n\r\n{\"choices\":[]}"
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			return "SNI " + sni + ", " + host.replace(": ", " ") + ", " + lines[0];
		}
		catch (IOException e) {
			return "failed: " + e;
		}
	}

	private static void readBody(InputStream in, int length) {
		try {
			in.readNBytes(length);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
