package org.ranklab.jobs;

import java.util.Map;
import java.util.Objects;

/**
 * A job to start. {@code parameters} are stored and shown to users, so they must never
 * hold a secret; a secret the worker needs (an API key) goes in {@code secret}, which
 * lives only in the queue entry and disappears when the job ends. Jobs with the same
 * {@code exclusiveKey} (may be null) never run side by side.
 */
public record NewJob(String type, Long projectId, Map<String, Object> parameters, String secret, Long createdBy,
		String exclusiveKey) {

	public NewJob {
		Objects.requireNonNull(type, "type");
		parameters = Map.copyOf(parameters);
	}

	@Override
	public String toString() {
		return "NewJob[type=" + type + ", projectId=" + projectId + ", parameters=" + parameters + ", secret="
				+ (secret == null ? "none" : "***") + ", exclusiveKey=" + exclusiveKey + "]";
	}

}
