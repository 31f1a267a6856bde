package org.ranklab.training;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.ranklab.web.InputError;
import org.ranklab.web.InvalidInputException;

/**
 * {@code POST /api/v1/reward-models/{id}/score}: responses to one prompt, scored in one
 * batch.
 */
record ScoreRequest(String prompt, List<String> responses) {

	static final int MAX_RESPONSES = 100;

	static final int MAX_CHARS = 50_000;

	void validate() {
		List<InputError> errors = new ArrayList<>();
		if (prompt == null || prompt.isBlank()) {
			errors.add(InputError.field("prompt", "must not be blank"));
		}
		else if (prompt.length() > MAX_CHARS) {
			errors.add(InputError.field("prompt", "must be at most " + MAX_CHARS + " characters"));
		}
		if (responses == null || responses.isEmpty() || responses.size() > MAX_RESPONSES) {
			errors.add(InputError.field("responses", "must hold 1 to " + MAX_RESPONSES + " responses"));
		}
		else {
			for (int i = 0; i < responses.size(); i++) {
				String response = responses.get(i);
				if (response == null) {
					errors.add(InputError.field("responses[" + i + "]", "must be a string"));
				}
				else if (response.length() > MAX_CHARS) {
					errors
						.add(InputError.field("responses[" + i + "]", "must be at most " + MAX_CHARS + " characters"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(
					errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
		}
	}

}
