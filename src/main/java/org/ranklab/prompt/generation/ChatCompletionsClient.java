package org.ranklab.prompt.generation;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Calls an OpenAI-compatible {@code POST {base_url}/chat/completions} (vLLM, Ollama,
 * llama.cpp server, hosted APIs). Redirects are never followed, so neither the prompt nor
 * the key goes anywhere but the given server. Nothing here logs a request's headers: the
 * API key must never reach a log.
 */
@Component
class ChatCompletionsClient {

	private static final int MAX_ERROR_TEXT = 200;

	private final HttpClient http;

	private final JsonMapper json;

	private final GenerationProperties properties;

	private final ModelServerPolicy policy;

	ChatCompletionsClient(GenerationProperties properties, ModelServerPolicy policy) {
		this.properties = properties;
		this.policy = policy;
		this.json = JsonMapper.builder().build();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(properties.connectTimeout())
			.build();
	}

	/**
	 * Asks for {@code n} completions of one prompt; the server may return fewer (some
	 * ignore {@code n}).
	 */
	List<Completion> complete(GenerationSettings settings, String apiKey, String prompt, int n)
			throws ModelCallFailed, InterruptedException {
		checkAddress(settings);
		HttpRequest.Builder request = HttpRequest.newBuilder(settings.chatCompletions())
			.timeout(properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body(settings, prompt, n), StandardCharsets.UTF_8));
		if (apiKey != null) {
			request.header("Authorization", "Bearer " + apiKey);
		}
		HttpResponse<String> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException e) {
			throw ModelCallFailed.retry("no answer within " + properties.requestTimeout().toSeconds() + " s", null);
		}
		catch (IOException e) {
			throw ModelCallFailed.retry("connection to the model server failed: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " " + e.getMessage()), null);
		}
		return completions(response, apiKey);
	}

	/**
	 * Checks the model server's address again just before connecting: the job may have
	 * waited in the queue, the allow-list may have changed, or the name may resolve
	 * elsewhere now (DNS rebinding). The HTTP client resolves the name again, but the JVM
	 * caches lookups ({@code networkaddress.cache.ttl}, 30 s by default), so it sees the
	 * addresses checked here.
	 */
	private void checkAddress(GenerationSettings settings) throws ModelCallFailed {
		try {
			policy.check(settings.chatCompletions());
		}
		catch (ModelServerPolicy.Refused e) {
			throw ModelCallFailed.job("base_url is not allowed: " + e.getMessage());
		}
	}

	private String body(GenerationSettings settings, String prompt, int n) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", settings.model());
		body.put("messages", List.of(Map.of("role", "user", "content", prompt)));
		body.put("n", n);
		body.put("temperature", settings.temperature());
		body.put("max_tokens", settings.maxTokens());
		return json.writeValueAsString(body);
	}

	private List<Completion> completions(HttpResponse<String> response, String apiKey) throws ModelCallFailed {
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return parse(response.body());
		}
		String what = "the model server answered " + status;
		if (status == 429 || status == 408 || status >= 500) {
			throw ModelCallFailed.retry(what, retryAfter(response).orElse(null));
		}
		if (status >= 300 && status < 400) {
			throw ModelCallFailed.job(what + " (a redirect"
					+ response.headers().firstValue("Location").map(location -> " to " + location).orElse("")
					+ "); redirects are not followed, give the final base_url");
		}
		if (status == 400 || status == 413 || status == 422) {
			throw ModelCallFailed.prompt(what + errorText(response.body(), apiKey));
		}
		if (status == 401 || status == 403) {
			throw ModelCallFailed.job(what + ": check the API key");
		}
		throw ModelCallFailed.job(what + ": check base_url and model" + errorText(response.body(), apiKey));
	}

	private List<Completion> parse(String body) throws ModelCallFailed {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (JacksonException e) {
			throw ModelCallFailed.retry("the model server's answer is not JSON", null);
		}
		JsonNode choices = root.path("choices");
		if (!choices.isArray()) {
			throw ModelCallFailed.retry("the model server's answer has no choices", null);
		}
		String servedModel = root.path("model").isString() ? root.path("model").asString() : null;
		List<Completion> completions = new ArrayList<>();
		for (JsonNode choice : choices) {
			String finishReason = choice.path("finish_reason").isString() ? choice.path("finish_reason").asString()
					: null;
			completions.add(new Completion(text(choice), finishReason, servedModel));
		}
		return completions;
	}

	/**
	 * The message content: a string, or (newer APIs) a list of parts whose text parts are
	 * joined.
	 */
	private static String text(JsonNode choice) {
		JsonNode content = choice.path("message").path("content");
		if (content.isString()) {
			return content.asString();
		}
		if (content.isArray()) {
			StringBuilder text = new StringBuilder();
			content.forEach(part -> text.append(part.path("text").asString("")));
			return text.toString();
		}
		return choice.path("text").asString("");
	}

	/** The server's own error message, shortened, and never with the key in it. */
	private String errorText(String body, String apiKey) {
		String message;
		try {
			JsonNode error = json.readTree(body).path("error");
			message = error.isString() ? error.asString() : error.path("message").asString("");
		}
		catch (JacksonException e) {
			message = "";
		}
		if (apiKey != null) {
			message = message.replace(apiKey, "***");
		}
		message = message.strip();
		if (message.length() > MAX_ERROR_TEXT) {
			message = message.substring(0, MAX_ERROR_TEXT) + "…";
		}
		return message.isEmpty() ? "" : ": " + message;
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	static Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").flatMap(ChatCompletionsClient::parseRetryAfter);
	}

	static Optional<Duration> parseRetryAfter(String value) {
		String text = value.strip();
		try {
			return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
			}
			catch (DateTimeParseException notADate) {
				return Optional.empty();
			}
		}
	}

}
