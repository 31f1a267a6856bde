package org.ranklab.prompt;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One prompt as read from an import file, before it is checked against the project.
 * {@code line} is the 1-based line (for a JSON array, the element's index + 1);
 * {@code messages} is the conversation of a conversation prompt (then {@code prompt} is
 * its flattening), null for a single text; {@code meta} is JSON text or null; an empty
 * candidate list means the prompt waits for generation; {@code gold}, when given, is the
 * prompt's known ranking: tiers of 0-based indices into {@code candidates}, best first.
 */
record ImportRecord(long line, String externalId, String prompt, List<ChatMessage> messages, String meta,
		List<ImportCandidate> candidates, List<List<Integer>> gold) {

	/** The messages as stored, a JSON array; {@code null} for a single-text prompt. */
	String messagesJson() {
		return messages == null ? null : Conversations.toJson(messages);
	}

	boolean waitsForGeneration() {
		return candidates.isEmpty();
	}

	boolean isGold() {
		return gold != null;
	}

	/**
	 * The gold ranking as stored: a JSON array of tiers of candidate positions, each tier
	 * sorted, so that one ranking has one form; {@code null} for a prompt without one.
	 */
	String goldJson() {
		if (gold == null) {
			return null;
		}
		return gold.stream()
			.map(tier -> tier.stream().sorted().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
			.collect(Collectors.joining(",", "[", "]"));
	}

	/** Characters held, to keep a batch of records within a memory budget. */
	long size() {
		long size = prompt.length() * (messages == null ? 1L : 2L) + (meta == null ? 0 : meta.length());
		for (ImportCandidate candidate : candidates) {
			size += candidate.text().length() + (candidate.meta() == null ? 0 : candidate.meta().length());
		}
		return size;
	}

}
