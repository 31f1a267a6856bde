package org.ranklab.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per username and per client address. After
 * {@code max-failures-per-user} failures in a row a username is locked for
 * {@code initial-delay}, doubled with every further failure up to {@code max-delay}; a
 * client address likewise after {@code max-failures-per-address}. While locked, sign-ins
 * are refused without looking at the password, so guessing gains nothing. A successful
 * sign-in clears the username's failures (not the address's: else one valid account would
 * reset an attacker's address between guesses). Failures are forgotten after
 * {@code forget-after} without another one.
 * <p>
 * The counts live in PostgreSQL ({@code login_failures}), so every instance sees the same
 * ones and a restart forgets nothing. A sign-in costs one primary-key read; only failures
 * (and the first success after them) write.
 */
@Component
class LoginThrottle {

	/** Where a sign-in stands before its password is checked. */
	record Standing(Duration retryAfter, boolean userHasFailures) {

		boolean locked() {
			return !retryAfter.isZero();
		}

	}

	private final JdbcClient jdbc;

	private final LoginThrottleProperties properties;

	private final Clock clock;

	@Autowired
	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties) {
		this(jdbc, properties, Clock.systemUTC());
	}

	LoginThrottle(JdbcClient jdbc, LoginThrottleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long sign-ins of this username from this address must still wait (zero: go
	 * ahead).
	 */
	Standing standing(String username, String address) {
		Instant now = clock.instant();
		String user = userKey(username);
		record Row(String key, OffsetDateTime lockedUntil) {
		}
		List<Row> rows = jdbc.sql("SELECT key, locked_until FROM login_failures WHERE key IN (?, ?)")
			.params(user, address == null ? user : addressKey(address))
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
			.list();
		Duration wait = Duration.ZERO;
		for (Row row : rows) {
			if (row.lockedUntil() != null && row.lockedUntil().toInstant().isAfter(now)) {
				Duration remaining = Duration.between(now, row.lockedUntil().toInstant());
				wait = remaining.compareTo(wait) > 0 ? remaining : wait;
			}
		}
		return new Standing(wait, rows.stream().anyMatch(row -> row.key().equals(user)));
	}

	Duration waitFor(String username, String address) {
		return standing(username, address).retryAfter();
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		record(userKey(username), properties.maxFailuresPerUser(), now);
		if (address != null) {
			record(addressKey(address), properties.maxFailuresPerAddress(), now);
		}
		jdbc.sql("""
				DELETE FROM login_failures
				WHERE last_failure < ? AND (locked_until IS NULL OR locked_until <= ?)""")
			.params(time(now.minus(properties.forgetAfter())), time(now))
			.update();
	}

	void succeeded(String username) {
		jdbc.sql("DELETE FROM login_failures WHERE key = ?").param(userKey(username)).update();
	}

	/**
	 * Counts one failure atomically (concurrent ones on other instances included), then
	 * locks if due.
	 */
	private void record(String key, int threshold, Instant now) {
		int failures = jdbc
			.sql("""
					INSERT INTO login_failures AS f (key, failures, last_failure) VALUES (:key, 1, :now)
					ON CONFLICT (key) DO UPDATE SET
					    failures = CASE WHEN f.last_failure < :forgotten AND (f.locked_until IS NULL OR f.locked_until <= :now)
					                    THEN 1 ELSE f.failures + 1 END,
					    last_failure = :now
					RETURNING failures""")
			.param("key", key)
			.param("now", time(now))
			.param("forgotten", time(now.minus(properties.forgetAfter())))
			.query(Integer.class)
			.single();
		if (failures >= threshold) {
			OffsetDateTime until = time(now.plus(delay(failures - threshold)));
			jdbc.sql("UPDATE login_failures SET locked_until = GREATEST(locked_until, ?) WHERE key = ?")
				.params(until, key)
				.update();
		}
	}

	/** initial-delay × 2^beyond, at most max-delay. */
	private Duration delay(int beyond) {
		Duration delay = properties.initialDelay();
		for (int i = 0; i < beyond && delay.compareTo(properties.maxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(properties.maxDelay()) > 0 ? properties.maxDelay() : delay;
	}

	private static OffsetDateTime time(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static String userKey(String username) {
		return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
