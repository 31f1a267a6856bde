package org.ranklab.training;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of one scoring request ({@code ranklab.scoring.*}): a batch may hold up to
 * {@code maxItems} prompts, each with up to {@code maxResponsesPerItem} responses, and no
 * prompt or response may be longer than {@code maxTextChars} characters. At most
 * {@code concurrency} requests run the network at once (0: one per core).
 */
@ConfigurationProperties("ranklab.scoring")
record ScoringSettings(@DefaultValue("64") int maxItems, @DefaultValue("100") int maxResponsesPerItem,
		@DefaultValue("50000") int maxTextChars, @DefaultValue("0") int concurrency) {

	ScoringSettings {
		if (maxItems < 1 || maxResponsesPerItem < 1 || maxTextChars < 1 || concurrency < 0) {
			throw new IllegalArgumentException("ranklab.scoring.* limits must be at least 1 (concurrency: 0 or more)");
		}
	}

	/** Forward passes at once: the setting, or one per core. */
	int forwardPasses() {
		return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
	}

}
