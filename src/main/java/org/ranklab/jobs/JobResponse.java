package org.ranklab.jobs;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;

/** A job as {@code GET /api/v1/jobs/{id}} shows it: never a secret. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JobResponse(String id, String type, String projectId, JobStatus status, double progress, String message,
		JsonNode parameters, JsonNode details, boolean cancelRequested, int attempts, Instant createdAt,
		Instant startedAt, Instant finishedAt, Instant heartbeat) {

	static JobResponse of(Job job) {
		return new JobResponse(Long.toString(job.id()), job.type(),
				job.projectId() == null ? null : Long.toString(job.projectId()), job.status(), job.progress(),
				job.message(), job.parameters(), job.details(), job.cancelRequested(), job.attempts(), job.createdAt(),
				job.startedAt(), job.finishedAt(), job.heartbeat());
	}

}
