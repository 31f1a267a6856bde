package org.ranklab.jobs;

/**
 * Does the work of one job type. Implement it as a bean; the runner calls {@link #run} on
 * a scheduler thread, possibly again after a worker died mid-way, so work must be
 * resumable: skip what is already done.
 * <p>
 * Return normally to succeed (or to end {@code CANCELLED} when
 * {@link JobContext#isCancelRequested()}); throw to fail, the exception's message
 * becoming the job's message.
 */
public interface JobWorker {

	String type();

	void run(JobContext job) throws Exception;

}
