package org.ranklab.project;

import java.time.Instant;

record ProjectResponse(String id, String name, String guidelines, int minCandidates, int maxCandidates,
		int rankingsPerPrompt, boolean allowTies, boolean collectScores, int leaseSeconds, Instant createdAt,
		ProjectProgress progress, ProjectAccess access, boolean archived, int guidelinesVersion, double goldRate,
		AssignmentOrder assignmentOrder, boolean labelersMayScore, LabelLayout layout) {

	static ProjectResponse of(Project p, ProjectProgress progress) {
		return new ProjectResponse(Long.toString(p.id()), p.name(), p.guidelines(), p.minCandidates(),
				p.maxCandidates(), p.rankingsPerPrompt(), p.allowTies(), p.collectScores(), p.leaseSeconds(),
				p.createdAt(), progress, p.access(), p.archived(), p.guidelinesVersion(), p.goldRate(),
				p.assignmentOrder(), p.labelersMayScore(), p.layout());
	}

}
