package org.ranklab.labeling;

import java.time.Instant;

import org.springframework.stereotype.Service;

import org.ranklab.user.RankLabUser;
import org.ranklab.web.ConflictException;

/**
 * Keeps a lease running while its labeler works ({@code POST /assignments/{id}/renew}):
 * each renewal extends it by the project's lease length, up to
 * {@link LeaseProperties#maxLease()} after it began. A lease that is gone stays gone: the
 * prompt may already be someone else's.
 */
@Service
class LeaseRenewals {

	private final OwnAssignments own;

	private final Assignments assignments;

	private final LeaseProperties properties;

	LeaseRenewals(OwnAssignments own, Assignments assignments, LeaseProperties properties) {
		this.own = own;
		this.assignments = assignments;
		this.properties = properties;
	}

	/** The lease's new end; {@code 409} when there is no running lease to extend. */
	Instant renew(long assignmentId, RankLabUser user) {
		OwnAssignments.Owned owned = own.get(assignmentId, user);
		if (!owned.project().open()) {
			throw new ConflictException("the project of assignment " + assignmentId + " is archived");
		}
		return assignments.extendLease(assignmentId, owned.project().leaseSeconds(), properties.maxLease())
			.orElseThrow(() -> new ConflictException("the lease of assignment " + assignmentId
					+ " is gone (ranked, skipped, released or run out); ask for a new task"));
	}

}
