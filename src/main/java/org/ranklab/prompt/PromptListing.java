package org.ranklab.prompt;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * One page of a project's prompts with their candidates; {@code nextCursor} is null on
 * the last page.
 */
record PromptListing(List<Item> items, String nextCursor) {

	/**
	 * @param gold a gold prompt's known ranking, tiers of candidate ids best first; only
	 * on gold prompts
	 * @param messages a conversation prompt's turns ({@code text} is their flattening);
	 * only on conversation prompts
	 */
	record Item(String id, String externalId, String text, List<Candidate> candidates, JsonNode meta,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<List<String>> gold,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<ChatMessage> messages) {
	}

	record Candidate(String id, String text, String model) {
	}

}
