package org.ranklab.jobs;

/**
 * Published when a job reaches a final status, however it got there: its worker returned
 * or threw, it was cancelled while queued, its workers died too often, no worker exists
 * for its type. Published synchronously inside the transaction that stores the status,
 * and only by the update that changed it, so a listener's writes commit with the status
 * or not at all, and each job ends once. Modules that keep state beside a job (a training
 * run) listen to it rather than read the {@code jobs} table.
 *
 * @param message the job's last message: the reason when it failed
 */
public record JobFinished(long jobId, String type, Long projectId, JobStatus status, String message) {

	public JobFinished {
		if (!status.isFinished()) {
			throw new IllegalArgumentException("a job that is " + status + " has not finished");
		}
	}

}
