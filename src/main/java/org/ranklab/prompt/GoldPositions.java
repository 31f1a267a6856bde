package org.ranklab.prompt;

import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A gold ranking as the {@code prompts.gold} column stores it: tiers of candidate
 * positions, best first.
 */
record GoldPositions(int[][] tiers) {

	static GoldPositions parse(JsonMapper json, String stored) {
		return new GoldPositions(json.readValue(stored, int[][].class));
	}

	/**
	 * The tiers as candidate ids.
	 * @param candidateIds the prompt's candidate ids by position
	 */
	List<List<Long>> asIds(List<Long> candidateIds) {
		return Arrays.stream(tiers)
			.map(tier -> Arrays.stream(tier).mapToObj(candidateIds::get).sorted().toList())
			.toList();
	}

}
