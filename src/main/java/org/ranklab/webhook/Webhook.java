package org.ranklab.webhook;

import java.time.Instant;
import java.util.List;

/** A hook as the API shows it: never its secret. Ids are strings, as everywhere. */
record Webhook(String id, String url, List<WebhookEvent> events, String projectId, Instant createdAt) {
}
