package org.ranklab.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies are limited per endpoint: JSON calls take
 * {@code ranklab.web.max-body-bytes} (1 MB here), only the import takes its own larger
 * limit, and only the import takes multipart bodies at all. A refused body is answered
 * with a small problem, not parsed.
 */
class RequestBodyLimitTests extends IntegrationTest {

	private static final int TWO_MB = 2 * 1024 * 1024;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void refusesADeclaredJsonBodyOverTheLimitWith413() {
		JsonNode problem = api.post("/api/v1/projects", admin(), projectWithGuidelines(TWO_MB)).expectProblem(413);

		assertThat(problem.path("title").asString()).isEqualTo("Content too large");
		assertThat(problem.path("detail").asString()).contains("larger than the limit of 1 MB");
	}

	@Test
	void refusesAStreamedJsonBodyOnceItPassesTheLimit() {
		byte[] body = projectWithGuidelines(TWO_MB).getBytes(StandardCharsets.UTF_8);

		ApiClient.Response response = streamed("/api/v1/projects", "application/json",
				() -> new ByteArrayInputStream(body));

		JsonNode problem = response.expectProblem(413);
		assertThat(problem.path("detail").asString()).contains("larger than the limit of 1 MB");
	}

	@Test
	void refusesALargeBodyBeforeLookingAtCredentials() {
		api.post("/api/v1/projects", ApiClient.ANONYMOUS, projectWithGuidelines(TWO_MB)).expectProblem(413);
		api.post("/api/v1/projects", ApiClient.ANONYMOUS, projectWithGuidelines(10)).expectProblem(401);
	}

	@Test
	void theImportKeepsItsOwnLargerLimit() {
		long project = newProject("{\"name\":\"import over one MB\"}");
		StringBuilder ndjson = new StringBuilder();
		for (int i = 0; ndjson.length() < TWO_MB; i++) {
			ndjson.append("{\"prompt\":\"prompt ").append(i).append(' ').append("x".repeat(200)).append("\"}\n");
		}

		api.send("POST", "/api/v1/projects/" + project + "/prompts", admin(), "application/x-ndjson", ndjson.toString())
			.expectStatus(201);
	}

	@Test
	void refusesMultipartBodiesWhereNoUploadIsTaken() {
		String boundary = "----ranklab-test";
		String unparsable = "--" + boundary + "\r\ngarbage";

		JsonNode api = this.api
			.send("POST", "/api/v1/projects", admin(), "multipart/form-data; boundary=" + boundary, unparsable)
			.expectProblem(415);
		JsonNode login = this.api
			.send("POST", "/login", ApiClient.ANONYMOUS, "multipart/form-data; boundary=" + boundary, unparsable)
			.expectProblem(415);

		assertThat(api.path("detail").asString()).contains("multipart");
		assertThat(login.path("detail").asString()).contains("multipart");
	}

	private static String projectWithGuidelines(int length) {
		return "{\"name\":\"large\",\"guidelines\":\"" + "g".repeat(length) + "\"}";
	}

	/** Sent with chunked transfer encoding: no Content-Length to refuse it by. */
	private ApiClient.Response streamed(String path, String contentType, Supplier<InputStream> body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", contentType)
			.header("Authorization", admin().header())
			.POST(HttpRequest.BodyPublishers.ofInputStream(body))
			.build();
		try {
			return new ApiClient.Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException e) {
			throw new IllegalStateException("POST " + path + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
