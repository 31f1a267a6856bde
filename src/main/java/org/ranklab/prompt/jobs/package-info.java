/**
 * Background jobs: a {@code jobs} row per job for users to follow, run by db-scheduler on
 * the same database so that jobs survive restarts and run once across instances. Other
 * modules reuse it through {@link org.ranklab.prompt.jobs.Jobs} and a
 * {@link org.ranklab.prompt.jobs.JobWorker} of their own.
 */
@NamedInterface("jobs")
package org.ranklab.prompt.jobs;

import org.springframework.modulith.NamedInterface;
