package org.ranklab.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;

/**
 * db-scheduler on the application's PostgreSQL, configured here rather than by its Spring
 * Boot starter: the 16.x starter is compiled against Spring Boot 3 class names, so on
 * Boot 4 its ordering after the {@code DataSource} auto-configuration is lost and its
 * health and metrics parts never load.
 * <p>
 * The scheduler starts once the context is ready (Flyway has created
 * {@code scheduled_tasks}) and stops first on shutdown, while the database is still
 * there.
 */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

	@Bean(destroyMethod = "")
	Scheduler jobScheduler(DataSource dataSource, JobRunner runner, JobProperties properties) {
		// Transaction-aware, so that a job's row and its queue entry are committed
		// together (Jobs.submit).
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), runner.task())
			.schedulerName(new SchedulerName.Fixed(instanceName()))
			.serializer(new JsonTaskDataSerializer())
			.threads(properties.threads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.missedHeartbeatsLimit(properties.missedHeartbeats())
			.shutdownMaxWait(properties.shutdownMaxWait())
			.enableImmediateExecution()
			.build();
	}

	@Bean
	JobSecrets jobSecrets(JobProperties properties, @Value("${ranklab.secrets-dir}") Path secretsDir,
			@Value("${ranklab.data-dir}") Path dataDir) {
		return properties.secretKey().isBlank()
				? JobSecrets.withKeyFile(secretsDir.resolve(JobSecrets.KEY_FILE), dataDir.resolve(JobSecrets.KEY_FILE))
				: JobSecrets.withKey(properties.secretKey());
	}

	@Bean
	SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
		return new SchedulerLifecycle(scheduler);
	}

	/** Host and process, so that {@code picked_by} tells instances on one host apart. */
	static String instanceName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			host = "unknown-host";
		}
		return host + "#" + ProcessHandle.current().pid();
	}

}
