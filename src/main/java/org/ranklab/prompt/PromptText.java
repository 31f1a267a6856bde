package org.ranklab.prompt;

import java.util.List;

/**
 * A prompt with its candidates in their stored order, as other modules read it.
 */
public record PromptText(long id, String externalId, String text, List<Candidate> candidates) {

	public PromptText {
		candidates = List.copyOf(candidates);
	}

	public record Candidate(long id, String text, String model) {
	}

	/** The candidate with this id, which must be one of the prompt's. */
	public Candidate candidate(long candidateId) {
		for (Candidate candidate : candidates) {
			if (candidate.id() == candidateId) {
				return candidate;
			}
		}
		throw new IllegalStateException("candidate " + candidateId + " is not one of prompt " + id);
	}

}
