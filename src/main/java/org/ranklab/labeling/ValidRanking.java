package org.ranklab.labeling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;

import tools.jackson.databind.json.JsonMapper;

/**
 * A ranking that passed {@link RankingRules}, normalised: ids as numbers, each tie
 * sorted, scores sorted by id, the comment stripped. Two bodies that mean the same
 * normalise to the same value and hash.
 *
 * @param tiers best first; {@code null} for a not-rankable verdict sent without a ranking
 * @param scores candidate id to 1..7; {@code null} when none were sent
 */
record ValidRanking(List<List<Long>> tiers, SortedMap<Long, Integer> scores, boolean notRankable, String comment) {

	String tiersJson(JsonMapper json) {
		return tiers == null ? null : json.writeValueAsString(tiers);
	}

	String scoresJson(JsonMapper json) {
		return scores == null ? null : json.writeValueAsString(scores);
	}

	/**
	 * Identifies the body for idempotent resubmission; built by hand so that it never
	 * changes with the JSON settings of the day.
	 */
	String sha256() {
		String canonical = tiers + "|" + scores + "|" + notRankable + "|"
				+ (comment == null ? "-" : comment.length() + ":" + comment);
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
