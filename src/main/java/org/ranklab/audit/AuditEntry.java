package org.ranklab.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One logged admin action, as the page and the API show it. */
record AuditEntry(String id, Instant at, String actor, String action, String subjectType, String subjectId,
		String projectId, JsonNode before, JsonNode after) {
}
