package org.ranklab.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.ranklab.ApiClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped and started again while labelers work against one app process: every
 * ranking the app acknowledged is stored, calls during the outage are answered (quickly,
 * with a server-error problem) rather than left hanging, and the app serves again by
 * itself once the database is back.
 * <p>
 * Fault and two-instance tests live in this test-only package: they run the whole
 * application as separate processes and check several modules at once, so they belong
 * beside no single feature.
 */
class DatabaseOutageTests {

	private static final int LABELERS = 15;

	private static final Duration OUTAGE = Duration.ofSeconds(7);

	@RegisterExtension
	static final SeparateProcesses processes = new SeparateProcesses("database-outage");

	private static AppProcess app;

	@BeforeAll
	static void startApp() {
		app = processes.startApp("app");
	}

	/** One call made by a labeler's script, when it ended. */
	private record Call(String labeler, String kind, Labeler.Answer answer) {
	}

	@Test
	void everyAcknowledgedRankingSurvivesADatabaseRestartAndTheAppRecoversByItself() throws Exception {
		Admin admin = new Admin(app);
		long project = admin.newProject("{\"name\":\"Outage\",\"rankings_per_prompt\":3}");
		admin.importPrompts(project, 1500);
		List<Labeler> labelers = new ArrayList<>();
		for (int i = 0; i < LABELERS; i++) {
			labelers.add(admin.newLabeler());
		}
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		long hardStop = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		List<Thread> threads = labelers.stream()
			.map(labeler -> new Thread(() -> label(labeler, project, acknowledged, calls, stop, hardStop),
					labeler.name()))
			.toList();
		threads.forEach(Thread::start);
		long outageStart;
		long outageEnd;
		int acknowledgedBefore;
		try {
			AppProcess.pause(3000);
			acknowledgedBefore = acknowledged.size();
			assertThat(acknowledgedBefore).as("rankings acknowledged before the outage").isPositive();

			outageStart = System.nanoTime();
			processes.postgres().stop();
			// A password is checked against the database too: while it is down that is a
			// 503, not a 401.
			ApiClient.Response withPassword = app.api().get("/api/v1/projects", Admin.CREDENTIALS);
			AppProcess.pause(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - outageStart) / 1_000_000));
			withPassword.expectProblem(503);
			processes.postgres().start();
			outageEnd = System.nanoTime();

			long recoveryLimit = outageEnd + Duration.ofSeconds(60).toNanos();
			while (calls.stream()
				.noneMatch(call -> call.kind().equals("rank") && call.answer().isSuccess()
						&& call.answer().endedAtNanos() > outageEnd)
					&& System.nanoTime() < recoveryLimit) {
				AppProcess.pause(50);
			}
			AppProcess.pause(2000);
		}
		finally {
			stop.set(true);
			for (Thread thread : threads) {
				thread.join(30_000);
			}
		}

		List<Call> all = new ArrayList<>(calls);
		long firstRankingAfter = all.stream()
			.filter(call -> call.kind().equals("rank") && call.answer().isSuccess()
					&& call.answer().endedAtNanos() > outageEnd)
			.mapToLong(call -> call.answer().endedAtNanos())
			.min()
			.orElseThrow(() -> new AssertionError("no ranking was acknowledged after the database came back"));
		List<Call> failed = all.stream()
			.filter(call -> !call.answer().isSuccess() && call.answer().status() != 409)
			.toList();
		List<Call> duringOutage = all.stream()
			.filter(call -> call.answer().endedAtNanos() > outageStart
					&& call.answer().endedAtNanos() < firstRankingAfter)
			.toList();
		long resentAndAlreadyStored = all.stream()
			.filter(call -> call.kind().equals("rank") && call.answer().status() == 200)
			.count();
		long slowest = duringOutage.stream().mapToLong(call -> call.answer().millis()).max().orElse(0);
		System.out.printf(
				"Database outage: %d rankings acknowledged before it, %d in all; %d calls ended during the %d s outage "
						+ "and recovery (%d failed: %s; slowest %d ms); first ranking acknowledged %.1f s after "
						+ "PostgreSQL was back; %d rankings resent after a failure were answered as already stored%n",
				acknowledgedBefore, acknowledged.size(), duringOutage.size(), OUTAGE.toSeconds(), failed.size(),
				failed.stream().collect(Collectors.groupingBy(call -> call.answer().status(), Collectors.counting())),
				slowest, (firstRankingAfter - outageEnd) / 1e9, resentAndAlreadyStored);

		// Every acknowledged ranking is stored, under the id the labeler was given.
		JdbcClient jdbc = processes.postgres().jdbc();
		Map<String, String> stored = jdbc.sql("SELECT assignment_id, id FROM rankings WHERE project_id = ?")
			.param(project)
			.query((rs, row) -> Map.entry(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(stored).containsAllEntriesOf(acknowledged);
		// Every call was answered within the client's limit, and every failure is a 503
		// problem.
		assertThat(failed).as("calls during the outage that failed").isNotEmpty();
		assertThat(failed).as("calls that got no answer or another error").allSatisfy(call -> {
			assertThat(call.answer().status()).as(call.toString()).isEqualTo(503);
			assertThat(call.answer().isProblem()).as(call.toString()).isTrue();
		});
		assertThat(slowest).as("longest wait for an answer during the outage, ms").isLessThan(15_000);
		// Recovered by itself: rankings are acknowledged again, and nobody over-filled a
		// prompt meanwhile.
		assertThat((firstRankingAfter - outageEnd) / 1e9).as("seconds until the first ranking after the restart")
			.isLessThan(30);
		assertThat(jdbc
			.sql("SELECT max(c) FROM (SELECT count(*) c FROM rankings WHERE project_id = ? GROUP BY prompt_id) x")
			.param(project)
			.query(Long.class)
			.single()).isLessThanOrEqualTo(3);
	}

	/**
	 * A labeler's loop: task, ranking, task...; a ranking that failed is sent again, as a
	 * script would.
	 */
	private static void label(Labeler labeler, long project, Map<String, String> acknowledged,
			ConcurrentLinkedQueue<Call> calls, AtomicBoolean stop, long hardStop) {
		JsonNode task = null;
		while (!stop.get() && System.nanoTime() < hardStop) {
			if (task == null) {
				Labeler.Answer answer = labeler.next(app.baseUrl(), project);
				calls.add(new Call(labeler.name(), "next", answer));
				if (answer.status() == 200) {
					task = answer.json();
				}
				else if (answer.status() == 204) {
					return;
				}
				else {
					AppProcess.pause(100);
				}
			}
			else {
				String assignment = task.path("assignment_id").asString();
				Labeler.Answer answer = labeler.rank(app.baseUrl(), assignment, Labeler.rankingAsShown(task));
				calls.add(new Call(labeler.name(), "rank", answer));
				if (answer.isSuccess()) {
					acknowledged.put(assignment, answer.json().path("ranking_id").asString());
					task = null;
				}
				else if (answer.status() == 409) {
					task = null;
				}
				else {
					AppProcess.pause(100);
				}
			}
		}
	}

}
