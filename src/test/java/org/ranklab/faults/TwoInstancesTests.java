package org.ranklab.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.ApiClient;
import org.ranklab.training.RankingFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app processes on one PostgreSQL, started side by side on an empty database.
 * Labelers whose calls alternate between them never over-fill a prompt or get a prompt
 * twice; a training run started on one runs once, on one of them, and both serve the
 * model it made with the same scores.
 * <p>
 * In the test-only {@code org.ranklab.faults} package: it runs the whole app as separate
 * processes and checks several modules (see {@link DatabaseOutageTests}).
 */
class TwoInstancesTests {

	private static final int LABELERS = 20;

	private static final int PROMPTS = 100;

	private static final int RANKINGS_PER_PROMPT = 3;

	@RegisterExtension
	static final SeparateProcesses processes = new SeparateProcesses("two-instances");

	private static List<AppProcess> instances;

	@BeforeAll
	static void startTwoInstances() {
		AppProcess a = processes.launchApp("a");
		AppProcess b = processes.launchApp("b");
		a.awaitReady(SeparateProcesses.startLimit());
		b.awaitReady(SeparateProcesses.startLimit());
		instances = List.of(a, b);
	}

	@Test
	void labelersOnBothInstancesNeverOverfillAPromptNorGetOneTwice() throws Exception {
		Admin admin = new Admin(instances.get(0));
		long project = admin
			.newProject("{\"name\":\"Two instances\",\"rankings_per_prompt\":%d}".formatted(RANKINGS_PER_PROMPT));
		admin.importPrompts(project, PROMPTS);
		List<Labeler> labelers = new ArrayList<>();
		for (int i = 0; i < LABELERS; i++) {
			labelers.add(admin.newLabeler());
		}
		JdbcClient jdbc = processes.postgres().jdbc();
		ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
		AtomicLong ranked = new AtomicLong();
		AtomicLong skipped = new AtomicLong();
		long hardStop = System.nanoTime() + Duration.ofSeconds(150).toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < LABELERS; i++) {
			Labeler labeler = labelers.get(i);
			int first = i % 2;
			threads.add(new Thread(() -> label(labeler, first, project, jdbc, ranked, skipped, unexpected, hardStop),
					labeler.name()));
		}
		AtomicBoolean labeling = new AtomicBoolean(true);
		AtomicLong samples = new AtomicLong();
		AtomicLong mostHeld = new AtomicLong();
		Thread sampler = new Thread(() -> {
			while (labeling.get() && System.nanoTime() < hardStop) {
				mostHeld.accumulateAndGet(mostHeldPrompt(jdbc, project), Math::max);
				samples.incrementAndGet();
				AppProcess.pause(100);
			}
		}, "sampler");
		long started = System.nanoTime();
		threads.forEach(Thread::start);
		sampler.start();
		try {
			for (Thread thread : threads) {
				thread.join(Duration.ofSeconds(160).toMillis());
			}
		}
		finally {
			labeling.set(false);
			sampler.join(5_000);
		}
		System.out.printf(
				"Two instances: %d labelers, %d rankings and %d skips in %.1f s; at most %d rankings or "
						+ "open leases on one prompt in %d samples%n",
				LABELERS, ranked.get(), skipped.get(), (System.nanoTime() - started) / 1e9, mostHeld.get(),
				samples.get());

		assertThat(threads).as("labelers still working after the time limit").noneMatch(Thread::isAlive);
		assertThat(unexpected).as("answers other than a task, a 204 or an acknowledged ranking").isEmpty();
		assertThat(mostHeld.get()).as("rankings plus open leases on one prompt, sampled while labeling")
			.isLessThanOrEqualTo(RANKINGS_PER_PROMPT);
		Map<Long, Long> rankingsPerPrompt = jdbc.sql("""
				SELECT p.id, count(r.id) FROM prompts p LEFT JOIN rankings r ON r.prompt_id = p.id
				WHERE p.project_id = ? GROUP BY p.id""")
			.param(project)
			.query((rs, row) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		// Everybody went on until nothing was left: each prompt got exactly its rankings,
		// none more.
		assertThat(rankingsPerPrompt).hasSize(PROMPTS)
			.allSatisfy((prompt, count) -> assertThat(count).as("rankings of prompt %d", prompt)
				.isEqualTo(RANKINGS_PER_PROMPT));
		assertThat(ranked.get()).isEqualTo(PROMPTS * RANKINGS_PER_PROMPT);
		assertThat(skipped.get()).isPositive();
		assertThat(jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM assignments WHERE project_id = ?
				                      GROUP BY user_id, prompt_id HAVING count(*) > 1) twice""")
			.param(project)
			.query(Long.class)
			.single()).as("prompts given twice to the same labeler").isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM assignments WHERE project_id = ? AND status = 'OPEN'")
			.param(project)
			.query(Long.class)
			.single()).as("leases left open").isZero();
	}

	@Test
	void aTrainingRunStartedOnOneInstanceRunsOnceAndBothServeItsModel() {
		JdbcClient jdbc = processes.postgres().jdbc();
		Admin onA = new Admin(instances.get(0));
		long project = onA.newProject("{\"name\":\"Trained on two instances\"}");
		new RankingFixture(jdbc).easyRankings(project, 120, 3, false);
		int epochs = 4;
		String run = onA.api()
			.post("/api/v1/projects/" + project + "/training-runs", Admin.CREDENTIALS,
					"{\"epochs\":%d,\"batch_size\":8,\"validation_fraction\":0.2,\"seed\":42}".formatted(epochs))
			.expectStatus(202)
			.json()
			.path("id")
			.asString();

		JsonNode ended = Admin.awaitEndOfRun(instances.get(1).api(), run, Duration.ofSeconds(120));

		assertThat(ended.path("status").asString()).as(ended.toString()).isEqualTo("SUCCEEDED");
		assertThat(ended.path("attempts").asInt()).isEqualTo(1);
		assertThat(ended.path("metrics").valueStream().map(epoch -> epoch.path("epoch").asInt()).toList())
			.as("one series of metrics")
			.isEqualTo(IntStream.rangeClosed(1, epochs).boxed().toList());
		String job = ended.path("job_id").asString();
		Pattern starts = Pattern.compile("Job " + job + " \\(training\\) starts");
		Map<String, Long> startsPerInstance = instances.stream()
			.collect(Collectors.toMap(AppProcess::name, app -> starts.matcher(app.output()).results().count()));
		System.out.printf("Two instances: training run %s (job %s) started %s times per instance%n", run, job,
				startsPerInstance);
		assertThat(startsPerInstance.values().stream().mapToLong(Long::longValue).sum())
			.as("workers that started the job, per instance: %s", startsPerInstance)
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM reward_models WHERE training_run_id = ?")
			.param(Long.parseLong(run))
			.query(Long.class)
			.single()).isEqualTo(1);

		String model = ended.path("reward_model_id").asString();
		String body = "{\"prompt\":\"question\",\"responses\":[\"helpful clear accurate\",\"rude wrong\",\"the answer\"]}";
		List<List<Double>> byModel = instances.stream()
			.map(app -> scores(app.api().post("/api/v1/reward-models/" + model + "/score", Admin.CREDENTIALS, body)))
			.toList();
		List<List<Double>> byProject = instances.stream()
			.map(app -> scores(
					app.api().post("/api/v1/projects/" + project + "/reward-model/score", Admin.CREDENTIALS, body)))
			.toList();
		assertThat(byModel.get(0)).hasSize(3)
			.isEqualTo(byModel.get(1))
			.isEqualTo(byProject.get(0))
			.isEqualTo(byProject.get(1));
		assertThat(byModel.get(0).get(0)).isGreaterThan(byModel.get(0).get(1));
	}

	/**
	 * A labeler's loop until the project is complete: each call goes to the other
	 * instance than the one before, so a task leased on one is ranked on the other. Every
	 * seventh task is skipped.
	 * <p>
	 * A {@code 204} only means nothing is free for this labeler now: the last slot of a
	 * prompt may be leased by someone who then skips it, which opens it again. So a
	 * labeler stops only once every prompt has its rankings.
	 */
	private static void label(Labeler labeler, int firstInstance, long project, JdbcClient jdbc, AtomicLong ranked,
			AtomicLong skipped, ConcurrentLinkedQueue<String> unexpected, long hardStop) {
		int call = firstInstance;
		int tasks = 0;
		while (System.nanoTime() < hardStop) {
			Labeler.Answer next = labeler.next(instances.get(call++ % 2).baseUrl(), project);
			if (next.status() == 204) {
				if (rankingsOf(jdbc, project) >= PROMPTS * RANKINGS_PER_PROMPT) {
					return;
				}
				AppProcess.pause(100);
				continue;
			}
			if (next.status() != 200) {
				unexpected.add(labeler.name() + " tasks/next: " + next);
				return;
			}
			JsonNode task = next.json();
			String assignment = task.path("assignment_id").asString();
			String instance = instances.get(call++ % 2).baseUrl();
			if (++tasks % 7 == 0) {
				Labeler.Answer skip = labeler.skip(instance, assignment);
				if (skip.status() != 204) {
					unexpected.add(labeler.name() + " skip: " + skip);
					return;
				}
				skipped.incrementAndGet();
				continue;
			}
			Labeler.Answer ranking = labeler.rank(instance, assignment, Labeler.rankingAsShown(task));
			if (ranking.status() != 201) {
				unexpected.add(labeler.name() + " ranking: " + ranking);
				return;
			}
			ranked.incrementAndGet();
		}
		unexpected.add(labeler.name() + " still had tasks when time ran out");
	}

	/**
	 * The most a prompt holds at this moment: its rankings plus the open leases that have
	 * not run out.
	 */
	private static long mostHeldPrompt(JdbcClient jdbc, long project) {
		return jdbc.sql("""
				SELECT coalesce(max(held), 0) FROM (
				    SELECT count(*) AS held FROM assignments
				    WHERE project_id = ? AND (status = 'SUBMITTED' OR (status = 'OPEN' AND lease_expires_at > now()))
				    GROUP BY prompt_id) per_prompt""").param(project).query(Long.class).single();
	}

	private static long rankingsOf(JdbcClient jdbc, long project) {
		return jdbc.sql("SELECT count(*) FROM rankings r JOIN prompts p ON p.id = r.prompt_id WHERE p.project_id = ?")
			.param(project)
			.query(Long.class)
			.single();
	}

	private static List<Double> scores(ApiClient.Response response) {
		return response.expectStatus(200).json().path("scores").valueStream().map(JsonNode::asDouble).toList();
	}

}
