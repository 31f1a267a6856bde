package org.ranklab.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How password guessing is slowed down ({@code ranklab.login.*}); see
 * {@link LoginThrottle}.
 *
 * @param maxFailuresPerUser failed sign-ins of one username before it is locked for a
 * while
 * @param maxFailuresPerAddress failed sign-ins from one client address (any usernames)
 * before it is locked; higher, since offices and NAT share addresses
 * @param initialDelay the first lock; each further failure doubles it
 * @param maxDelay the longest lock
 * @param forgetAfter failures are forgotten after this long without another one
 */
@ConfigurationProperties("ranklab.login")
record LoginThrottleProperties(@DefaultValue("5") int maxFailuresPerUser, @DefaultValue("50") int maxFailuresPerAddress,
		@DefaultValue("1s") Duration initialDelay, @DefaultValue("15m") Duration maxDelay,
		@DefaultValue("1h") Duration forgetAfter) {

	LoginThrottleProperties {
		if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
			throw new IllegalArgumentException("ranklab.login.max-failures-per-* must be at least 1");
		}
		if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
			throw new IllegalArgumentException("ranklab.login: need 0 < initial-delay <= max-delay");
		}
	}

}
