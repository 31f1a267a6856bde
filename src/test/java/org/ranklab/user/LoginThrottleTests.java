package org.ranklab.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.ranklab.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle's arithmetic on the real table, with a clock the test moves by hand. Names
 * and addresses are unique per test (the table is shared); the clock starts in the past,
 * so nothing here locks a real sign-in.
 */
class LoginThrottleTests extends IntegrationTest {

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String address = "192.0.2." + run;

	private final MovableClock clock = new MovableClock();

	private LoginThrottle throttle;

	@BeforeEach
	void newThrottle() {
		throttle = new LoginThrottle(jdbc,
				new LoginThrottleProperties(5, 8, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1)),
				clock);
	}

	private String user(String name) {
		return name + "-" + run;
	}

	@Test
	void locksAUsernameAfterFiveFailuresForADelayThatDoublesUpToTheMaximum() {
		for (int i = 0; i < 4; i++) {
			throttle.failed(user("ann"), null);
			assertThat(throttle.waitFor(user("ann"), null)).as("after %d failures", i + 1).isZero();
		}
		throttle.failed(user("ann"), null);
		assertThat(throttle.waitFor(user("ann"), null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor(" " + user("ANN") + " ", null)).as("case and spaces do not escape it")
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor(user("bob"), null)).isZero();

		for (long expected : new long[] { 2, 4, 8, 10, 10 }) {
			clock.pass(throttle.waitFor(user("ann"), null));
			assertThat(throttle.waitFor(user("ann"), null)).isZero();
			throttle.failed(user("ann"), null);
			assertThat(throttle.waitFor(user("ann"), null)).isEqualTo(Duration.ofSeconds(expected));
		}
	}

	@Test
	void theLockExpiresAndASuccessClearsTheUsernamesFailures() {
		for (int i = 0; i < 5; i++) {
			throttle.failed(user("cleo"), null);
		}
		clock.pass(Duration.ofMillis(999));
		assertThat(throttle.waitFor(user("cleo"), null)).isEqualTo(Duration.ofMillis(1));
		clock.pass(Duration.ofMillis(1));
		assertThat(throttle.standing(user("cleo"), null)).isEqualTo(new LoginThrottle.Standing(Duration.ZERO, true));

		throttle.succeeded(user("cleo"));
		assertThat(throttle.standing(user("cleo"), null).userHasFailures()).isFalse();
		for (int i = 0; i < 4; i++) {
			throttle.failed(user("cleo"), null);
		}
		assertThat(throttle.waitFor(user("cleo"), null)).as("counting starts again after a success").isZero();
	}

	@Test
	void locksAnAddressThatTriesManyUsernamesAndASuccessDoesNotClearIt() {
		for (int i = 0; i < 7; i++) {
			throttle.failed(user("guess" + i), address);
		}
		assertThat(throttle.waitFor(user("someone"), address)).isZero();
		throttle.failed(user("guess7"), address);

		assertThat(throttle.waitFor(user("someone"), address)).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor(user("someone"), address + "0")).as("other addresses go ahead").isZero();
		throttle.succeeded(user("someone"));
		assertThat(throttle.waitFor(user("someone"), address)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void forgetsFailuresAfterAQuietHour() {
		for (int i = 0; i < 4; i++) {
			throttle.failed(user("dora"), null);
		}
		clock.pass(Duration.ofMinutes(61));
		throttle.failed(user("dora"), null);

		assertThat(throttle.waitFor(user("dora"), null)).isZero();
	}

	@Test
	void deletesForgottenFailuresSoTheTableStaysSmall() {
		throttle.failed(user("old"), address);
		clock.pass(Duration.ofMinutes(61));
		throttle.failed(user("new"), null);

		assertThat(rows(user("old"))).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM login_failures WHERE key = ?")
			.param("address:" + address)
			.query(Long.class)
			.single()).isZero();
		assertThat(rows(user("new"))).isOne();
	}

	private long rows(String username) {
		return jdbc.sql("SELECT count(*) FROM login_failures WHERE key = ?")
			.param("user:" + username)
			.query(Long.class)
			.single();
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void pass(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
