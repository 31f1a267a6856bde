/**
 * Webhooks: tells other systems what happened (a ranking was created, a prompt or a
 * project completed, a job or a training run finished) by signed HTTP calls, per the
 * Standard Webhooks specification, delivered at least once with exponential backoff; the
 * API and admin page that manage hooks and show their delivery log.
 * <p>
 * Owns the tables {@code webhooks} (the signing secret encrypted with the job secret key)
 * and {@code webhook_deliveries} (the outbox and delivery log).
 * <p>
 * Listens to labeling's {@link org.ranklab.labeling.RankingSubmitted},
 * {@link org.ranklab.labeling.PromptCompleted} and
 * {@link org.ranklab.labeling.ProjectCompleted}, jobs'
 * {@link org.ranklab.jobs.JobFinished} and training's
 * {@link org.ranklab.training.TrainingRunFinished}, synchronously inside the transaction
 * that publishes them, and writes one delivery per matching hook there (a transactional
 * outbox: a delivery exists exactly when its event committed). Each delivery is a
 * {@link org.ranklab.jobs.RetriedWork} of the jobs module; receivers are reached only at
 * addresses that {@code outbound}'s policy allows, the same as generation's. Publishes
 * nothing: its face is the REST API and the admin page.
 */
@ApplicationModule(
		allowedDependencies = { "audit", "jobs", "labeling", "outbound", "project", "training", "user", "web" })
package org.ranklab.webhook;

import org.springframework.modulith.ApplicationModule;
