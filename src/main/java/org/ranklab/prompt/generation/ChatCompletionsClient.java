package org.ranklab.prompt.generation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
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

import javax.net.ssl.SSLSocketFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.ranklab.prompt.ChatMessage;
import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.outbound.PinnedHttpClient;

/**
 * Calls an OpenAI-compatible {@code POST {base_url}/chat/completions} (vLLM, Ollama,
 * llama.cpp server, hosted APIs), on exactly the addresses the policy checked
 * ({@link PinnedHttpClient}). Redirects are never followed, so neither the prompt nor the
 * key goes anywhere but the given server. Nothing here logs a request's headers, and no
 * message made here shows the key (the server's own texts have it masked): the API key
 * must never reach a log or a job's message.
 */
@Component
class ChatCompletionsClient {

	private static final int MAX_ERROR_TEXT = 200;

	private static final int MAX_API_KEY = 4096;

	private final PinnedHttpClient http;

	private final JsonMapper json;

	private final GenerationProperties properties;

	private final OutboundPolicy policy;

	ChatCompletionsClient(GenerationProperties properties, OutboundPolicy policy) {
		this.properties = properties;
		this.policy = policy;
		this.json = JsonMapper.builder().build();
		this.http = new PinnedHttpClient(properties.connectTimeout(), properties.requestTimeout(),
				properties.maxResponseBytes().toBytes(), "ranklab.generation.max-response-bytes",
				(SSLSocketFactory) SSLSocketFactory.getDefault());
	}

	/**
	 * Whether a key can go into an {@code Authorization} header: 1 to 4096 visible ASCII
	 * characters. Anything else (a zero-width space pasted along with it, a space, a
	 * letter outside ASCII) is a mistake, and HTTP clients report it with the header's
	 * value in the message, that is, the key.
	 */
	static boolean isSendable(String apiKey) {
		return !apiKey.isEmpty() && apiKey.length() <= MAX_API_KEY
				&& apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f);
	}

	/**
	 * Asks for {@code n} completions of one prompt, its messages sent as they are; the
	 * server may return fewer (some ignore {@code n}).
	 */
	List<Completion> complete(GenerationSettings settings, String apiKey, List<ChatMessage> prompt, int n)
			throws ModelCallFailed, InterruptedException {
		List<InetAddress> addresses = checkAddress(settings);
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("Accept", "application/json");
		if (apiKey != null) {
			if (!isSendable(apiKey)) {
				// Only from a job queued before the API refused such keys.
				throw ModelCallFailed.job("the API key is not 1 to " + MAX_API_KEY
						+ " visible ASCII characters (a zero-width space or a space pasted with it?); start again with the key alone");
			}
			headers.put("Authorization", "Bearer " + apiKey);
		}
		PinnedHttpClient.Response response;
		try {
			response = http.post(settings.chatCompletions(), addresses, headers,
					body(settings, prompt, n).getBytes(StandardCharsets.UTF_8));
		}
		catch (HttpTimeoutException e) {
			throw ModelCallFailed.retry("no answer within " + properties.requestTimeout().toSeconds() + " s", null);
		}
		catch (PinnedHttpClient.TooLarge e) {
			throw ModelCallFailed.retry(e.getMessage(), null);
		}
		catch (IOException e) {
			throw ModelCallFailed.retry("connection to the model server failed: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " " + mask(e.getMessage(), apiKey)), null);
		}
		return completions(response, apiKey);
	}

	/**
	 * Checks the model server's address again just before connecting: the job may have
	 * waited in the queue, the allow-list may have changed, or the name may resolve
	 * elsewhere now (DNS rebinding). The request then goes to the addresses returned
	 * here, never to what another lookup of the name might answer.
	 */
	private List<InetAddress> checkAddress(GenerationSettings settings) throws ModelCallFailed {
		try {
			return policy.check(settings.chatCompletions());
		}
		catch (OutboundPolicy.Refused e) {
			throw ModelCallFailed.job("base_url is not allowed: " + e.getMessage());
		}
	}

	private String body(GenerationSettings settings, List<ChatMessage> prompt, int n) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", settings.model());
		body.put("messages", prompt);
		body.put("n", n);
		body.put("temperature", settings.temperature());
		body.put("max_tokens", settings.maxTokens());
		return json.writeValueAsString(body);
	}

	private List<Completion> completions(PinnedHttpClient.Response response, String apiKey) throws ModelCallFailed {
		int status = response.status();
		if (status >= 200 && status < 300) {
			return parse(response.body());
		}
		String what = "the model server answered " + status;
		if (status == 429 || status == 408 || status >= 500) {
			throw ModelCallFailed.retry(what, retryAfter(response).orElse(null));
		}
		if (status >= 300 && status < 400) {
			throw ModelCallFailed.job(what + " (a redirect"
					+ response.header("Location").map(location -> " to " + redirectTarget(location, apiKey)).orElse("")
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

	private List<Completion> parse(byte[] body) throws ModelCallFailed {
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

	/**
	 * Where a redirect pointed, without its query or fragment (where a server might have
	 * put the key) and never with the key in it.
	 */
	private static String redirectTarget(String location, String apiKey) {
		String target = location.replaceAll("[?#].*", "");
		try {
			URI uri = URI.create(target);
			if (uri.getRawUserInfo() != null) {
				target = target.replace(uri.getRawUserInfo() + "@", "");
			}
		}
		catch (IllegalArgumentException e) {
			// shown as it came, masked below
		}
		return shorten(mask(target, apiKey));
	}

	/** The text without the key in it. */
	private static String mask(String text, String apiKey) {
		return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, "***");
	}

	private static String shorten(String text) {
		return text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) + "…" : text;
	}

	/** The server's own error message, shortened, and never with the key in it. */
	private String errorText(byte[] body, String apiKey) {
		String message;
		try {
			JsonNode error = json.readTree(body).path("error");
			message = error.isString() ? error.asString() : error.path("message").asString("");
		}
		catch (JacksonException e) {
			message = "";
		}
		message = shorten(mask(message, apiKey).strip());
		return message.isEmpty() ? "" : ": " + message;
	}

	/** {@code Retry-After} in seconds or as an HTTP date. */
	static Optional<Duration> retryAfter(PinnedHttpClient.Response response) {
		return response.header("Retry-After").flatMap(ChatCompletionsClient::parseRetryAfter);
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
