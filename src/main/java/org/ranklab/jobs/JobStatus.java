package org.ranklab.jobs;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a job is in its life; stored by name in {@code jobs.status}. */
public enum JobStatus {

	QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

	/**
	 * {@code status IN ('QUEUED', 'RUNNING')}: the SQL condition of a job still to end,
	 * spelled with literals so that the partial indexes on it can be used.
	 */
	static final String UNFINISHED_SQL = Arrays.stream(values())
		.filter(status -> !status.isFinished())
		.map(status -> "'" + status.name() + "'")
		.collect(Collectors.joining(", ", "status IN (", ")"));

	public boolean isFinished() {
		return this == SUCCEEDED || this == FAILED || this == CANCELLED;
	}

}
