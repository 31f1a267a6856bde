package org.ranklab.faults;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.ApiClient;
import org.ranklab.training.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The app process killed with SIGKILL (no shutdown hook, nothing graceful) while it
 * trains a reward model and, at the same time, imports a large file; then started again
 * on the same database. The training run is not left RUNNING: the restarted instance
 * resumes and completes it. The import leaves nothing behind, and the same file imports
 * again.
 * <p>
 * In the test-only {@code org.ranklab.faults} package: it runs the whole app as separate
 * processes and checks several modules (see {@link DatabaseOutageTests}).
 */
class AppKilledTests {

	private static final int EPOCHS = 20;

	/**
	 * Lines the import sends before it stalls, mid-body: two of the importer's batches of
	 * 2000 are written.
	 */
	private static final int LINES_BEFORE_STALL = 5_000;

	@RegisterExtension
	static final SeparateProcesses processes = new SeparateProcesses("app-killed");

	private static final CountDownLatch releaseStalledBody = new CountDownLatch(1);

	private static AppProcess restarted;

	private static long run;

	private static long importProject;

	private static CompletableFuture<HttpResponse<String>> killedImport;

	@BeforeAll
	static void killTheAppWhileItTrainsAndImports() throws Exception {
		AppProcess first = processes.startApp("first");
		Admin admin = new Admin(first);
		JdbcClient jdbc = processes.postgres().jdbc();

		importProject = admin.newProject("{\"name\":\"Killed while importing\"}");
		HttpRequest stalledImport = HttpRequest
			.newBuilder(URI.create(first.baseUrl() + "/api/v1/projects/" + importProject + "/prompts"))
			.header("Authorization", Admin.CREDENTIALS.header())
			.header("Content-Type", "application/x-ndjson")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new StallingBody(LINES_BEFORE_STALL)))
			.timeout(Duration.ofSeconds(300))
			.build();
		killedImport = HttpClient.newHttpClient().sendAsync(stalledImport, HttpResponse.BodyHandlers.ofString());

		long trainingProject = admin.newProject("{\"name\":\"Killed while training\"}");
		new RankingFixture(jdbc).easyRankings(trainingProject, 150, 7, false);
		awaitImportWriting(jdbc);
		run = Long.parseLong(admin.api()
			.post("/api/v1/projects/" + trainingProject + "/training-runs", Admin.CREDENTIALS,
					"{\"epochs\":%d,\"batch_size\":8,\"validation_fraction\":0.2,\"seed\":42}".formatted(EPOCHS))
			.expectStatus(202)
			.json()
			.path("id")
			.asString());

		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (epochsWritten(jdbc) < 1) {
			if (System.nanoTime() > deadline) {
				fail("the run did not finish an epoch within 120 s: %s",
						admin.api().get("/api/v1/training-runs/" + run, Admin.CREDENTIALS).body());
			}
			AppProcess.pause(50);
		}
		assertThat(importIsWriting(jdbc)).as("the import is still writing when the app is killed").isTrue();
		assertThat(runStatus(jdbc)).as("the run is still going when the app is killed").isEqualTo("RUNNING");
		System.out.printf("App killed: training run %d at epoch %d of %d, import mid-body%n", run, epochsWritten(jdbc),
				EPOCHS);
		first.kill();
		releaseStalledBody.countDown();

		restarted = processes.startApp("restarted");
	}

	@AfterAll
	static void releaseTheBody() {
		releaseStalledBody.countDown();
	}

	/** Jobs still queued or running once they all ended or the wait ran out. */
	private static long jobsLeftAfter(JdbcClient jdbc, Duration wait) {
		long deadline = System.nanoTime() + wait.toNanos();
		while (true) {
			long left = jdbc.sql("SELECT count(*) FROM jobs WHERE status IN ('QUEUED', 'RUNNING')")
				.query(Long.class)
				.single();
			if (left == 0 || System.nanoTime() > deadline) {
				return left;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return left;
			}
		}
	}

	@Test
	void aTrainingRunCutShortBySigkillIsCompletedByTheRestartedApp() {
		ApiClient api = restarted.api();
		long restartedAt = System.nanoTime();
		JsonNode ended = Admin.awaitEndOfRun(api, Long.toString(run), Duration.ofSeconds(180));
		System.out.printf("Training run %d ended %s %.1f s after the restarted app was ready, attempt %d%n", run,
				ended.path("status").asString(), (System.nanoTime() - restartedAt) / 1e9,
				ended.path("attempts").asInt());

		assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
		assertThat(ended.path("attempts").asInt()).isEqualTo(2);
		// One series of metrics, from the attempt that completed: epochs 1..n, each once.
		assertThat(ended.path("metrics").valueStream().map(epoch -> epoch.path("epoch").asInt()).toList())
			.isEqualTo(IntStream.rangeClosed(1, EPOCHS).boxed().toList());
		JdbcClient jdbc = processes.postgres().jdbc();
		assertThat(jdbc.sql("SELECT count(*) FROM reward_models WHERE training_run_id = ?")
			.param(run)
			.query(Long.class)
			.single()).isEqualTo(1);
		// A successful run queues the scoring of open prompts (model margins): it too
		// must end.
		assertThat(jobsLeftAfter(jdbc, Duration.ofSeconds(60))).as("jobs left queued or running").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single()).as("queue entries left")
			.isZero();
		String model = ended.path("reward_model_id").asString();
		JsonNode scores = api
			.post("/api/v1/reward-models/" + model + "/score", Admin.CREDENTIALS,
					"{\"prompt\":\"question\",\"responses\":[\"helpful clear accurate\",\"rude wrong sloppy\"]}")
			.expectStatus(200)
			.json()
			.path("scores");
		assertThat(scores.get(0).asDouble()).isGreaterThan(scores.get(1).asDouble());
	}

	@Test
	void anImportCutShortBySigkillLeavesNothingAndImportsAgain() {
		assertThat(killedImport).failsWithin(Duration.ofSeconds(30));
		JdbcClient jdbc = processes.postgres().jdbc();
		assertThat(jdbc.sql("SELECT count(*) FROM prompts WHERE project_id = ?")
			.param(importProject)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = ?")
			.param(importProject)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM prompt_slots WHERE project_id = ?")
			.param(importProject)
			.query(Long.class)
			.single()).isZero();

		// The same records again, as a user would resend the file: none counts as a
		// duplicate of a half-import.
		JsonNode result = restarted.api()
			.send("POST", "/api/v1/projects/" + importProject + "/prompts", Admin.CREDENTIALS, "application/x-ndjson",
					Admin.promptLines("big-", 3_000))
			.expectStatus(201)
			.json();
		assertThat(result.path("imported").asInt()).isEqualTo(3_000);
		assertThat(result.path("duplicates").asInt()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM candidates c JOIN prompts p ON p.id = c.prompt_id WHERE p.project_id = ?")
			.param(importProject)
			.query(Long.class)
			.single()).isEqualTo(12_000);
	}

	private static int epochsWritten(JdbcClient jdbc) {
		return jdbc.sql("SELECT jsonb_array_length(metrics) FROM training_runs WHERE id = ?")
			.param(run)
			.query(Integer.class)
			.single();
	}

	private static String runStatus(JdbcClient jdbc) {
		return jdbc.sql("SELECT status FROM training_runs WHERE id = ?").param(run).query(String.class).single();
	}

	private static void awaitImportWriting(JdbcClient jdbc) {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (!importIsWriting(jdbc)) {
			if (System.nanoTime() > deadline || killedImport.isDone()) {
				fail("the import did not start writing within 120 s; its answer: %s", killedImport.getNow(null));
			}
			AppProcess.pause(50);
		}
	}

	/**
	 * The import's transaction holds the project's import lock and has written rows (it
	 * has a transaction id), none of them committed.
	 */
	private static boolean importIsWriting(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.locktype = 'advisory' AND l.granted AND l.objid = ? AND a.backend_xid IS NOT NULL""")
			.param(importProject)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * An NDJSON body that sends its first lines, then waits (mid-body) until the test
	 * lets it end.
	 */
	private static final class StallingBody extends InputStream {

		private final int lines;

		private int line;

		private byte[] current = new byte[0];

		private int position;

		StallingBody(int lines) {
			this.lines = lines;
		}

		@Override
		public int read() {
			byte[] one = new byte[1];
			int read = read(one, 0, 1);
			return read < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (position == current.length) {
				if (line == lines) {
					try {
						releaseStalledBody.await(300, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					}
					return -1;
				}
				current = (Admin.promptLine("big-" + line++) + "\n").getBytes(StandardCharsets.UTF_8);
				position = 0;
			}
			int count = Math.min(length, current.length - position);
			System.arraycopy(current, position, buffer, offset, count);
			position += count;
			return count;
		}

	}

}
