package org.ranklab.prompt;

/**
 * One candidate response as a file gives it; {@code meta} is JSON text (provenance), or
 * null.
 */
record ImportCandidate(String text, String model, String meta) {

	static ImportCandidate of(String text) {
		return new ImportCandidate(text, null, null);
	}

}
