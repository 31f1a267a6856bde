package org.ranklab.jobs;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** A background job as users follow it. Holds no secret. */
public record Job(long id, String type, Long projectId, JobStatus status, double progress, String message,
		JsonNode parameters, JsonNode details, boolean cancelRequested, int attempts, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant heartbeat) {
}
