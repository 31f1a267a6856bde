package org.ranklab.training;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a run trains on. */
enum TrainingSource {

	/** Every rankable ranking, each one a group of its own. */
	RANKINGS("rankings"),

	/** One ranked-pairs consensus per prompt, merged from its rankings. */
	CONSENSUS("consensus");

	private final String apiName;

	TrainingSource(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	String apiName() {
		return apiName;
	}

	@JsonCreator
	static TrainingSource fromApiName(String name) {
		return Arrays.stream(values())
			.filter(source -> source.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown source: " + name));
	}

}
