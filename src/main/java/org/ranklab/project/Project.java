package org.ranklab.project;

import java.time.Instant;

/** A labeling project's settings, as the other modules see them. */
public record Project(long id, String name, String guidelines, int minCandidates, int maxCandidates,
		int rankingsPerPrompt, boolean allowTies, boolean collectScores, int leaseSeconds, Instant createdAt) {
}
