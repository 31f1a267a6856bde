package org.ranklab.user;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttle's arithmetic, on a clock the test moves by hand. */
class LoginThrottleTests {

	private static final String ADDRESS = "203.0.113.9";

	private final MovableClock clock = new MovableClock();

	private final LoginThrottle throttle = new LoginThrottle(
			new LoginThrottleProperties(5, 8, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofHours(1), 1000),
			clock);

	@Test
	void locksAUsernameAfterFiveFailuresForADelayThatDoublesUpToTheMaximum() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("ann", null);
			assertThat(throttle.waitFor("ann", null)).as("after %d failures", i + 1).isZero();
		}
		throttle.failed("ann", null);
		assertThat(throttle.waitFor("ann", null)).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor("ANN ", null)).as("case and spaces do not escape it").isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor("bob", null)).isZero();

		for (long expected : new long[] { 2, 4, 8, 10, 10 }) {
			clock.pass(throttle.waitFor("ann", null));
			assertThat(throttle.waitFor("ann", null)).isZero();
			throttle.failed("ann", null);
			assertThat(throttle.waitFor("ann", null)).isEqualTo(Duration.ofSeconds(expected));
		}
	}

	@Test
	void theLockExpiresAndASuccessClearsTheUsernamesFailures() {
		for (int i = 0; i < 5; i++) {
			throttle.failed("cleo", null);
		}
		clock.pass(Duration.ofMillis(999));
		assertThat(throttle.waitFor("cleo", null)).isEqualTo(Duration.ofMillis(1));
		clock.pass(Duration.ofMillis(1));
		assertThat(throttle.waitFor("cleo", null)).isZero();

		throttle.succeeded("cleo");
		for (int i = 0; i < 4; i++) {
			throttle.failed("cleo", null);
		}
		assertThat(throttle.waitFor("cleo", null)).as("counting starts again after a success").isZero();
	}

	@Test
	void locksAnAddressThatTriesManyUsernamesAndASuccessDoesNotClearIt() {
		for (int i = 0; i < 7; i++) {
			throttle.failed("user" + i, ADDRESS);
		}
		assertThat(throttle.waitFor("someone", ADDRESS)).isZero();
		throttle.failed("user7", ADDRESS);

		assertThat(throttle.waitFor("someone", ADDRESS)).isEqualTo(Duration.ofSeconds(1));
		assertThat(throttle.waitFor("someone", "198.51.100.1")).as("other addresses go ahead").isZero();
		throttle.succeeded("someone");
		assertThat(throttle.waitFor("someone", ADDRESS)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void forgetsFailuresAfterAQuietHour() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("dora", null);
		}
		clock.pass(Duration.ofMinutes(61));
		throttle.failed("dora", null);

		assertThat(throttle.waitFor("dora", null)).isZero();
	}

	@Test
	void keepsMemoryBoundedWhenSomeoneTriesEndlessUsernames() {
		LoginThrottle small = new LoginThrottle(
				new LoginThrottleProperties(5, 1_000_000, Duration.ofSeconds(10), Duration.ofSeconds(10),
						Duration.ofHours(1), 100), clock);
		for (int i = 0; i < 5; i++) {
			small.failed("target", null);
		}
		clock.pass(Duration.ofMillis(1));
		for (int i = 0; i < 1000; i++) {
			small.failed("random-" + i, null);
			clock.pass(Duration.ofMillis(1));
		}

		assertThat(small.waitFor("random-999", null)).isZero();
		assertThat(small.waitFor("target", null)).as("the oldest entries go first").isZero();
		for (int i = 0; i < 4; i++) {
			small.failed("random-999", null);
		}
		assertThat(small.waitFor("random-999", null)).as("recent entries are kept").isPositive();
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
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
