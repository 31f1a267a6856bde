package org.ranklab.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How webhooks are delivered ({@code ranklab.webhooks.*}). Which receivers may be called
 * is the generation policy's ({@code ranklab.generation.allowed-hosts}).
 *
 * @param connectTimeout time to open a connection to a receiver
 * @param requestTimeout time for one delivery, from sending to the whole answer
 * @param maxAttempts tries of one delivery before it is given up as failed
 * @param backoffInitial wait before the second try; doubled for each further one, with a
 * random part of up to a quarter either way
 * @param backoffMax the longest wait between tries, also for a receiver's
 * {@code Retry-After}
 * @param maxResponseBytes the most of a receiver's answer read (it is not used)
 */
@ConfigurationProperties("ranklab.webhooks")
record WebhookProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
		@DefaultValue("12") int maxAttempts, @DefaultValue("5s") Duration backoffInitial,
		@DefaultValue("1h") Duration backoffMax, @DefaultValue("64KB") DataSize maxResponseBytes) {

	WebhookProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("ranklab.webhooks.max-attempts must be at least 1");
		}
	}

}
