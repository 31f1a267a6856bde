package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ranklab.training.engine.PromptResponses;
import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * {@code POST /api/v1/reward-models/{id}/score}: responses to one prompt ({@code prompt},
 * {@code responses}), or to several ({@code items}), scored in one call.
 */
record ScoreRequest(String prompt, List<String> responses, List<Item> items) {

	/** One prompt of a batch and its responses. */
	record Item(String prompt, List<String> responses) {
	}

	boolean batch() {
		return items != null;
	}

	/**
	 * The prompts and their responses, once the request is valid; {@code 400} naming
	 * every field at fault (such as {@code items[3].responses[2]}) otherwise.
	 */
	List<PromptResponses> validated(ScoringSettings limits) {
		List<InputError> errors = new ArrayList<>();
		if (batch()) {
			if (prompt != null || responses != null) {
				errors.add(InputError.field("items", "give either items or prompt and responses, not both"));
			}
			if (items.isEmpty() || items.size() > limits.maxItems()) {
				errors.add(InputError.field("items", "must hold 1 to " + limits.maxItems() + " items"));
			}
			else {
				for (int i = 0; i < items.size(); i++) {
					Item item = items.get(i);
					if (item == null) {
						errors.add(InputError.field("items[" + i + "]", "must be an object"));
					}
					else {
						validate("items[" + i + "].", item.prompt(), item.responses(), limits, errors);
					}
				}
			}
		}
		else {
			validate("", prompt, responses, limits, errors);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(
					errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
		}
		return batch() ? items.stream().map(item -> new PromptResponses(item.prompt(), item.responses())).toList()
				: List.of(new PromptResponses(prompt, responses));
	}

	private static void validate(String prefix, String prompt, List<String> responses, ScoringSettings limits,
			List<InputError> errors) {
		int maxChars = limits.maxTextChars();
		if (prompt == null || prompt.isBlank()) {
			errors.add(InputError.field(prefix + "prompt", "must not be blank"));
		}
		else if (prompt.length() > maxChars) {
			errors.add(InputError.field(prefix + "prompt", "must be at most " + maxChars + " characters"));
		}
		int maxResponses = limits.maxResponsesPerItem();
		if (responses == null || responses.isEmpty() || responses.size() > maxResponses) {
			errors.add(InputError.field(prefix + "responses", "must hold 1 to " + maxResponses + " responses"));
			return;
		}
		for (int i = 0; i < responses.size(); i++) {
			String response = responses.get(i);
			String field = prefix + "responses[" + i + "]";
			if (response == null) {
				errors.add(InputError.field(field, "must be a string"));
			}
			else if (response.length() > maxChars) {
				errors.add(InputError.field(field, "must be at most " + maxChars + " characters"));
			}
		}
	}

}
