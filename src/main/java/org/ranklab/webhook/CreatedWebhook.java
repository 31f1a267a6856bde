package org.ranklab.webhook;

import java.time.Instant;
import java.util.List;

/** A hook just made, with its signing secret: the one time the secret is shown. */
record CreatedWebhook(String id, String url, List<WebhookEvent> events, String projectId, Instant createdAt,
		String secret) {

	static CreatedWebhook of(Webhook hook, String secret) {
		return new CreatedWebhook(hook.id(), hook.url(), hook.events(), hook.projectId(), hook.createdAt(), secret);
	}

}
