/**
 * Background jobs: long work (generating candidates, training a reward model) run by
 * db-scheduler on the application's own PostgreSQL, so that jobs survive restarts, run
 * once across instances and resume elsewhere when their instance dies.
 * <p>
 * Owns the tables {@code jobs} (one row per job, what users follow at
 * {@code /api/v1/jobs/{id}}) and {@code scheduled_tasks} (db-scheduler's queue, holding
 * each queued job's encrypted secret) and {@code queued_work} (a second db-scheduler
 * queue, for short retried work such as webhook deliveries).
 * <p>
 * Its API: {@link org.ranklab.jobs.Jobs} submits, finds and cancels jobs
 * ({@link org.ranklab.jobs.NewJob}, {@link org.ranklab.jobs.Job},
 * {@link org.ranklab.jobs.JobStatus}); a module with long work registers a
 * {@link org.ranklab.jobs.JobWorker} bean for its job type, which runs with a
 * {@link org.ranklab.jobs.JobContext}. It publishes {@link org.ranklab.jobs.JobFinished}
 * when a job reaches a final status. Short work that must happen at least once registers
 * a {@link org.ranklab.jobs.RetriedWork} and is queued with
 * {@link org.ranklab.jobs.WorkQueue} in the transaction that decides it.
 * {@link org.ranklab.jobs.JobSecrets} encrypts secrets that must be read again.
 */
@ApplicationModule(allowedDependencies = "web")
package org.ranklab.jobs;

import org.springframework.modulith.ApplicationModule;
