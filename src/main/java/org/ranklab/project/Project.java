package org.ranklab.project;

import java.time.Instant;

/** A labeling project's settings, as the other modules see them. */
public record Project(long id, String name, String guidelines, int minCandidates, int maxCandidates,
		int rankingsPerPrompt, boolean allowTies, boolean collectScores, int leaseSeconds, Instant createdAt,
		ProjectAccess access, boolean archived, int guidelinesVersion, double goldRate, AssignmentOrder assignmentOrder,
		boolean labelersMayScore, LabelLayout layout) {

	/** Whether labelers can be handed tasks of this project at all. */
	public boolean open() {
		return !archived;
	}

	public boolean membersOnly() {
		return access == ProjectAccess.MEMBERS;
	}

}
