package org.ranklab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real HTTP client for tests: what a script using the REST API would send, on loopback
 * only.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public ApiClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** An {@code Authorization} header value, or none. */
	public record Credentials(String header) {
	}

	public static final Credentials ANONYMOUS = new Credentials(null);

	public static Credentials basic(String username, String password) {
		String pair = username + ":" + password;
		return new Credentials("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
	}

	public static Credentials bearer(String token) {
		return new Credentials("Bearer " + token);
	}

	public Response get(String path, Credentials credentials) {
		return send("GET", path, credentials, null, null);
	}

	public Response post(String path, Credentials credentials, String json) {
		return send("POST", path, credentials, "application/json", json);
	}

	public Response patch(String path, Credentials credentials, String json) {
		return send("PATCH", path, credentials, "application/json", json);
	}

	public Response put(String path, Credentials credentials, String json) {
		return send("PUT", path, credentials, "application/json", json);
	}

	public Response delete(String path, Credentials credentials) {
		return send("DELETE", path, credentials, null, null);
	}

	public Response send(String method, String path, Credentials credentials, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (credentials.header() != null) {
			request.header("Authorization", credentials.header());
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + path + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(HttpResponse<String> raw) {

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return raw.body();
		}

		public String contentType() {
			return raw.headers().firstValue("Content-Type").orElse("");
		}

		public JsonNode json() {
			return JSON.readTree(raw.body());
		}

		public Response expectStatus(int expected) {
			assertThat(status()).as("status of %s, body: %s", raw.request().uri(), body()).isEqualTo(expected);
			return this;
		}

		/** Asserts an RFC 9457 problem with this status, and returns it. */
		public JsonNode expectProblem(int expected) {
			expectStatus(expected);
			assertThat(contentType()).startsWith("application/problem+json");
			JsonNode problem = json();
			assertThat(problem.path("status").asInt()).isEqualTo(expected);
			assertThat(problem.path("title").asString()).isNotBlank();
			assertThat(problem.path("detail").asString()).isNotBlank();
			return problem;
		}

	}

}
