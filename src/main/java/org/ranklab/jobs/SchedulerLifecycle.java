package org.ranklab.jobs;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Starts and stops a db-scheduler with the application context; shared by the job
 * scheduler and the work queue.
 */
class SchedulerLifecycle implements SmartLifecycle {

	private final Scheduler scheduler;

	private volatile boolean running;

	SchedulerLifecycle(Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * Looks for due executions once the caller's transaction commits (at once without
	 * one), so that an entry written in it starts without waiting for the next poll.
	 */
	static void checkDueAfterCommit(Scheduler scheduler) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			scheduler.triggerCheckForDueExecutions();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				scheduler.triggerCheckForDueExecutions();
			}
		});
	}

	@Override
	public void start() {
		scheduler.start();
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		scheduler.stop();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

}
