package org.ranklab.jobs;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Runs jobs as db-scheduler one-time tasks (one queue entry per job), handing each to the
 * {@link JobWorker} of its type and keeping the {@code jobs} row up to date.
 * <p>
 * A job whose instance died stays RUNNING with a stale heartbeat until db-scheduler's
 * dead-execution check revives its queue entry, here or on another instance; the worker
 * then resumes it. An app stopping mid-job leaves it RUNNING and retried shortly after,
 * for the same reason.
 */
@Component
class JobRunner implements DisposableBean {

	static final TaskDescriptor<JobTaskData> TASK = TaskDescriptor.of("ranklab-job", JobTaskData.class);

	private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

	private final JobStore store;

	private final Map<String, JobWorker> workers;

	private final JobProperties properties;

	private final JobSecrets secrets;

	private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "job-beat");
		thread.setDaemon(true);
		return thread;
	});

	JobRunner(JobStore store, List<JobWorker> workers, JobProperties properties, JobSecrets secrets) {
		this.store = store;
		this.secrets = secrets;
		this.workers = workers.stream().collect(Collectors.toMap(JobWorker::type, Function.identity()));
		this.properties = properties;
	}

	OneTimeTask<JobTaskData> task() {
		return Tasks.oneTime(TASK)
			// Only reached when the app stops mid-job (or on an Error): try again soon,
			// here or elsewhere.
			.onFailure(new FailureHandler.OnFailureRetryLater<>(properties.pollingInterval()))
			.onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
			.execute((instance, context) -> run(instance.getData(), context.getSchedulerState()));
	}

	void run(JobTaskData data, SchedulerState scheduler) {
		Optional<Job> started = store.start(data.jobId());
		if (started.isEmpty()) {
			return; // finished or cancelled while it waited in the queue
		}
		Job job = started.get();
		if (job.cancelRequested()) {
			store.finish(job.id(), JobStatus.CANCELLED, null, "cancelled");
			return;
		}
		if (job.attempts() > properties.maxAttempts()) {
			store.finish(job.id(), JobStatus.FAILED, null,
					"stopped: its worker died " + (job.attempts() - 1) + " times");
			return;
		}
		JobWorker worker = workers.get(job.type());
		if (worker == null) {
			store.finish(job.id(), JobStatus.FAILED, null, "no worker for jobs of type " + job.type());
			return;
		}
		String secret;
		try {
			secret = secrets.open(data.secret());
		}
		catch (GeneralSecurityException e) {
			store.finish(job.id(), JobStatus.FAILED, null, "its API key was encrypted with another key than this"
					+ " instance's: give every instance the same ranklab.jobs.secret-key, then start the job again");
			return;
		}
		log.info("Job {} ({}) starts, attempt {}", job.id(), job.type(), job.attempts());
		RunningJob running = new RunningJob(job, secret, store);
		long beatMillis = properties.beatInterval().toMillis();
		ScheduledFuture<?> beat = beats.scheduleWithFixedDelay(running::beat, beatMillis, beatMillis,
				TimeUnit.MILLISECONDS);
		try {
			worker.run(running);
			beat.cancel(false);
			running.beat();
			if (running.isCancelRequested() || store.isCancelRequested(job.id())) {
				store.finish(job.id(), JobStatus.CANCELLED, null, cancelledMessage(running));
			}
			else {
				store.finish(job.id(), JobStatus.SUCCEEDED, 1.0, running.message());
			}
			log.info("Job {} ({}) ended", job.id(), job.type());
		}
		catch (Exception e) {
			beat.cancel(false);
			if (scheduler.isShuttingDown()) {
				try {
					running.beat();
					store.interrupted(job.id());
				}
				catch (RuntimeException unreachable) {
					// The database may already be gone (the embedded one stops on its own
					// hook).
				}
				log.info("Job {} interrupted by shutdown; it resumes later", job.id());
				throw new IllegalStateException("interrupted by shutdown", e);
			}
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			running.beat();
			if (running.isCancelRequested()) {
				store.finish(job.id(), JobStatus.CANCELLED, null, cancelledMessage(running));
			}
			else {
				log.warn("Job {} ({}) failed: {}", job.id(), job.type(), e.toString());
				store.finish(job.id(), JobStatus.FAILED, null, failureMessage(e));
			}
		}
		finally {
			beat.cancel(false);
		}
	}

	private static String cancelledMessage(RunningJob running) {
		return running.message() == null ? "cancelled" : "cancelled; " + running.message();
	}

	private static String failureMessage(Exception e) {
		String message = e.getMessage();
		return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
	}

	@Override
	public void destroy() {
		beats.shutdownNow();
	}

}
