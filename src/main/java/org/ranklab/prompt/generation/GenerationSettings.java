package org.ranklab.prompt.generation;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A validated generation request, without its API key: what the job's parameters hold.
 */
record GenerationSettings(URI baseUrl, String model, int n, double temperature, int maxTokens, boolean withApiKey) {

	URI chatCompletions() {
		return URI.create(baseUrl.toString().replaceAll("/+$", "") + "/chat/completions");
	}

	Map<String, Object> parameters() {
		Map<String, Object> parameters = new LinkedHashMap<>();
		parameters.put("base_url", baseUrl.toString());
		parameters.put("model", model);
		parameters.put("n", n);
		parameters.put("temperature", temperature);
		parameters.put("max_tokens", maxTokens);
		parameters.put("with_api_key", withApiKey);
		return parameters;
	}

	static GenerationSettings of(JsonNode parameters) {
		return new GenerationSettings(URI.create(parameters.path("base_url").asString()),
				parameters.path("model").asString(), parameters.path("n").asInt(),
				parameters.path("temperature").asDouble(), parameters.path("max_tokens").asInt(),
				parameters.path("with_api_key").asBoolean());
	}

}
