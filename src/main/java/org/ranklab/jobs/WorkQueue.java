package org.ranklab.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Queues {@link RetriedWork} and runs it: a db-scheduler of its own on the table
 * {@code queued_work}, beside the one that runs jobs, so that a training run holding
 * every job thread never delays a delivery. An entry is written in the caller's
 * transaction (the scheduler's connections are transaction-aware), so work is queued
 * exactly when what caused it commits: a transactional outbox.
 */
@Service
public class WorkQueue implements SmartLifecycle {

	/** How long an entry waits after a try that threw. */
	public static final Duration RETRY_AFTER_ERROR = Duration.ofSeconds(30);

	static final String TABLE = "queued_work";

	private final Scheduler scheduler;

	private final Map<String, Task<Void>> tasks;

	private final SchedulerLifecycle lifecycle;

	WorkQueue(DataSource dataSource, List<RetriedWork> works, JobProperties properties) {
		this.tasks = works.stream().collect(Collectors.toMap(RetriedWork::type, WorkQueue::task));
		this.scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), List.copyOf(tasks.values()))
			.tableName(TABLE)
			.schedulerName(new SchedulerName.Fixed(JobScheduling.instanceName()))
			.serializer(new JsonTaskDataSerializer())
			.threads(properties.workThreads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.missedHeartbeatsLimit(properties.missedHeartbeats())
			.shutdownMaxWait(properties.shutdownMaxWait())
			.enableImmediateExecution()
			.build();
		this.lifecycle = new SchedulerLifecycle(scheduler);
	}

	private static Task<Void> task(RetriedWork work) {
		return Tasks.custom(work.type(), Void.class)
			.onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_ERROR))
			.onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
			.execute((instance, context) -> {
				Optional<Instant> again;
				try {
					again = work.attempt(instance.getId());
				}
				catch (RuntimeException e) {
					throw e;
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
				return again
					.<CompletionHandler<Void>>map(at -> (complete, operations) -> operations.reschedule(complete, at))
					.orElseGet(CompletionHandler.OnCompleteRemove::new);
			});
	}

	/**
	 * Queues the work {@code key} of a type, to be tried once the caller's transaction
	 * commits (at once without one). Queuing a key that is still queued changes nothing.
	 */
	public void enqueue(String type, String key) {
		Task<Void> task = tasks.get(type);
		if (task == null) {
			throw new IllegalArgumentException("no RetriedWork of type " + type);
		}
		TaskInstance<Void> instance = task.instance(key);
		scheduler.scheduleIfNotExists(instance, Instant.now());
		SchedulerLifecycle.checkDueAfterCommit(scheduler);
	}

	@Override
	public void start() {
		lifecycle.start();
	}

	@Override
	public void stop() {
		lifecycle.stop();
	}

	@Override
	public boolean isRunning() {
		return lifecycle.isRunning();
	}

}
