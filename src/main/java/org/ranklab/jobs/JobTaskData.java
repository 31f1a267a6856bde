package org.ranklab.jobs;

/**
 * What a job's queue entry holds: the job to run and its secret, gone when the entry is
 * deleted.
 */
record JobTaskData(long jobId, String secret) {

	@Override
	public String toString() {
		return "JobTaskData[jobId=" + jobId + ", secret=" + (secret == null ? "none" : "***") + "]";
	}

}
