package org.ranklab.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import org.ranklab.jobs.JobSecrets;
import org.ranklab.jobs.RetriedWork;
import org.ranklab.outbound.OutboundPolicy;
import org.ranklab.outbound.PinnedHttpClient;

/**
 * One try of one delivery: checks the receiver's address with the outbound policy (again
 * on every try, as generation does), signs the stored body with a fresh timestamp and
 * {@code POST}s it to exactly the checked addresses, without following redirects. A
 * {@code 2xx} delivers it; anything else (another status, a timeout, no connection) is
 * tried again after an exponential backoff with jitter (at least the receiver's
 * {@code Retry-After}), until {@code max-attempts}; {@code 410 Gone}, a refused address
 * or a secret that cannot be read fail it at once. Delivered at least once: a worker that
 * dies after sending sends again.
 */
@Component
class WebhookDelivery implements RetriedWork {

	static final String TYPE = "webhook-delivery";

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private final WebhookStore store;

	private final OutboundPolicy policy;

	private final JobSecrets secrets;

	private final WebhookProperties properties;

	private final PinnedHttpClient http;

	WebhookDelivery(WebhookStore store, OutboundPolicy policy, JobSecrets secrets, WebhookProperties properties) {
		this.store = store;
		this.policy = policy;
		this.secrets = secrets;
		this.properties = properties;
		this.http = new PinnedHttpClient(properties.connectTimeout(), properties.requestTimeout(),
				properties.maxResponseBytes().toBytes(), "ranklab.webhooks.max-response-bytes",
				(SSLSocketFactory) SSLSocketFactory.getDefault());
	}

	@Override
	public String type() {
		return TYPE;
	}

	@Override
	public Optional<Instant> attempt(String key) throws InterruptedException {
		Optional<WebhookStore.Pending> pending = store.pending(Long.parseLong(key));
		if (pending.isEmpty()) {
			return Optional.empty(); // delivered, failed, or its hook was deleted
		}
		WebhookStore.Pending delivery = pending.get();
		String secret;
		try {
			secret = secrets.open(delivery.sealedSecret());
		}
		catch (GeneralSecurityException e) {
			return giveUp(delivery, null, "the hook's secret was encrypted with another key than this instance's: "
					+ "give every instance the same ranklab.jobs.secret-key");
		}
		URI url = URI.create(delivery.url());
		List<InetAddress> addresses;
		try {
			addresses = policy.check(url);
		}
		catch (OutboundPolicy.Refused e) {
			return giveUp(delivery, null, "url is not allowed: " + e.getMessage());
		}
		byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
		long timestamp = Instant.now().getEpochSecond();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", "application/json");
		headers.put("User-Agent", "RankLab-Webhooks");
		headers.put("webhook-id", delivery.messageId());
		headers.put("webhook-timestamp", Long.toString(timestamp));
		headers.put("webhook-signature", WebhookSignature.sign(secret, delivery.messageId(), timestamp, body));
		PinnedHttpClient.Response response;
		try {
			response = http.post(url, addresses, headers, body);
		}
		catch (HttpTimeoutException e) {
			return retry(delivery, null, "no answer within " + properties.requestTimeout().toSeconds() + " s",
					Duration.ZERO);
		}
		catch (IOException e) {
			return retry(delivery, null, "connection failed: " + e.getClass().getSimpleName()
					+ (e.getMessage() == null ? "" : " " + e.getMessage()), Duration.ZERO);
		}
		int status = response.status();
		if (status >= 200 && status < 300) {
			store.delivered(delivery.id(), status);
			return Optional.empty();
		}
		if (status == 410) {
			return giveUp(delivery, status, "the receiver answered 410 Gone");
		}
		return retry(delivery, status, "the receiver answered " + status, retryAfter(response));
	}

	private Optional<Instant> retry(WebhookStore.Pending delivery, Integer status, String error, Duration atLeast) {
		int attempts = delivery.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			return giveUp(delivery, status, error + "; gave up after " + attempts + " tries");
		}
		Duration wait = backoff(attempts);
		if (atLeast.compareTo(wait) > 0) {
			wait = atLeast.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : atLeast;
		}
		Instant next = Instant.now().plus(wait);
		store.failed(delivery.id(), status, error, next);
		return Optional.of(next);
	}

	private Optional<Instant> giveUp(WebhookStore.Pending delivery, Integer status, String error) {
		log.warn("Webhook delivery {} failed for good: {}", delivery.id(), error);
		store.failed(delivery.id(), status, error, null);
		return Optional.empty();
	}

	/**
	 * {@code backoff-initial} doubled for each try after the first, at most
	 * {@code backoff-max}, then up to a quarter more or less, so that retries of many
	 * deliveries spread out.
	 */
	Duration backoff(int attempts) {
		long initial = properties.backoffInitial().toMillis();
		long max = properties.backoffMax().toMillis();
		long wait = attempts > 40 ? max : Math.min(max, initial << (attempts - 1));
		double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() * 0.5;
		return Duration.ofMillis(Math.max(1, (long) (wait * jitter)));
	}

	/** A {@code Retry-After} in seconds; dates are not worth the parsing here. */
	private static Duration retryAfter(PinnedHttpClient.Response response) {
		return response.header("Retry-After")
			.filter(value -> value.strip().matches("[0-9]{1,9}"))
			.map(value -> Duration.ofSeconds(Long.parseLong(value.strip())))
			.orElse(Duration.ZERO);
	}

}
