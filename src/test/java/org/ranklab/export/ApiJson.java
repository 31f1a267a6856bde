package org.ranklab.export;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one exported line as a client would. */
final class ApiJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ApiJson() {
	}

	static JsonNode parse(String line) {
		return JSON.readTree(line);
	}

}
