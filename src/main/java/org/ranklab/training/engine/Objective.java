package org.ranklab.training.engine;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What the reward model is trained to reproduce. */
public enum Objective {

	/**
	 * InstructGPT: -log sigmoid(r_winner - r_loser) over the ordered pairs of each
	 * ranking.
	 */
	RANK("rank"),

	/**
	 * Binary cross-entropy of sigmoid(r) against the labeler's 1..7 score mapped to [0,
	 * 1].
	 */
	DIRECT_SCORE("direct_score");

	private final String apiName;

	Objective(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	@JsonCreator
	public static Objective fromApiName(String name) {
		return Arrays.stream(values())
			.filter(o -> o.apiName.equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown objective: " + name));
	}

}
