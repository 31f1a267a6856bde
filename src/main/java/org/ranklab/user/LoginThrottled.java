package org.ranklab.user;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused, without checking the password, because of too many recent failures.
 */
class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottled(Duration retryAfter) {
		super("too many failed sign-ins; try again in " + seconds(retryAfter) + " s");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds to wait, at least one: what {@code Retry-After} says. */
	long retryAfterSeconds() {
		return seconds(retryAfter);
	}

	private static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
