package org.ranklab.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.ranklab.ApiClient;

/**
 * The application as a separate JVM, started like
 * {@code java -cp ... org.ranklab.RankLabApplication}, on the test JVM's own class path
 * (without the test classes), on a loopback port, against a PostgreSQL given through
 * {@code SPRING_DATASOURCE_*} (so its embedded server is not started). Its output goes to
 * a file.
 */
final class AppProcess implements AutoCloseable {

	static final String ADMIN_PASSWORD = "admin-password-for-fault-tests";

	/**
	 * Job timings as in the test profile: a dead worker is noticed within seconds instead
	 * of a minute.
	 */
	private static final List<String> SHORT_JOB_TIMINGS = List.of("--ranklab.jobs.polling-interval=500ms",
			"--ranklab.jobs.heartbeat-interval=1s", "--ranklab.jobs.missed-heartbeats=4",
			"--ranklab.jobs.beat-interval=200ms", "--ranklab.jobs.shutdown-max-wait=2s");

	/**
	 * Still running children, killed by a shutdown hook should the test JVM end before
	 * the classes' clean-up.
	 */
	private static final java.util.Set<Process> LIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Process::destroyForcibly), "kill-apps"));
	}

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the process; {@link #awaitReady} waits until it serves requests. */
	static AppProcess launch(String name, StandalonePostgres postgres, Path logDir) {
		int port = StandalonePostgres.freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-XX:+UseSerialGC",
				// The client compiler only: starts in far less CPU time, which is what
				// two cores lack.
				"-XX:TieredStopAtLevel=1", "-Dai.djl.offline=true", "-cp", classPath(),
				"org.ranklab.RankLabApplication", "--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off",
				// Shared by the apps of one test class, like a volume: one key for the
				// API keys of queued jobs.
				"--ranklab.data-dir=" + logDir.toAbsolutePath(), "--ranklab.secrets-dir=" + logDir.toAbsolutePath()));
		command.addAll(SHORT_JOB_TIMINGS);
		try {
			Files.createDirectories(logDir);
			Path log = logDir.resolve(name + ".log");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
			builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
			builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
			builder.environment().put("RANKLAB_ADMIN_PASSWORD", ADMIN_PASSWORD);
			Process process = builder.start();
			LIVE.add(process);
			process.onExit().thenRun(() -> LIVE.remove(process));
			return new AppProcess(name, process, port, log);
		}
		catch (IOException e) {
			throw new UncheckedIOException("could not start " + name, e);
		}
	}

	/**
	 * The test JVM's class path, minus the test classes: the app as it ships, with the
	 * same libraries.
	 */
	private static String classPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	/**
	 * Waits until the health endpoint answers 200 (the database is reachable), at most
	 * {@code limit}.
	 */
	AppProcess awaitReady(Duration limit) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
			}
			try {
				HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
				if (health.statusCode() == 200) {
					return this;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			pause(200);
		}
		throw new IllegalStateException(name + " not ready within " + limit + ":\n" + tail(60));
	}

	String name() {
		return name;
	}

	long pid() {
		return process.pid();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	ApiClient api() {
		return new ApiClient(baseUrl());
	}

	boolean isAlive() {
		return process.isAlive();
	}

	/** SIGKILL: no shutdown hook, no graceful end of anything. */
	void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	/** The app's log so far. */
	String output() {
		try {
			return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
		}
		catch (IOException e) {
			return "(log unreadable: " + e + ")";
		}
	}

	String tail(int lines) {
		List<String> all = output().lines().toList();
		return "---- last lines of " + name + " (" + log.toAbsolutePath() + ") ----\n"
				+ String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
	}

	/**
	 * Stops the process however it must: SIGTERM first, SIGKILL if it does not end within
	 * 15 seconds.
	 */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		awaitExit();
	}

	private void awaitExit() {
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				throw new IllegalStateException(name + " (pid " + process.pid() + ") did not exit");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
