package org.ranklab.webhook;

import java.time.Instant;

/**
 * One event sent (or being sent) to one hook: the delivery log's line.
 *
 * @param messageId the {@code webhook-id} header, the same on every try
 * @param status {@code PENDING} (tries left), {@code DELIVERED} or {@code FAILED}
 * @param lastStatusCode the receiver's last HTTP status; null when it was not reached
 */
record Delivery(String id, String webhookId, String messageId, String event, String status, int attempts,
		Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode,
		String lastError, String payload) {

	enum Status {

		PENDING, DELIVERED, FAILED

	}

}
