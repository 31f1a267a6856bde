package org.ranklab.training.engine;

import java.util.List;

/** One prompt with the responses to score for it, in order. */
public record PromptResponses(String prompt, List<String> responses) {

	public PromptResponses {
		responses = List.copyOf(responses);
	}

}
