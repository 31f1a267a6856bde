package org.ranklab.labeling;

import org.springframework.stereotype.Service;

import org.ranklab.project.Project;
import org.ranklab.user.RankLabUser;
import org.ranklab.web.ConflictException;

/**
 * Takes rankings and skips for assignments. Only the assignment's own user may answer it;
 * an answer is final (the same ranking again is acknowledged, a different one refused); a
 * lease that ran out still counts while the prompt has room for it.
 */
@Service
class RankingSubmissions {

	private final Assignments assignments;

	private final Rankings rankings;

	private final OwnAssignments own;

	private final RetriedTransactions transactions;

	private final RankingEvents events;

	RankingSubmissions(Assignments assignments, Rankings rankings, OwnAssignments own, RetriedTransactions transactions,
			RankingEvents events) {
		this.assignments = assignments;
		this.rankings = rankings;
		this.own = own;
		this.transactions = transactions;
		this.events = events;
	}

	/**
	 * @param created {@code false} when the same ranking had been stored before
	 */
	record Receipt(long rankingId, boolean created) {
	}

	/**
	 * Who may answer, the project and the candidates never change, so the body is checked
	 * before any lock is taken; only the assignment's state is read under its lock.
	 */
	Receipt submit(long assignmentId, RankLabUser user, RankingRequest request) {
		OwnAssignments.Owned owned = own.get(assignmentId, user);
		Assignment seen = owned.assignment();
		Project project = owned.project();
		ValidRanking ranking = RankingRules.check(request, project, seen.candidateOrder());
		return transactions.run(() -> {
			Assignment assignment = assignments.lock(assignmentId).orElseThrow();
			switch (assignment.status()) {
				case SUBMITTED -> {
					return sameAsStored(assignment, ranking);
				}
				case SKIPPED -> throw new ConflictException("assignment " + assignmentId + " was skipped");
				default -> {
					if (assignment.needsRoomToSubmit()) {
						claimRoomAgain(assignment, project);
					}
					Rankings.Recorded recorded = rankings.record(assignment, ranking);
					events.recorded(assignment, recorded, project.rankingsPerPrompt());
					return new Receipt(recorded.id(), true);
				}
			}
		});
	}

	/**
	 * Gives the prompt up for this user for good; skipping twice is harmless, skipping a
	 * ranked one is not.
	 */
	void skip(long assignmentId, RankLabUser user) {
		own.get(assignmentId, user);
		transactions.run(() -> {
			Assignment assignment = assignments.lock(assignmentId).orElseThrow();
			switch (assignment.status()) {
				case SUBMITTED -> throw new ConflictException("assignment " + assignmentId + " is already ranked");
				case SKIPPED -> {
				}
				default -> assignments.skip(assignment);
			}
			return null;
		});
	}

	private Receipt sameAsStored(Assignment assignment, ValidRanking ranking) {
		Rankings.Stored stored = rankings.ofAssignment(assignment.id()).orElseThrow();
		if (!stored.bodySha256().equals(ranking.sha256())) {
			throw new ConflictException("assignment " + assignment.id() + " is already ranked (ranking " + stored.id()
					+ ") with a different body; rankings cannot be changed");
		}
		return new Receipt(stored.id(), false);
	}

	/** A lease that ran out is honoured only if nobody has taken the place since. */
	private void claimRoomAgain(Assignment assignment, Project project) {
		assignments.lockSlot(assignment.promptId());
		if (!assignments.hasRoomFor(assignment, project.rankingsPerPrompt())) {
			throw new ConflictException("the lease of assignment " + assignment.id()
					+ " ran out and the prompt has since gone to other labelers; ask for a new task");
		}
	}

}
