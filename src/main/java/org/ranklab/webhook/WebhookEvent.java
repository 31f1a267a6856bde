package org.ranklab.webhook;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a hook can be told about; the names are the payload's {@code type}. */
enum WebhookEvent {

	RANKING_CREATED("ranking.created"), PROMPT_COMPLETED("prompt.completed"), PROJECT_COMPLETED("project.completed"),
	JOB_FINISHED("job.finished"), TRAINING_RUN_FINISHED("training_run.finished");

	private final String apiName;

	WebhookEvent(String apiName) {
		this.apiName = apiName;
	}

	@JsonValue
	public String apiName() {
		return apiName;
	}

	static Optional<WebhookEvent> fromApiName(String name) {
		return Arrays.stream(values()).filter(event -> event.apiName.equals(name)).findFirst();
	}

}
