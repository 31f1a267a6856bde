package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import org.ranklab.training.engine.PromptResponses;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * OpenRLHF's remote reward request ({@code --remote_rm_url}): {@code query} holds each
 * sample as one text, prompt and response together (as the policy's tokenizer decoded
 * them); {@code prompts}, when sent, the prompt of each; {@code labels} are ignored (a
 * reward model judges the response, it has no reference answer).
 * <p>
 * How a query is split: with {@code prompts}, the response is what follows the first
 * occurrence of the prompt in the query (so padding or a BOS token the tokenizer left
 * before it is dropped); a query that does not contain its prompt is scored whole as the
 * response to that prompt. Without {@code prompts}, every query is scored whole as the
 * response to an empty prompt.
 */
record RemoteRewardRequest(List<String> query, List<String> prompts, JsonNode labels) {

	/** One item per query, in order; {@code 400} naming every field at fault. */
	List<PromptResponses> items(ScoringSettings limits) {
		List<InputError> errors = new ArrayList<>();
		int maxQueries = limits.maxItems() * limits.maxResponsesPerItem();
		if (query == null || query.isEmpty() || query.size() > maxQueries) {
			errors.add(InputError.field("query", "must hold 1 to " + maxQueries + " texts"));
		}
		else {
			// A query is a prompt and a response, each at most max-text-chars long.
			checkTexts("query", query, 2 * limits.maxTextChars(), errors);
			if (prompts != null) {
				if (prompts.size() != query.size()) {
					errors.add(InputError.field("prompts", "must hold one prompt per query (" + query.size() + ")"));
				}
				else {
					checkTexts("prompts", prompts, limits.maxTextChars(), errors);
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(
					errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
		}
		List<PromptResponses> items = new ArrayList<>(query.size());
		for (int i = 0; i < query.size(); i++) {
			String prompt = prompts == null ? "" : prompts.get(i);
			items.add(new PromptResponses(prompt, List.of(response(query.get(i), prompt))));
		}
		return items;
	}

	static String response(String query, String prompt) {
		if (prompt.isEmpty()) {
			return query;
		}
		int at = query.indexOf(prompt);
		return at < 0 ? query : query.substring(at + prompt.length());
	}

	private static void checkTexts(String field, List<String> texts, int maxChars, List<InputError> errors) {
		for (int i = 0; i < texts.size(); i++) {
			if (texts.get(i) == null) {
				errors.add(InputError.field(field + "[" + i + "]", "must be a string"));
			}
			else if (texts.get(i).length() > maxChars) {
				errors.add(InputError.field(field + "[" + i + "]", "must be at most " + maxChars + " characters"));
			}
		}
	}

}
