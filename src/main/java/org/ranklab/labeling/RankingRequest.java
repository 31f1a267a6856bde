package org.ranklab.labeling;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /assignments/{id}/ranking}: tiers of candidate ids, best first.
 * Scores stay JSON values here so that {@code 4.5} or {@code "4"} is refused by name
 * instead of silently rounded.
 */
record RankingRequest(List<List<String>> ranking, Map<String, JsonNode> scores, Boolean notRankable, String comment) {
}
