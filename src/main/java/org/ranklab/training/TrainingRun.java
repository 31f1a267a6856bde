package org.ranklab.training;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/**
 * A training run as {@code GET /api/v1/training-runs/{id}} shows it. Status, progress and
 * message come from the run's job, which the jobs infrastructure keeps honest (a dead
 * worker's job is revived or failed).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TrainingRun(String id, String projectId, String jobId, String status, double progress, String message,
		String objective, String architecture, String source, JsonNode settings, JsonNode metrics, String rewardModelId,
		String error, boolean cancelRequested, int attempts, Instant createdAt, Instant startedAt, Instant finishedAt) {
}
