package org.ranklab.jobs;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.ranklab.web.ConflictException;
import org.ranklab.web.NotFoundException;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;

/**
 * Starts, finds and cancels background jobs. A module with long work registers a
 * {@link JobWorker} for its job type and submits jobs here; users follow them at
 * {@code /api/v1/jobs/{id}}. When a job ends, {@link JobFinished} is published.
 */
@Service
public class Jobs {

	private final JobStore store;

	private final Scheduler scheduler;

	private final JobSecrets secrets;

	Jobs(JobStore store, Scheduler scheduler, JobSecrets secrets) {
		this.store = store;
		this.scheduler = scheduler;
		this.secrets = secrets;
	}

	/**
	 * Stores the job as QUEUED and queues it, both in one transaction; a worker picks it
	 * up as soon as it is committed and one is free. A {@code 409} when a job with the
	 * same exclusive key is queued or running.
	 */
	@Transactional
	public Job submit(NewJob job) {
		long id;
		try {
			id = store.insert(job);
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("another " + job.type() + " job is already queued or running for this");
		}
		scheduler.schedule(JobRunner.TASK.instance(Long.toString(id))
			.data(new JobTaskData(id, secrets.seal(job.secret())))
			.scheduledTo(Instant.now()));
		SchedulerLifecycle.checkDueAfterCommit(scheduler);
		return get(id);
	}

	public Optional<Job> find(long id) {
		return store.find(id);
	}

	/**
	 * The jobs with these ids, in no particular order; ids of jobs that do not exist are
	 * left out. One query, for lists of what other modules keep beside their jobs.
	 */
	public List<Job> findAll(Collection<Long> ids) {
		return store.findAll(ids);
	}

	/** The job, or a {@code 404}. */
	public Job get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("job", id));
	}

	/** The newest jobs of a type in a project, newest first. */
	public List<Job> recent(long projectId, String type, int limit) {
		return store.recent(projectId, type, limit);
	}

	/** The project's job of this type that is queued or running, if any. */
	public Optional<Job> active(long projectId, String type) {
		return store.active(projectId, type);
	}

	/**
	 * Cancels a job: a queued one ends at once, a running one as soon as its worker sees
	 * the request (within a beat). Cancelling a cancelled job changes nothing; a job that
	 * already ended otherwise is a {@code 409}.
	 */
	public Job cancel(long id) {
		Job job = get(id);
		if (job.status() == JobStatus.CANCELLED) {
			return job;
		}
		if (!store.requestCancel(id)) {
			throw new ConflictException("job " + id + " already ended: " + get(id).status());
		}
		if (job.status() == JobStatus.QUEUED) {
			try {
				// Removes the queue entry, and the secret in it, unless a worker has just
				// picked it up.
				scheduler.cancel(JobRunner.TASK.instanceId(Long.toString(id)));
			}
			catch (TaskInstanceException e) {
				// Picked up meanwhile: the worker sees cancel_requested and ends it.
			}
			store.cancelQueued(id);
		}
		return get(id);
	}

}
