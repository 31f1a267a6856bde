package org.ranklab.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A job while a worker runs it. Progress reports only change memory; {@link #beat()}
 * writes the latest to the database at a fixed rate and picks up cancel requests, so
 * workers may report as often as they like.
 */
final class RunningJob implements JobContext {

	private static final Logger log = LoggerFactory.getLogger(RunningJob.class);

	private record Report(double progress, String message, Map<String, Object> details) {
	}

	private final Job job;

	private final String secret;

	private final JobStore store;

	private volatile Report latest;

	private final AtomicBoolean cancelRequested = new AtomicBoolean();

	private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();

	RunningJob(Job job, String secret, JobStore store) {
		this.job = job;
		this.secret = secret;
		this.store = store;
		this.latest = new Report(job.progress(), job.message(), Map.of());
	}

	@Override
	public long id() {
		return job.id();
	}

	@Override
	public Long projectId() {
		return job.projectId();
	}

	@Override
	public JsonNode parameters() {
		return job.parameters();
	}

	@Override
	public JsonNode details() {
		return job.details();
	}

	@Override
	public Optional<String> secret() {
		return Optional.ofNullable(secret);
	}

	@Override
	public int attempt() {
		return job.attempts();
	}

	@Override
	public void report(double progress, String message, Map<String, Object> details) {
		latest = new Report(progress, message, Map.copyOf(details));
	}

	double progress() {
		return latest.progress();
	}

	String message() {
		return latest.message();
	}

	@Override
	public boolean isCancelRequested() {
		return cancelRequested.get();
	}

	@Override
	public void onCancel(Runnable action) {
		cancelActions.add(action);
		if (cancelRequested.get() && cancelActions.remove(action)) {
			action.run();
		}
	}

	/**
	 * Writes progress and heartbeat; a database hiccup only delays the next beat.
	 * Synchronized so that the last beat of a run, written after the scheduled ones are
	 * cancelled, cannot be overtaken by a scheduled beat still in flight with older
	 * figures.
	 */
	synchronized void beat() {
		try {
			Report report = latest;
			if (store.beat(job.id(), report.progress(), report.message(), report.details())) {
				cancel();
			}
		}
		catch (RuntimeException e) {
			log.warn("Could not record the progress of job {}: {}", job.id(), e.toString());
		}
	}

	private void cancel() {
		if (cancelRequested.compareAndSet(false, true)) {
			log.info("Job {} is being cancelled", job.id());
			for (Runnable action : cancelActions) {
				if (cancelActions.remove(action)) {
					action.run();
				}
			}
		}
	}

}
