package org.ranklab.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How background jobs run ({@code ranklab.jobs.*}).
 *
 * @param threads jobs one instance runs at the same time
 * @param pollingInterval how often an instance looks for queued jobs (new jobs on the
 * same instance start at once)
 * @param heartbeatInterval how often a running job proves it is alive, both in
 * db-scheduler's queue and in {@code jobs.heartbeat}
 * @param missedHeartbeats after this many missed heartbeats (at least 4) a job counts as
 * dead and another instance, or this one after a restart, resumes it
 * @param beatInterval how often a running job's progress is written and cancel requests
 * are looked for
 * @param maxAttempts a job whose workers died this many times is failed rather than
 * resumed again
 * @param shutdownMaxWait how long shutdown waits for running jobs before interrupting
 * them (they resume later)
 * @param workThreads tries of {@link RetriedWork} (webhook deliveries) one instance runs
 * at the same time, apart from the job threads
 * @param secretKey base64 of the 32-byte key that encrypts jobs' secrets in their queue
 * entries, the same on every instance; empty: a key file in the data directory
 * ({@link JobSecrets})
 */
@ConfigurationProperties("ranklab.jobs")
record JobProperties(@DefaultValue("2") int threads, @DefaultValue("10s") Duration pollingInterval,
		@DefaultValue("10s") Duration heartbeatInterval, @DefaultValue("6") int missedHeartbeats,
		@DefaultValue("1s") Duration beatInterval, @DefaultValue("3") int maxAttempts,
		@DefaultValue("5s") Duration shutdownMaxWait, @DefaultValue("2") int workThreads,
		@DefaultValue("") String secretKey) {
}
