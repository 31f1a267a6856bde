package org.ranklab.training;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Training runs outlive their workers: these tests write the state a crashed instance
 * leaves behind (a RUNNING run and job with a stale heartbeat, its queue entry picked by
 * a dead host) and watch the running app deal with it.
 */
class TrainingRecoveryTests extends IntegrationTest {

	private static final String SETTINGS = """
			{"objective":"rank","architecture":"pooled","source":"rankings","epochs":2,"learning_rate":0.003,
			 "batch_size":8,"validation_fraction":0.2,"seed":42}""";

	@Test
	void aRunWhoseWorkerDiedIsResumedAndCompletes() {
		long project = newProject("{\"name\":\"Crashed trainer\"}");
		new RankingFixture(jdbc).easyRankings(project, 40, 9, false);
		long run = deadRun(project, 1);
		// The dead attempt's queue entry, picked by an instance that stopped beating an
		// hour ago.
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
				                             last_heartbeat, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now() - interval '1 hour', true, 'crashed-host#1',
				        now() - interval '1 hour', 1)""")
			.params(Long.toString(jobOf(run)), "{\"jobId\":%d}".formatted(jobOf(run)))
			.update();

		JsonNode ended = awaitEnd(run);

		assertThat(ended.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(ended.path("attempts").asInt()).isEqualTo(2);
		// Training started over: the dead attempt's half-written metrics were replaced.
		assertThat(ended.path("metrics").size()).isEqualTo(2);
		assertThat(ended.path("metrics").get(0).path("train_loss").asDouble()).isNotEqualTo(9.0);
		assertThat(jdbc.sql("SELECT count(*) FROM reward_models WHERE training_run_id = ?")
			.param(run)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRunWhoseWorkersKeptDyingEndsFailedWithAReason() {
		long project = newProject("{\"name\":\"Killer run\"}");
		new RankingFixture(jdbc).easyRankings(project, 5, 9, false);
		long run = deadRun(project, 3);
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now(), false, 1)""")
			.params(Long.toString(jobOf(run)), "{\"jobId\":%d}".formatted(jobOf(run)))
			.update();

		JsonNode ended = awaitEnd(run);

		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("error").asString()).contains("died 3 times");
		assertThat(jdbc.sql("SELECT status FROM training_runs WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("FAILED");
	}

	@Test
	void aRunEndsInTheTransactionThatEndsItsJobWithoutBeingRead() {
		long project = newProject("{\"name\":\"Killer run, unread\"}");
		long run = deadRun(project, 3);
		long job = jobOf(run);
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now(), false, 1)""")
			.params(Long.toString(job), "{\"jobId\":%d}".formatted(job))
			.update();

		// Only the tables are watched: no request reads the run.
		awaitRow(() -> jdbc.sql("SELECT status IN ('SUCCEEDED', 'FAILED', 'CANCELLED') FROM jobs WHERE id = ?")
			.param(job)
			.query(Boolean.class)
			.single());

		Map<String, Object> row = jdbc.sql("SELECT status, error, finished_at FROM training_runs WHERE id = ?")
			.param(run)
			.query()
			.singleRow();
		assertThat(row.get("status")).isEqualTo("FAILED");
		assertThat((String) row.get("error")).contains("died 3 times");
		assertThat(row.get("finished_at")).isNotNull();
	}

	@Test
	void cancellingAQueuedRunEndsItsRowWithItsJob() {
		long project = newProject("{\"name\":\"Cancelled before training\"}");
		long run = jdbc.sql("""
				INSERT INTO training_runs (project_id, objective, architecture, source, settings)
				VALUES (?, 'rank', 'pooled', 'rankings', ?::jsonb) RETURNING id""")
			.params(project, SETTINGS)
			.query(Long.class)
			.single();
		long job = jdbc.sql("""
				INSERT INTO jobs (type, project_id, parameters, exclusive_key) VALUES ('training', ?, ?::jsonb, ?)
				RETURNING id""")
			.params(project, "{\"training_run_id\":%d}".formatted(run), "training:project:" + project)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE training_runs SET job_id = ? WHERE id = ?").params(job, run).update();
		queueForLater(job, "{\"jobId\":%d}".formatted(job));

		JsonNode cancelled = api.post("/api/v1/training-runs/" + run + "/cancel", admin(), null)
			.expectStatus(202)
			.json();

		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(jdbc.sql("SELECT status FROM training_runs WHERE id = ?").param(run).query(String.class).single())
			.isEqualTo("CANCELLED");
	}

	@Test
	void readingRunsShowsTheirJobsAndLeavesTheTableAsItWas() {
		long project = newProject("{\"name\":\"Read only\"}");
		// A run whose job ended while its row did not follow (as rows ended before
		// JobFinished existed): reads show the job's end without writing it.
		long run = deadRun(project, 1);
		jdbc.sql("""
				UPDATE jobs SET status = 'FAILED', message = 'the worker gave up', finished_at = now(),
				                cancel_requested = true
				WHERE id = ?""").param(jobOf(run)).update();
		String before = table(project);

		JsonNode one = api.get("/api/v1/training-runs/" + run, admin()).expectStatus(200).json();
		JsonNode list = api.get("/api/v1/projects/" + project + "/training-runs", admin()).expectStatus(200).json();

		assertThat(list.get(0)).isEqualTo(one);
		assertThat(one.path("status").asString()).isEqualTo("FAILED");
		assertThat(one.path("error").asString()).isEqualTo("the worker gave up");
		assertThat(one.path("message").asString()).isEqualTo("the worker gave up");
		assertThat(one.path("progress").asDouble()).isEqualTo(0.5);
		assertThat(one.path("attempts").asInt()).isEqualTo(1);
		assertThat(one.path("cancel_requested").asBoolean()).isTrue();
		assertThat(one.path("objective").asString()).isEqualTo("rank");
		assertThat(one.path("architecture").asString()).isEqualTo("pooled");
		assertThat(one.path("finished_at").isString()).isTrue();
		assertThat(one.path("metrics").size()).isEqualTo(1);
		assertThat(table(project)).isEqualTo(before);
	}

	/** The project's training runs, every column, as text. */
	private String table(long project) {
		return jdbc.sql("SELECT jsonb_agg(to_jsonb(r) ORDER BY r.id)::text FROM training_runs r WHERE r.project_id = ?")
			.param(project)
			.query(String.class)
			.single();
	}

	/** Waits at most 60 seconds for the condition, reading nothing but the database. */
	private static void awaitRow(java.util.function.BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				fail("not there within 60 s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	/**
	 * A run and its job as an instance leaves them when it dies mid-epoch,
	 * {@code attempts} times so far.
	 */
	private long deadRun(long project, int attempts) {
		long run = jdbc.sql("""
				INSERT INTO training_runs (project_id, status, objective, architecture, source, settings, metrics,
				                           started_at)
				VALUES (?, 'RUNNING', 'rank', 'pooled', 'rankings', ?::jsonb,
				        '[{"epoch":1,"train_loss":9.0,"val_loss":9.0,"val_accuracy":0.5}]', now() - interval '1 hour')
				RETURNING id""").params(project, SETTINGS).query(Long.class).single();
		long job = jdbc
			.sql("""
					INSERT INTO jobs (type, project_id, status, progress, parameters, attempts, exclusive_key, started_at,
					                  heartbeat)
					VALUES ('training', ?, 'RUNNING', 0.5, ?::jsonb, ?, ?, now() - interval '1 hour', now() - interval '1 hour')
					RETURNING id""")
			.params(project, "{\"training_run_id\":%d}".formatted(run), attempts, "training:project:" + project)
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE training_runs SET job_id = ? WHERE id = ?").params(job, run).update();
		return run;
	}

	private long jobOf(long run) {
		return jdbc.sql("SELECT job_id FROM training_runs WHERE id = ?").param(run).query(Long.class).single();
	}

	/**
	 * Polls the run until it ends, for at most 60 seconds (a dead execution is noticed
	 * after a few heartbeats).
	 */
	private JsonNode awaitEnd(long run) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode state = api.get("/api/v1/training-runs/" + run, admin()).expectStatus(200).json();
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state.path("status").asString())) {
				return state;
			}
			if (System.nanoTime() > deadline) {
				fail("training run %d did not end within 60 s; last seen: %s", run, state);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

}
