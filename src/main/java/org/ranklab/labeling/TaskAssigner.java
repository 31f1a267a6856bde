package org.ranklab.labeling;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;

import org.ranklab.project.Project;

/**
 * Hands out prompts fairly: each prompt to at most {@code rankings_per_prompt} users at a
 * time (rankings plus running leases), never twice to one user, closest to completion
 * first, then oldest; none of an archived project. Prompts are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent labelers on any number of instances
 * spread over different prompts instead of queueing for one, and never over-assign one.
 * <p>
 * Gold prompts are mixed in: while the user has regular work left, each new lease is a
 * gold prompt they never had with probability {@code gold_rate}, drawn per hand-out, so
 * that nothing in the order of tasks tells them apart. When the regular work is done, no
 * gold prompt is handed out either. A labeler excluded from the project gets nothing.
 */
@Service
class TaskAssigner {

	/**
	 * Each failed try means another labeler just filled the picked prompt; the next pick
	 * sees that.
	 */
	private static final int MAX_PICKS = 20;

	private final Assignments assignments;

	private final RetriedTransactions transactions;

	TaskAssigner(Assignments assignments, RetriedTransactions transactions) {
		this.assignments = assignments;
		this.transactions = transactions;
	}

	/**
	 * The user's task in the project: their running lease, else a new one; empty when
	 * nothing is left.
	 */
	Optional<LeasedTask> next(Project project, long userId) {
		if (!project.open()) {
			return Optional.empty();
		}
		return transactions.run(() -> ownLease(project, userId).or(() -> newLease(project, userId))
			.map(assignment -> LeasedTask.of(project, assignment, assignments.contentOf(assignment.promptId()))));
	}

	/**
	 * The open lease of this user, returned again rather than duplicated (with the
	 * current guidelines). One that ran out is renewed while the prompt still has room;
	 * otherwise it is given up and the user gets another prompt.
	 */
	private Optional<Assignment> ownLease(Project project, long userId) {
		Optional<Assignment> open = assignments.openLeaseOf(project.id(), userId);
		if (open.isEmpty()) {
			return open;
		}
		if (open.get().leaseLive()) {
			return open.map(lease -> lease.guidelinesVersion() == project.guidelinesVersion() ? lease
					: assignments.showWithGuidelines(lease, project.guidelinesVersion()));
		}
		Assignment expired = open.get();
		assignments.lockSlot(expired.promptId());
		if (assignments.hasRoomFor(expired, project.rankingsPerPrompt())) {
			return Optional.of(assignments.renew(expired, project));
		}
		assignments.expire(expired);
		return Optional.empty();
	}

	private Optional<Assignment> newLease(Project project, long userId) {
		for (int pick = 0; pick < MAX_PICKS; pick++) {
			OptionalLong prompt = assignments.pick(project, userId, false);
			if (prompt.isEmpty()) {
				prompt = assignments.pick(project, userId, true);
			}
			if (prompt.isEmpty()) {
				return Optional.empty();
			}
			if (pick == 0 && drawsGold(project)) {
				Optional<Assignment> gold = assignments.leaseGold(project, userId);
				if (gold.isPresent()) {
					return gold;
				}
			}
			Optional<Assignment> lease = assignments.leaseIfRoom(project, prompt.getAsLong(), userId);
			if (lease.isPresent()) {
				return lease;
			}
		}
		return Optional.empty();
	}

	/**
	 * Whether this hand-out is a gold one: never a query when the project has no gold
	 * rate.
	 */
	private static boolean drawsGold(Project project) {
		return project.goldRate() > 0 && ThreadLocalRandom.current().nextDouble() < project.goldRate();
	}

}
