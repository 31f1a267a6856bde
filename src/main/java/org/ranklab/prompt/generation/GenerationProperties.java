package org.ranklab.prompt.generation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How candidates are requested from a model server ({@code ranklab.generation.*}). Which
 * model servers may be called is {@code outbound}'s policy, whose settings
 * ({@code allowed-hosts}, {@code allow-public-addresses}) share this prefix.
 *
 * @param concurrency requests in flight at once per generation job
 * @param connectTimeout time to open a connection to the model server
 * @param requestTimeout time for one chat-completions request, from sending it to the
 * whole answer
 * @param retryBudget requests per prompt that may fail (429, 5xx, timeout, network) or
 * bring no new distinct candidate before the prompt is given up and left waiting
 * @param backoffInitial wait before the first retry; doubled for each further failure in
 * a row
 * @param backoffMax the longest wait between retries
 * @param retryAfterMax the longest wait a server's {@code Retry-After} may impose
 * @param maxResponseBytes the largest answer read from the model server; a larger one
 * fails that request (a retry), so that a hostile or broken server cannot fill the memory
 */
@ConfigurationProperties("ranklab.generation")
record GenerationProperties(@DefaultValue("4") int concurrency, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("120s") Duration requestTimeout, @DefaultValue("6") int retryBudget,
		@DefaultValue("1s") Duration backoffInitial, @DefaultValue("30s") Duration backoffMax,
		@DefaultValue("120s") Duration retryAfterMax, @DefaultValue("8MB") DataSize maxResponseBytes) {

	GenerationProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("ranklab.generation.concurrency must be at least 1");
		}
		if (retryBudget < 0) {
			throw new IllegalArgumentException("ranklab.generation.retry-budget must not be negative");
		}
		if (maxResponseBytes.toBytes() < 1024 || maxResponseBytes.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("ranklab.generation.max-response-bytes must be between 1KB and 2047MB");
		}
	}

}
