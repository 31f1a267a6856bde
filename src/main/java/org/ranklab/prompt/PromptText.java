package org.ranklab.prompt;

import java.util.List;

/**
 * A prompt with its candidates in their stored order, as other modules read it.
 * {@code messages} are the turns of a conversation prompt (whose {@code text} is their
 * flattening), {@code null} for a single text; {@code meta} is the record's meta as JSON
 * text, or null.
 */
public record PromptText(long id, String externalId, String text, List<ChatMessage> messages, String meta,
		List<Candidate> candidates) {

	/**
	 * The most of a conversation that reward models read: its last turns, as
	 * {@link Conversations#lastTurns} keeps them.
	 */
	public static final int MODEL_CHARS = 1500;

	public PromptText {
		candidates = List.copyOf(candidates);
	}

	public boolean conversation() {
		return messages != null;
	}

	/**
	 * What reward models read: the text of a single-text prompt as it is; of a
	 * conversation, the flattening of its last turns (the end matters: the responses
	 * answer the last user turn).
	 */
	public String modelText() {
		return messages == null ? text : Conversations.lastTurns(messages, MODEL_CHARS);
	}

	/** {@code meta} is the candidate's meta as JSON text, or null. */
	public record Candidate(long id, String text, String model, String meta) {
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
