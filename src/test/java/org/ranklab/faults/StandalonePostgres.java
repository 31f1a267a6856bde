package org.ranklab.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A PostgreSQL server of the test's own, outside the app processes, that can be stopped
 * and started again on the same data and port. Configured like the app's kept embedded
 * server: fsync and synchronous commit on, so that what was committed survives a stop.
 */
final class StandalonePostgres implements AutoCloseable {

	private final Path dataDir;

	private final int port;

	private EmbeddedPostgres server;

	private HikariDataSource pool;

	private StandalonePostgres(Path dataDir, int port) {
		this.dataDir = dataDir;
		this.port = port;
	}

	static StandalonePostgres start(Path dataDir) {
		StandalonePostgres postgres = new StandalonePostgres(dataDir, freePort());
		postgres.start();
		return postgres;
	}

	synchronized void start() {
		if (server != null) {
			return;
		}
		try {
			server = EmbeddedPostgres.builder()
				.setDataDirectory(dataDir)
				.setCleanDataDirectory(false)
				.setPort(port)
				.setServerConfig("max_connections", "200")
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
		}
		catch (IOException e) {
			throw new UncheckedIOException("PostgreSQL did not start on " + dataDir, e);
		}
	}

	/**
	 * Stops the server (fast shutdown: open connections are cut, running transactions
	 * roll back).
	 */
	synchronized void stop() {
		if (server == null) {
			return;
		}
		if (pool != null) {
			pool.close();
			pool = null;
		}
		try {
			server.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			server = null;
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	/**
	 * The test's own client, on a small pool of its own; take a new one after a restart.
	 */
	synchronized JdbcClient jdbc() {
		if (pool == null) {
			pool = new HikariDataSource();
			pool.setJdbcUrl(jdbcUrl());
			pool.setUsername("postgres");
			pool.setMaximumPoolSize(4);
			pool.setPoolName("fault-test");
		}
		return JdbcClient.create(pool);
	}

	@Override
	public void close() {
		stop();
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
