package org.ranklab.jobs;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JobFinished} is published once per job, by the update that ends it, with the
 * status and message stored.
 */
@RecordApplicationEvents
class JobFinishedTests extends IntegrationTest {

	@Autowired
	private JobStore store;

	@Autowired
	private Jobs jobs;

	@Autowired
	private ApplicationEvents events;

	@Test
	void endingAJobPublishesItsFinalStatusAndMessageOnce() {
		long project = newProject("{\"name\":\"Ending job\"}");
		long job = jdbc.sql("""
				INSERT INTO jobs (type, project_id, status, attempts, started_at, message)
				VALUES ('test-type', ?, 'RUNNING', 1, now(), 'half way') RETURNING id""")
			.param(project)
			.query(Long.class)
			.single();

		store.finish(job, JobStatus.FAILED, null, "the model server refused the key");
		store.finish(job, JobStatus.SUCCEEDED, 1.0, "too late");
		store.finish(job, JobStatus.CANCELLED, null, null);

		assertThat(events.stream(JobFinished.class)).containsExactly(
				new JobFinished(job, "test-type", project, JobStatus.FAILED, "the model server refused the key"));
		assertThat(jobs.get(job).status()).isEqualTo(JobStatus.FAILED);
	}

	@Test
	void theEventCarriesTheStoredMessageWhenTheEndBringsNone() {
		long job = jdbc.sql("""
				INSERT INTO jobs (type, status, attempts, started_at, message)
				VALUES ('test-type', 'RUNNING', 1, now(), 'epoch 3 of 5') RETURNING id""").query(Long.class).single();

		store.finish(job, JobStatus.CANCELLED, null, null);

		assertThat(events.stream(JobFinished.class))
			.containsExactly(new JobFinished(job, "test-type", null, JobStatus.CANCELLED, "epoch 3 of 5"));
	}

	@Test
	void cancellingAQueuedJobPublishesItsEndOnce() {
		long project = newProject("{\"name\":\"Cancelled in the queue\"}");
		long job = jdbc.sql("INSERT INTO jobs (type, project_id) VALUES ('test-type', ?) RETURNING id")
			.param(project)
			.query(Long.class)
			.single();
		queueForLater(job, "{\"jobId\":%d}".formatted(job));

		jobs.cancel(job);
		jobs.cancel(job);

		assertThat(events.stream(JobFinished.class)).containsExactly(
				new JobFinished(job, "test-type", project, JobStatus.CANCELLED, "cancelled before it started"));
	}

	@Test
	void findsManyJobsInOneCallLeavingOutUnknownIds() {
		long first = jdbc.sql("INSERT INTO jobs (type) VALUES ('test-type') RETURNING id").query(Long.class).single();
		long second = jdbc.sql("INSERT INTO jobs (type) VALUES ('test-type') RETURNING id").query(Long.class).single();

		assertThat(jobs.findAll(java.util.List.of(first, second, -1L))).extracting(Job::id)
			.containsExactlyInAnyOrder(first, second);
		assertThat(jobs.findAll(java.util.List.of())).isEmpty();
	}

}
