package org.ranklab.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The processes of one test class: its PostgreSQL and the app processes it starts.
 * Whatever happens, they are all ended after the class (apps first, then the database);
 * when a test or a set-up fails, the end of every app's log is printed with the failure.
 * Register it as a static {@code @RegisterExtension} field.
 */
final class SeparateProcesses
		implements AfterAllCallback, TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	private static final Duration START_LIMIT = Duration.ofSeconds(120);

	private final Path dir;

	private final List<AppProcess> apps = new CopyOnWriteArrayList<>();

	private StandalonePostgres postgres;

	SeparateProcesses(String name) {
		this.dir = Path.of("target", "faults", name).toAbsolutePath();
	}

	synchronized StandalonePostgres postgres() {
		if (postgres == null) {
			deleteDirectory(dir);
			postgres = StandalonePostgres.start(dir.resolve("postgres"));
		}
		return postgres;
	}

	/**
	 * Starts an app process on this class's database and waits until it serves requests.
	 */
	AppProcess startApp(String name) {
		return launchApp(name).awaitReady(START_LIMIT);
	}

	/** Starts an app process without waiting, so that several start side by side. */
	AppProcess launchApp(String name) {
		AppProcess app = AppProcess.launch(name, postgres(), dir);
		apps.add(app);
		return app;
	}

	static Duration startLimit() {
		return START_LIMIT;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			for (AppProcess app : apps) {
				app.close();
			}
		}
		finally {
			if (postgres != null) {
				postgres.close();
			}
		}
	}

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		printLogTails();
		throw failure;
	}

	@Override
	public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		printLogTails();
		throw failure;
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
		printLogTails();
		throw failure;
	}

	private void printLogTails() {
		for (AppProcess app : apps) {
			System.err.println(app.tail(80));
		}
	}

	private static void deleteDirectory(Path path) {
		if (!java.nio.file.Files.exists(path)) {
			return;
		}
		try (var files = java.nio.file.Files.walk(path)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

}
