package org.ranklab.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.ranklab.ApiClient;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on loopback, as a consumer would write one: it checks each request's
 * Standard Webhooks signature with the hook's secret (its own HMAC, not the app's code)
 * and the timestamp's age, and answers the statuses it is told to, in turn, then 204.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One request as received, and whether its signature held. */
	public record Received(String id, String timestamp, String signature, String body, boolean verified, Instant at) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final Deque<Integer> statuses = new ArrayDeque<>();

	private final List<Received> received = new ArrayList<>();

	private volatile String secret;

	public WebhookReceiver(Integer... statuses) throws IOException {
		this.statuses.addAll(List.of(statuses));
		server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		server.setExecutor(Executors.newFixedThreadPool(2));
		server.createContext("/", this::handle);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The secret the hook was given, once it is made. */
	void secret(String secret) {
		this.secret = secret;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange; InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
			String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
			boolean verified = exchange.getRequestMethod().equals("POST") && verify(id, timestamp, signature, body);
			int status;
			synchronized (this) {
				received.add(new Received(id, timestamp, signature, body, verified, Instant.now()));
				status = verified ? (statuses.isEmpty() ? 204 : statuses.poll()) : 401;
			}
			exchange.sendResponseHeaders(status, -1);
		}
	}

	/**
	 * The spec's check: signed id, timestamp and body; a timestamp at most 5 minutes off.
	 */
	private boolean verify(String id, String timestamp, String signatures, String body) {
		if (secret == null || id == null || timestamp == null || signatures == null) {
			return false;
		}
		try {
			long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
			if (age > Duration.ofMinutes(5).toSeconds()) {
				return false;
			}
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
			byte[] expected = hmac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			for (String signature : signatures.split(" ")) {
				if (signature.startsWith("v1,") && MessageDigest.isEqual(expected,
						Base64.getDecoder().decode(signature.substring("v1,".length())))) {
					return true;
				}
			}
			return false;
		}
		catch (Exception e) {
			return false;
		}
	}

	public synchronized List<Received> received() {
		return List.copyOf(received);
	}

	/** Waits (at most 2 minutes) until the requests received satisfy the condition. */
	public List<Received> await(Predicate<List<Received>> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!condition.test(received())) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the receiver did not get what was expected; it got " + received());
			}
			Thread.sleep(50);
		}
		return received();
	}

	/** Adds a hook of the project for these events that calls this receiver; its id. */
	public String hook(ApiClient api, ApiClient.Credentials admin, long project, String... events) {
		JsonNode created = api
			.post("/api/v1/webhooks", admin,
					"""
							{"url":"%s","events":["%s"],"project_id":"%s"}""".formatted(url(),
							String.join("\",\"", events), project))
			.expectStatus(201)
			.json();
		secret(created.path("secret").asString());
		return created.path("id").asString();
	}

	/** Waits until the verified bodies received satisfy the condition; those bodies. */
	public List<JsonNode> awaitBodies(Predicate<List<JsonNode>> condition) throws InterruptedException {
		Predicate<List<Received>> parsed = all -> condition.test(bodies(all));
		return bodies(await(parsed));
	}

	private static List<JsonNode> bodies(List<Received> all) {
		return all.stream().filter(Received::verified).map(request -> JSON.readTree(request.body())).toList();
	}

	@Override
	public void close() {
		server.stop(0);
		((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
	}

}
