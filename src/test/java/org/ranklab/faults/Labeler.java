package org.ranklab.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A labeler's script: asks for tasks and ranks them with a personal access token, with a
 * bounded wait for every answer, and reports what came back instead of throwing, so that
 * failures can be counted.
 */
final class Labeler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final Duration ANSWER_LIMIT = Duration.ofSeconds(20);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String name;

	private final String token;

	Labeler(String name, String token) {
		this.name = name;
		this.token = token;
	}

	/**
	 * What one call got: a status with its body, or no answer at all ({@code status} 0,
	 * with the exception).
	 */
	record Answer(int status, String contentType, String body, long millis, long endedAtNanos, Exception failure) {

		boolean isSuccess() {
			return status >= 200 && status < 300;
		}

		boolean isServerError() {
			return status >= 500;
		}

		boolean isProblem() {
			return contentType.startsWith("application/problem+json");
		}

		JsonNode json() {
			return JSON.readTree(body);
		}

		@Override
		public String toString() {
			return failure != null ? "no answer after " + millis + " ms: " + failure
					: status + " after " + millis + " ms: " + body;
		}

	}

	String name() {
		return name;
	}

	Answer next(String baseUrl, long project) {
		return post(baseUrl + "/api/v1/projects/" + project + "/tasks/next", null);
	}

	Answer rank(String baseUrl, String assignmentId, String body) {
		return post(baseUrl + "/api/v1/assignments/" + assignmentId + "/ranking", body);
	}

	Answer skip(String baseUrl, String assignmentId) {
		return post(baseUrl + "/api/v1/assignments/" + assignmentId + "/skip", null);
	}

	/** Ranks the candidates in the order they were shown, one per tier. */
	static String rankingAsShown(JsonNode task) {
		return StreamSupport.stream(task.path("candidates").spliterator(), false)
			.map(candidate -> "[\"" + candidate.path("id").asString() + "\"]")
			.collect(Collectors.joining(",", "{\"ranking\":[", "]}"));
	}

	private Answer post(String url, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(ANSWER_LIMIT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			long end = System.nanoTime();
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), (end - start) / 1_000_000, end, null);
		}
		catch (IOException e) {
			long end = System.nanoTime();
			return new Answer(0, "", "", (end - start) / 1_000_000, end, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			long end = System.nanoTime();
			return new Answer(0, "", "", (end - start) / 1_000_000, end, e);
		}
	}

}
