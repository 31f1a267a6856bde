package org.ranklab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.postgresql.ds.PGSimpleDataSource;
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
 * used. Every connection needs the superuser's password (SCRAM): random, and for kept
 * data kept in {@code ${ranklab.secrets-dir}/postgres-password}, away from the data.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	/** The superuser's password, kept in the secrets directory for a kept database. */
	static final String PASSWORD_FILE = "postgres-password";

	private static final String SCRAM = "scram-sha-256";

	/** A pg_hba.conf line that lets its connections in without a password. */
	private static final Pattern TRUST = Pattern.compile("\\strust\\s*$");

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(Environment env) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setServerConfig("max_connections", "200")
			.setPGStartupWait(Duration.ofSeconds(60))
			// Closed by Spring after the beans that use it (jobs, pool), not by a JVM
			// hook racing them.
			.setRegisterShutdownHook(false);
		String password;
		boolean trusting = false;
		if (env.getProperty("ranklab.embedded-postgres.ephemeral", Boolean.class, false)) {
			password = SecretFile.random();
		}
		else {
			Path dataDir = Path.of(env.getRequiredProperty("ranklab.data-dir"), "postgres").toAbsolutePath();
			Path passwordFile = Path.of(env.getRequiredProperty("ranklab.secrets-dir"), PASSWORD_FILE).toAbsolutePath();
			stopServerLeftBehind(dataDir);
			boolean exists = Files.exists(dataDir.resolve("PG_VERSION"));
			trusting = exists && trustsLocalConnections(dataDir);
			if (exists && !trusting && Files.notExists(passwordFile)) {
				throw new IllegalStateException("The password of the embedded PostgreSQL in " + dataDir
						+ " was kept in " + passwordFile + ", which is missing: restore it, or replace '" + SCRAM
						+ "' by 'trust' in " + dataDir.resolve("pg_hba.conf")
						+ " and start again to have a new one set (see SECURITY.md)");
			}
			password = SecretFile.readOrCreate(passwordFile);
			// Kept data must survive a crash: zonky turns fsync and synchronous commit
			// off for tests.
			builder.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on");
			log.info("Embedded PostgreSQL data directory: {}, its password in {}", dataDir, passwordFile);
		}
		// zonky runs initdb with "-A trust", then these: a later --auth wins, so no local
		// user or process can connect without the password, not even for a moment.
		Path pwfile = Files.createTempFile("ranklab-pg", ".pw",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			Files.writeString(pwfile, password, StandardCharsets.US_ASCII);
			builder.setLocaleConfig("auth", SCRAM)
				.setLocaleConfig("pwfile", pwfile.toString())
				.setConnectConfig("password", password);
			EmbeddedPostgres postgres = builder.start();
			if (trusting) {
				requirePassword(postgres, password);
			}
			return postgres;
		}
		finally {
			Files.deleteIfExists(pwfile);
		}
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
			.password(((PGSimpleDataSource) postgres.getPostgresDatabase()).getPassword())
			.build();
	}

	/**
	 * Whether the data directory's pg_hba.conf lets local connections in without a
	 * password, as zonky's initdb set it up before the app gave its PostgreSQL one.
	 */
	private static boolean trustsLocalConnections(Path dataDir) throws IOException {
		return Files.readAllLines(dataDir.resolve("pg_hba.conf"))
			.stream()
			.map(String::strip)
			.anyMatch(line -> !line.startsWith("#") && TRUST.matcher(line).find());
	}

	/**
	 * Gives a data directory made before the app set a password one: the superuser's
	 * password, then password authentication for every connection, reloaded at once.
	 */
	private static void requirePassword(EmbeddedPostgres postgres, String password) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			// The password is URL-safe base64: nothing to quote.
			statement.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
			try (ResultSet hba = statement.executeQuery("SHOW hba_file")) {
				hba.next();
				Path file = Path.of(hba.getString(1));
				List<String> lines = Files.readAllLines(file)
					.stream()
					.map(line -> line.strip().startsWith("#") ? line : TRUST.matcher(line).replaceFirst(" " + SCRAM))
					.toList();
				Files.write(file, lines);
			}
			statement.execute("SELECT pg_reload_conf()");
			log.warn("The embedded PostgreSQL trusted local connections; it now requires the password kept in {}",
					PASSWORD_FILE);
		}
		catch (SQLException e) {
			throw new IOException("could not give the embedded PostgreSQL a password", e);
		}
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
