package org.ranklab.jobs;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import org.ranklab.IntegrationTest;
import org.ranklab.prompt.generation.ModelServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Jobs outlive their workers: these tests write the database state a crashed instance
 * leaves behind and watch the running app deal with it.
 */
class JobRecoveryTests extends IntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JobRunner runner;

	private ModelServer model;

	@BeforeEach
	void startModelServer() {
		model = new ModelServer();
	}

	@AfterEach
	void stopModelServer() {
		model.close();
	}

	@Test
	void resumesAJobWhoseWorkerDied() {
		long project = newProject("{\"name\":\"Crashed worker\"}");
		long done = waitingPrompt(project, "Finished before the crash.");
		long waiting = waitingPrompt(project, "Still waiting.");
		String parameters = """
				{"base_url":"%s","model":"test-model","n":4,"temperature":1.0,"max_tokens":32,"with_api_key":true}"""
			.formatted(model.baseUrl());
		long job = jdbc
			.sql("""
					INSERT INTO jobs (type, project_id, status, progress, parameters, details, attempts, started_at, heartbeat)
					VALUES ('generation', ?, 'RUNNING', 0.5, ?::jsonb, ?::jsonb, 1, now() - interval '1 hour',
					        now() - interval '1 hour')
					RETURNING id""")
			.params(project, parameters, "{\"prompts_total\":2,\"up_to_prompt_id\":%d}".formatted(waiting))
			.query(Long.class)
			.single();
		// The first prompt got its candidates before the instance died.
		for (int position = 0; position < 4; position++) {
			jdbc.sql("INSERT INTO candidates (prompt_id, position, text) VALUES (?, ?, ?)")
				.params(done, position, "earlier " + position)
				.update();
		}
		jdbc.sql("UPDATE prompts SET ready_at = now() WHERE id = ?").param(done).update();
		// Its queue entry, picked by an instance that stopped beating an hour ago.
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,
				                             last_heartbeat, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now() - interval '1 hour', true, 'crashed-host#1',
				        now() - interval '1 hour', 1)""")
			.params(Long.toString(job), "{\"jobId\":%d,\"secret\":\"resumed-key\"}".formatted(job))
			.update();

		JsonNode ended = awaitEnd(job);

		assertThat(ended.path("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(ended.path("attempts").asInt()).isEqualTo(2);
		assertThat(ended.path("details").path("prompts_done").asInt()).isEqualTo(2);
		assertThat(model.calls()).extracting(ModelServer.Call::prompt).containsOnly("Still waiting.");
		assertThat(model.calls()).extracting(ModelServer.Call::authorization).containsOnly("Bearer resumed-key");
		assertThat(jdbc.sql("SELECT count(*) FROM candidates WHERE prompt_id = ?")
			.param(waiting)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(queueEntries(job)).isZero();
	}

	@Test
	void cancellingAQueuedJobEndsItAndDropsItsQueueEntry() {
		long project = newProject("{\"name\":\"Queued for later\"}");
		long job = jdbc.sql("INSERT INTO jobs (type, project_id) VALUES ('generation', ?) RETURNING id")
			.param(project)
			.query(Long.class)
			.single();
		queueForLater(job, "{\"jobId\":%d,\"secret\":\"never-used\"}".formatted(job));

		JsonNode cancelled = api.post("/api/v1/jobs/" + job + "/cancel", admin(), null).expectStatus(202).json();

		assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.path("finished_at").isString()).isTrue();
		assertThat(queueEntries(job)).isZero();
	}

	@Test
	void aJobThatKeepsKillingItsWorkerIsFailedInsteadOfResumedForever() {
		long project = newProject("{\"name\":\"Killer job\"}");
		long job = jdbc
			.sql("""
					INSERT INTO jobs (type, project_id, status, attempts, started_at) VALUES ('generation', ?, 'RUNNING', 3, now())
					RETURNING id""")
			.param(project)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now(), false, 1)""")
			.params(Long.toString(job), "{\"jobId\":%d}".formatted(job))
			.update();

		JsonNode ended = awaitEnd(job);

		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("message").asString()).contains("died 3 times");
		assertThat(model.calls()).isEmpty();
	}

	@Test
	void aJobWhoseKeyWasEncryptedElsewhereFailsWithTheReason() {
		long project = newProject("{\"name\":\"Foreign key\"}");
		long job = jdbc.sql("INSERT INTO jobs (type, project_id) VALUES ('generation', ?) RETURNING id")
			.param(project)
			.query(Long.class)
			.single();
		String sealedElsewhere = JobSecrets.withKey("AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=")
			.seal("sk-elsewhere");
		jdbc.sql("""
				INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version)
				VALUES ('ranklab-job', ?, convert_to(?, 'UTF8'), now(), false, 1)""")
			.params(Long.toString(job), "{\"jobId\":%d,\"secret\":\"%s\"}".formatted(job, sealedElsewhere))
			.update();

		JsonNode ended = awaitEnd(job);

		assertThat(ended.path("status").asString()).isEqualTo("FAILED");
		assertThat(ended.path("message").asString()).contains("ranklab.jobs.secret-key");
		assertThat(model.calls()).isEmpty();
	}

	@Test
	void runsEachJobOnceWhenTwoInstancesShareTheQueue() throws Exception {
		// A second instance: another db-scheduler on the same database, running the same
		// jobs.
		Scheduler second = Scheduler.create(dataSource, runner.task())
			.schedulerName(new SchedulerName.Fixed("second-instance"))
			.serializer(new JsonTaskDataSerializer())
			.threads(2)
			.pollingInterval(Duration.ofMillis(100))
			.build();
		second.start();
		try {
			List<Long> jobs = new java.util.ArrayList<>();
			for (int i = 0; i < 6; i++) {
				long project = newProject("{\"name\":\"Two instances " + i + "\"}");
				waitingPrompt(project, "Prompt of project " + project);
				String body = "{\"base_url\":\"" + model.baseUrl() + "\",\"model\":\"m\"}";
				jobs.add(Long.parseLong(api.post("/api/v1/projects/" + project + "/generation", admin(), body)
					.expectStatus(202)
					.json()
					.path("job_id")
					.asString()));
			}

			for (long job : jobs) {
				JsonNode ended = awaitEnd(job);
				assertThat(ended.path("status").asString()).isEqualTo("SUCCEEDED");
				assertThat(ended.path("attempts").asInt()).isEqualTo(1);
			}
			assertThat(model.calls()).hasSize(6);
			assertThat(model.calls()).extracting(ModelServer.Call::prompt).doesNotHaveDuplicates();
		}
		finally {
			second.stop();
		}
	}

	private long waitingPrompt(long project, String text) {
		return jdbc.sql("INSERT INTO prompts (project_id, text) VALUES (?, ?) RETURNING id")
			.params(project, text)
			.query(Long.class)
			.single();
	}

	private long queueEntries(long job) {
		return jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_instance = ?")
			.param(Long.toString(job))
			.query(Long.class)
			.single();
	}

	/** Polls the job until it ends, for at most 20 seconds. */
	private JsonNode awaitEnd(long job) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (true) {
			JsonNode state = api.get("/api/v1/jobs/" + job, admin()).expectStatus(200).json();
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(state.path("status").asString())) {
				return state;
			}
			if (System.nanoTime() > deadline) {
				fail("job %d did not end within 20 s; last seen: %s", job, state);
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
