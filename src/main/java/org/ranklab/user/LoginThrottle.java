package org.ranklab.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per username and per client address. After {@code max-failures-per-user}
 * failures in a row a username is locked for {@code initial-delay}, doubled with every further failure up to
 * {@code max-delay}; a client address likewise after {@code max-failures-per-address}. While locked, sign-ins are
 * refused without looking at the password, so guessing gains nothing. A successful sign-in clears the username's
 * failures (not the address's: else one valid account would reset an attacker's address between guesses).
 * <p>
 * State lives in this instance's memory: a restart forgets it, and with several instances each counts on its own.
 */
@Component
class LoginThrottle {

	/** Failures in a row of one username or address, and until when it is locked. */
	private record Failures(int count, Instant last, Instant lockedUntil) {
	}

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final LoginThrottleProperties properties;

	private final Clock clock;

	@Autowired
	LoginThrottle(LoginThrottleProperties properties) {
		this(properties, Clock.systemUTC());
	}

	LoginThrottle(LoginThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** How long sign-ins of this username from this address must still wait; zero when they may go ahead. */
	Duration waitFor(String username, String address) {
		Instant now = clock.instant();
		Duration user = remaining(userKey(username), now);
		Duration client = address == null ? Duration.ZERO : remaining(addressKey(address), now);
		return user.compareTo(client) >= 0 ? user : client;
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		record(userKey(username), properties.maxFailuresPerUser(), now);
		if (address != null) {
			record(addressKey(address), properties.maxFailuresPerAddress(), now);
		}
		if (failures.size() > properties.maxTracked()) {
			forgetStalest(now);
		}
	}

	void succeeded(String username) {
		failures.remove(userKey(username));
	}

	private Duration remaining(String key, Instant now) {
		Failures entry = failures.get(key);
		if (entry == null || entry.lockedUntil() == null || !entry.lockedUntil().isAfter(now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, entry.lockedUntil());
	}

	private void record(String key, int threshold, Instant now) {
		failures.compute(key, (k, entry) -> {
			int count = entry == null || isForgotten(entry, now) ? 1 : entry.count() + 1;
			Instant lockedUntil = count < threshold ? null : now.plus(delay(count - threshold));
			return new Failures(count, now, lockedUntil);
		});
	}

	/** initial-delay × 2^beyond, at most max-delay. */
	private Duration delay(int beyond) {
		Duration delay = properties.initialDelay();
		for (int i = 0; i < beyond && delay.compareTo(properties.maxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
	}

	private boolean isForgotten(Failures entry, Instant now) {
		boolean locked = entry.lockedUntil() != null && entry.lockedUntil().isAfter(now);
		return !locked && entry.last().plus(properties.forgetAfter()).isBefore(now);
	}

	/** Keeps memory bounded when someone tries endless usernames: forgets the stale, then the oldest. */
	private void forgetStalest(Instant now) {
		failures.entrySet().removeIf(entry -> isForgotten(entry.getValue(), now));
		int excess = failures.size() - properties.maxTracked();
		if (excess > 0) {
			failures.entrySet().stream()
				.sorted(Comparator.comparing(entry -> entry.getValue().last()))
				.limit(excess)
				.map(Map.Entry::getKey)
				.toList()
				.forEach(failures::remove);
		}
	}

	private static String userKey(String username) {
		return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
