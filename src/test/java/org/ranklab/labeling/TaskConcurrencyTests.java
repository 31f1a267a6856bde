package org.ranklab.labeling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.ApiClient;
import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many labelers at once on the real HTTP server, with fewer places than requests: nothing
 * is over-assigned, nothing is lost, nobody ranks a prompt twice, and no request fails.
 */
class TaskConcurrencyTests extends IntegrationTest {

	private static final int USERS = 50;

	private static final int CYCLES_PER_USER = 20;

	private static final int PROMPTS = 150;

	private static final int PER_PROMPT = 3;

	@Test
	void concurrentLabelersFillEveryPromptExactlyWithoutErrors() throws Exception {
		long project = newProject("{\"name\":\"Rush hour\",\"rankings_per_prompt\":%d}".formatted(PER_PROMPT));
		PromptFixture prompts = new PromptFixture(jdbc);
		for (int i = 0; i < PROMPTS; i++) {
			prompts.readyPrompt(project, 4);
		}
		List<String> failures = new CopyOnWriteArrayList<>();
		Map<String, Boolean> rankedByUser = new ConcurrentHashMap<>();
		AtomicInteger created = new AtomicInteger();

		ExecutorService pool = Executors.newFixedThreadPool(USERS);
		try {
			// Bearer tokens: the load should measure labeling, not BCrypt on every
			// request.
			List<ApiClient.Credentials> labelers = new ArrayList<>();
			for (Future<ApiClient.Credentials> labeler : pool
				.invokeAll(Collections.<Callable<ApiClient.Credentials>>nCopies(USERS,
						() -> ApiClient.bearer(api.post("/api/v1/tokens", newLabeler(), "{\"name\":\"load\"}")
							.expectStatus(201)
							.json()
							.path("token")
							.asString())))) {
				labelers.add(labeler.get());
			}
			List<Future<?>> runs = new ArrayList<>();
			for (int u = 0; u < USERS; u++) {
				int user = u;
				runs.add(pool.submit(() -> {
					ApiClient client = new ApiClient("http://127.0.0.1:" + port);
					for (int cycle = 0; cycle < CYCLES_PER_USER; cycle++) {
						var next = client.post("/api/v1/projects/" + project + "/tasks/next", labelers.get(user), null);
						if (next.status() == 204) {
							return;
						}
						if (next.status() != 200) {
							failures.add("next: " + next.status() + " " + next.body());
							return;
						}
						JsonNode task = next.json();
						if (rankedByUser.put(user + "/" + task.at("/prompt/id").asString(), true) != null) {
							failures.add("user " + user + " got prompt " + task.at("/prompt/id").asString() + " twice");
						}
						var ranked = client.post(
								"/api/v1/assignments/" + task.path("assignment_id").asString() + "/ranking",
								labelers.get(user), TaskApiTests.rankingBody(TaskApiTests.candidateIds(task)));
						if (ranked.status() != 201) {
							failures.add("ranking: " + ranked.status() + " " + ranked.body());
							return;
						}
						created.incrementAndGet();
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(failures).isEmpty();
		assertThat(created.get()).isEqualTo(PROMPTS * PER_PROMPT);
		List<Long> rankingsPerPrompt = jdbc.sql("""
				SELECT count(r.id) FROM prompts p LEFT JOIN rankings r ON r.prompt_id = p.id
				WHERE p.project_id = ? GROUP BY p.id""").params(project).query(Long.class).list();
		assertThat(rankingsPerPrompt).hasSize(PROMPTS).containsOnly((long) PER_PROMPT);
		assertThat(jdbc.sql("SELECT count(*) FROM assignments WHERE project_id = ? AND status <> 'SUBMITTED'")
			.params(project)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("""
					SELECT count(*) FROM (SELECT 1 FROM rankings WHERE project_id = ? GROUP BY prompt_id, user_id HAVING count(*) > 1) twice""")
			.params(project)
			.query(Long.class)
			.single()).isZero();
		JsonNode progress = api.get("/api/v1/projects/" + project, admin()).expectStatus(200).json().path("progress");
		assertThat(progress.path("prompts_complete").asLong()).isEqualTo(PROMPTS);
		assertThat(progress.path("rankings").asLong()).isEqualTo(PROMPTS * PER_PROMPT);
	}

}
