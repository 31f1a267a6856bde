package org.ranklab.prompt.generation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.project.Project;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * {@code POST /api/v1/projects/{id}/generation}. {@code n} defaults to the project's
 * {@code min_candidates}: the fewest candidates labelers may be shown, so the cheapest
 * request that makes every prompt rankable.
 */
record GenerationRequest(String baseUrl, String model, String apiKey, Integer n, Double temperature,
		Integer maxTokens) {

	static final double DEFAULT_TEMPERATURE = 1.0;

	static final int DEFAULT_MAX_TOKENS = 512;

	static final int MAX_TOKENS_LIMIT = 32_768;

	/** Checks every field against the project and reports all problems at once. */
	GenerationSettings validate(Project project, OutboundPolicy policy) {
		List<InputError> errors = new ArrayList<>();
		URI url = checkBaseUrl(errors, policy);
		String modelName = model == null ? "" : model.strip();
		if (modelName.isEmpty()) {
			errors.add(InputError.field("model", "must not be blank"));
		}
		else if (modelName.length() > 200) {
			errors.add(InputError.field("model", "must be at most 200 characters"));
		}
		if (key() != null && !ChatCompletionsClient.isSendable(key())) {
			// Never echoes the key: the message names what is wrong, not where.
			errors.add(InputError.field("api_key",
					"must be at most 4096 visible ASCII characters, without spaces, control or invisible characters"
							+ " (such as a zero-width space pasted along with the key)"));
		}
		int candidates = Objects.requireNonNullElse(n, project.minCandidates());
		if (candidates < project.minCandidates() || candidates > project.maxCandidates()) {
			errors.add(InputError.field("n", "must be between %d and %d, the project's candidates per prompt"
				.formatted(project.minCandidates(), project.maxCandidates())));
		}
		double temp = Objects.requireNonNullElse(temperature, DEFAULT_TEMPERATURE);
		if (!(temp >= 0 && temp <= 2)) {
			errors.add(InputError.field("temperature", "must be between 0 and 2"));
		}
		int tokens = Objects.requireNonNullElse(maxTokens, DEFAULT_MAX_TOKENS);
		if (tokens < 1 || tokens > MAX_TOKENS_LIMIT) {
			errors.add(InputError.field("max_tokens", "must be between 1 and " + MAX_TOKENS_LIMIT));
		}
		if (!errors.isEmpty()) {
			String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
			throw new InvalidInputException(detail, errors);
		}
		return new GenerationSettings(url, modelName, candidates, temp, tokens, key() != null);
	}

	/** The API key to send, or none when absent or blank. */
	String key() {
		return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
	}

	private URI checkBaseUrl(List<InputError> errors, OutboundPolicy policy) {
		String text = baseUrl == null ? "" : baseUrl.strip();
		String problem = "must be an absolute http:// or https:// URL such as http://localhost:8000/v1";
		if (text.isEmpty()) {
			errors.add(InputError.field("base_url", "must not be blank"));
			return null;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				errors.add(InputError.field("base_url", problem));
				return null;
			}
			if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
				errors.add(InputError.field("base_url",
						"must not carry credentials, a query or a fragment (give the key as api_key)"));
				return null;
			}
			policy.check(uri);
			return uri;
		}
		catch (URISyntaxException e) {
			errors.add(InputError.field("base_url", problem));
			return null;
		}
		catch (OutboundPolicy.Refused e) {
			errors.add(InputError.field("base_url", e.getMessage()));
			return null;
		}
	}

	/**
	 * Never shows the API key, should a request ever end up in a log or an error message.
	 */
	@Override
	public String toString() {
		return "GenerationRequest[baseUrl=" + baseUrl + ", model=" + model + ", apiKey="
				+ (apiKey == null ? "none" : "***") + ", n=" + n + ", temperature=" + temperature + ", maxTokens="
				+ maxTokens + "]";
	}

}
