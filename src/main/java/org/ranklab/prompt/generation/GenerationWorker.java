package org.ranklab.prompt.generation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.ranklab.jobs.JobContext;
import org.ranklab.jobs.JobWorker;

/**
 * Runs a generation job: every prompt of the project that was waiting when the job first
 * started gets {@code n} distinct candidates from the model server, {@code concurrency}
 * prompts at a time. Resumable: a restarted job skips prompts that got their candidates,
 * and progress counts them as done.
 */
@Component
class GenerationWorker implements JobWorker {

	static final String TYPE = "generation";

	private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

	private static final int PAGE = 200;

	private final WaitingPrompts prompts;

	private final ChatCompletionsClient client;

	private final GenerationProperties properties;

	GenerationWorker(WaitingPrompts prompts, ChatCompletionsClient client, GenerationProperties properties) {
		this.prompts = prompts;
		this.client = client;
		this.properties = properties;
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public void run(JobContext job) throws Exception {
		new Run(job).execute();
	}

	/** One attempt at one job, with its counters. */
	private final class Run {

		private final JobContext job;

		private final long projectId;

		private final GenerationSettings settings;

		private final CandidateCollector collector;

		private final long total;

		private final long upToId;

		private final AtomicLong done = new AtomicLong();

		private final AtomicLong failed = new AtomicLong();

		private final AtomicLong skipped = new AtomicLong();

		private final AtomicReference<String> lastProblem = new AtomicReference<>();

		private final AtomicReference<ModelCallFailed> fatal = new AtomicReference<>();

		Run(JobContext job) {
			this.job = job;
			this.projectId = job.projectId();
			this.settings = GenerationSettings.of(job.parameters());
			this.collector = new CandidateCollector(client, properties, settings, job.secret().orElse(null));
			if (job.details().has("up_to_prompt_id")) {
				this.total = job.details().path("prompts_total").asLong();
				this.upToId = job.details().path("up_to_prompt_id").asLong();
				this.done.set(total - prompts.count(projectId, upToId));
			}
			else {
				WaitingPrompts.Scope scope = prompts.scope(projectId);
				this.total = scope.prompts();
				this.upToId = scope.upToId();
			}
		}

		void execute() throws Exception {
			log.info("Generation job {}: {} prompts, model {} at {}, n={}, concurrency {}", job.id(), total,
					settings.model(), settings.baseUrl(), settings.n(), properties.concurrency());
			report();
			ExecutorService pool = Executors.newFixedThreadPool(properties.concurrency(), threads(job.id()));
			job.onCancel(pool::shutdownNow);
			try {
				feed(pool);
				pool.shutdown();
				while (!pool.awaitTermination(200, TimeUnit.MILLISECONDS)) {
					if (fatal.get() != null) {
						pool.shutdownNow();
					}
				}
			}
			finally {
				pool.shutdownNow();
			}
			report();
			if (job.isCancelRequested()) {
				return;
			}
			if (fatal.get() != null) {
				throw new IllegalStateException(fatal.get().getMessage() + " (" + summary() + ")");
			}
			if (failed.get() > 0 && done.get() == 0) {
				throw new IllegalStateException(summary());
			}
		}

		/**
		 * Hands prompts to the pool, keeping only a few queued so that cancelling stops
		 * quickly.
		 */
		private void feed(ExecutorService pool) throws InterruptedException {
			Semaphore queued = new Semaphore(properties.concurrency() * 2);
			long after = 0;
			while (!stopping()) {
				List<WaitingPrompts.Prompt> page = prompts.page(projectId, after, upToId, PAGE);
				if (page.isEmpty()) {
					return;
				}
				for (WaitingPrompts.Prompt prompt : page) {
					after = prompt.id();
					while (!queued.tryAcquire(200, TimeUnit.MILLISECONDS)) {
						if (stopping()) {
							return;
						}
					}
					if (stopping()) {
						return;
					}
					pool.execute(() -> {
						try {
							generate(prompt);
						}
						finally {
							queued.release();
						}
					});
				}
			}
		}

		private boolean stopping() {
			return job.isCancelRequested() || fatal.get() != null;
		}

		private void generate(WaitingPrompts.Prompt prompt) {
			if (stopping()) {
				return;
			}
			try {
				CandidateCollector.Outcome outcome = collector.collect(prompt.messages());
				if (!outcome.complete()) {
					failed.incrementAndGet();
					lastProblem.set("prompt " + prompt.id() + ": " + outcome.problem());
				}
				else if (prompts.store(prompt.id(), outcome.candidates(), settings, job.id())) {
					done.incrementAndGet();
				}
				else {
					skipped.incrementAndGet();
				}
			}
			catch (ModelCallFailed e) {
				fatal.compareAndSet(null, e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt(); // cancelled or stopping: the prompt
													// stays waiting
			}
			catch (RuntimeException e) {
				if (Thread.currentThread().isInterrupted()) {
					return; // the app is stopping: the prompt stays waiting for the
							// resumed job
				}
				failed.incrementAndGet();
				lastProblem.set("prompt " + prompt.id() + ": " + e.getClass().getSimpleName());
				log.warn("Generation job {} could not store candidates of prompt {}", job.id(), prompt.id(), e);
			}
			report();
		}

		private void report() {
			long processed = done.get() + failed.get() + skipped.get();
			job.report(total == 0 ? 1 : (double) processed / total, summary(), details());
		}

		private String summary() {
			if (total == 0) {
				return "no prompts were waiting for candidates";
			}
			String text = "candidates for %d of %d prompts".formatted(done.get(), total);
			if (skipped.get() > 0) {
				text += "; %d filled meanwhile by someone else".formatted(skipped.get());
			}
			if (failed.get() > 0) {
				text += "; %d prompts could not be completed and still wait (last: %s)".formatted(failed.get(),
						lastProblem.get());
			}
			return text;
		}

		private Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("prompts_total", total);
			details.put("prompts_done", done.get());
			details.put("prompts_failed", failed.get());
			details.put("prompts_skipped", skipped.get());
			details.put("requests", collector.requests());
			details.put("retries", collector.retries());
			details.put("server_ignores_n", collector.serverIgnoresN());
			details.put("up_to_prompt_id", upToId);
			return details;
		}

	}

	private static ThreadFactory threads(long jobId) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "generation-" + jobId + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
