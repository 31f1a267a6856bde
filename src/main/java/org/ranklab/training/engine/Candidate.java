package org.ranklab.training.engine;

/** One response to a prompt, as stored by the labeling module. */
public record Candidate(long id, String text) {
}
