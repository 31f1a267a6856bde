package org.ranklab.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import org.ranklab.jobs.JobFinished;
import org.ranklab.jobs.WorkQueue;
import org.ranklab.labeling.ProjectCompleted;
import org.ranklab.labeling.PromptCompleted;
import org.ranklab.labeling.RankingSubmitted;
import org.ranklab.training.TrainingRunFinished;

/**
 * Turns events into deliveries, synchronously in the transaction that publishes them: the
 * deliveries and their queue entries commit with what happened, or vanish with it (a
 * transactional outbox). Payloads are thin, per the Standard Webhooks structure:
 * {@code {"type", "timestamp", "data": {ids...}}}, ids as strings like the API's.
 */
@Component
class WebhookOutbox {

	private final WebhookStore store;

	private final WorkQueue queue;

	private final JsonMapper json = JsonMapper.builder().build();

	WebhookOutbox(WebhookStore store, WorkQueue queue) {
		this.store = store;
		this.queue = queue;
	}

	@EventListener
	void rankingCreated(RankingSubmitted ranking) {
		add(WebhookEvent.RANKING_CREATED, ranking.projectId(), data("ranking_id", ranking.rankingId(), "assignment_id",
				ranking.assignmentId(), "project_id", ranking.projectId(), "prompt_id", ranking.promptId()));
	}

	@EventListener
	void promptCompleted(PromptCompleted prompt) {
		Map<String, Object> data = data("project_id", prompt.projectId(), "prompt_id", prompt.promptId());
		data.put("rankings", prompt.rankings());
		add(WebhookEvent.PROMPT_COMPLETED, prompt.projectId(), data);
	}

	@EventListener
	void projectCompleted(ProjectCompleted project) {
		add(WebhookEvent.PROJECT_COMPLETED, project.projectId(), data("project_id", project.projectId()));
	}

	@EventListener
	void jobFinished(JobFinished job) {
		Map<String, Object> data = data("job_id", job.jobId(), "project_id", job.projectId());
		data.put("type", job.type());
		data.put("status", job.status().name());
		data.put("message", job.message());
		add(WebhookEvent.JOB_FINISHED, job.projectId(), data);
	}

	@EventListener
	void trainingRunFinished(TrainingRunFinished run) {
		Map<String, Object> data = data("training_run_id", run.trainingRunId(), "project_id", run.projectId(),
				"reward_model_id", run.rewardModelId());
		data.put("status", run.status().name());
		data.put("error", run.error());
		add(WebhookEvent.TRAINING_RUN_FINISHED, run.projectId(), data);
	}

	private void add(WebhookEvent event, Long projectId, Map<String, Object> data) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", event.apiName());
		payload.put("timestamp", Instant.now().toString());
		payload.put("data", data);
		String messageId = "msg_" + UUID.randomUUID().toString().replace("-", "");
		for (long delivery : store.enqueue(event, projectId, messageId, json.writeValueAsString(payload))) {
			queue.enqueue(WebhookDelivery.TYPE, Long.toString(delivery));
		}
	}

	/** Ids as strings (null stays null), in the order given: name, id, name, id, ... */
	private static Map<String, Object> data(Object... namesAndIds) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < namesAndIds.length; i += 2) {
			Object id = namesAndIds[i + 1];
			data.put((String) namesAndIds[i], id == null ? null : id.toString());
		}
		return data;
	}

}
