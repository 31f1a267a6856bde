package org.ranklab.prompt;

import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One page of a project's prompts with their candidates; {@code nextCursor} is null on
 * the last page.
 */
record PromptListing(List<Item> items, String nextCursor) {

	record Item(String id, String externalId, String text, List<Candidate> candidates, JsonNode meta) {
	}

	record Candidate(String id, String text, String model) {
	}

}
