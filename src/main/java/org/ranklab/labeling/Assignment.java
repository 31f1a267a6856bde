package org.ranklab.labeling;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A prompt handed to a user, as stored. {@code leaseLive} is decided by the database
 * clock, so that every instance agrees on when a lease runs out.
 * {@code guidelinesVersion} is the version of the project's guidelines the user was last
 * shown the task with; its ranking records it.
 */
record Assignment(long id, long projectId, long promptId, long userId, List<Long> candidateOrder, Status status,
		boolean leaseLive, Instant leasedAt, Instant leaseExpiresAt, int guidelinesVersion) {

	enum Status {

		OPEN, SUBMITTED, SKIPPED, EXPIRED

	}

	/**
	 * Columns {@link #of} reads; {@code live} must be {@code lease_expires_at > now()}.
	 */
	static final String COLUMNS = """
			id, project_id, prompt_id, user_id, candidate_order, status, leased_at, lease_expires_at,
			lease_expires_at > now() AS live, guidelines_version""";

	static Assignment of(ResultSet row, int rowNumber) throws SQLException {
		return new Assignment(row.getLong("id"), row.getLong("project_id"), row.getLong("prompt_id"),
				row.getLong("user_id"), ids(row.getArray("candidate_order")), Status.valueOf(row.getString("status")),
				row.getBoolean("live"), row.getTimestamp("leased_at").toInstant(),
				row.getTimestamp("lease_expires_at").toInstant(), row.getInt("guidelines_version"));
	}

	/**
	 * Open, or expired but not yet given up: ranking it needs the prompt to still have
	 * room.
	 */
	boolean needsRoomToSubmit() {
		return status == Status.EXPIRED || (status == Status.OPEN && !leaseLive);
	}

	private static List<Long> ids(Array array) throws SQLException {
		return Arrays.asList((Long[]) array.getArray());
	}

}
