package org.ranklab.prompt;

import java.util.List;

/**
 * One prompt as read from an import file, before it is checked against the project.
 * {@code line} is the 1-based line (for a JSON array, the element's index + 1);
 * {@code meta} is JSON text or null; an empty candidate list means the prompt waits for
 * generation.
 */
record ImportRecord(long line, String externalId, String prompt, String meta, List<ImportCandidate> candidates) {

	boolean waitsForGeneration() {
		return candidates.isEmpty();
	}

	/** Characters held, to keep a batch of records within a memory budget. */
	long size() {
		long size = prompt.length() + (meta == null ? 0 : meta.length());
		for (ImportCandidate candidate : candidates) {
			size += candidate.text().length() + (candidate.meta() == null ? 0 : candidate.meta().length());
		}
		return size;
	}

}
