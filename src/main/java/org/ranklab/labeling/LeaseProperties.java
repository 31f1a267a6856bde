package org.ranklab.labeling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Leases ({@code ranklab.labeling.*}). {@code max-lease} caps how far renewals
 * ({@code POST /assignments/{id}/renew}) stretch one lease, counted from when it began: a
 * tab left open all day must not hold a prompt back from everyone else. A project whose
 * {@code lease_seconds} is longer keeps its own length.
 */
@ConfigurationProperties("ranklab.labeling")
record LeaseProperties(@DefaultValue("4h") Duration maxLease) {

	LeaseProperties {
		if (maxLease.isNegative() || maxLease.isZero()) {
			throw new IllegalArgumentException("ranklab.labeling.max-lease must be positive, not " + maxLease);
		}
	}

}
