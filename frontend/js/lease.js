// Keeps the lease of the open assignment while the labeler works on it: renewed (POST
// /api/v1/assignments/{id}/renew, capped by the server) when it nears its end and the labeler did
// something lately; a tab left alone lets it run out, so that the prompt goes to someone else.

/** How long without a key, a click or a scroll the labeler still counts as working. */
export const IDLE_MS = 5 * 60 * 1000;

/** How often the page looks at the lease. */
export const CHECK_MS = 30 * 1000;

/**
 * Whether to renew now: the labeler was active within IDLE_MS and the lease ends within two checks
 * (or within half its length for short leases), so one failed call still leaves time for the next.
 */
export function renewalDue({ now, lastActive, leaseExpiresAt, leaseMs }) {
  const left = leaseExpiresAt - now;
  const margin = Math.min(2 * CHECK_MS, leaseMs / 2);
  return now - lastActive < IDLE_MS && left <= margin;
}

/**
 * Watches one assignment's lease. `renew()` resolves with the server's answer ({ lease_expires_at });
 * `onGone()` runs once when the server says the lease is gone (409). Other failures (the server
 * unreachable for a moment) are retried at the next check. Returns a stop function.
 */
export function keepLease({ leaseExpiresAt, renew, onGone, clock = Date, timers = globalThis }) {
  let expires = Date.parse(leaseExpiresAt);
  const leaseMs = Math.max(expires - clock.now(), 1000);
  let lastActive = clock.now();
  let stopped = false;
  let pending = false;

  async function check() {
    if (stopped || pending || !renewalDue({ now: clock.now(), lastActive, leaseExpiresAt: expires, leaseMs })) return;
    pending = true;
    try {
      const answer = await renew();
      if (answer?.lease_expires_at) expires = Date.parse(answer.lease_expires_at);
    } catch (error) {
      if (error?.status === 409 && !stopped) {
        stop();
        onGone();
      }
    } finally {
      pending = false;
    }
  }

  const interval = timers.setInterval(check, Math.min(CHECK_MS, Math.max(leaseMs / 4, 1000)));
  function stop() {
    stopped = true;
    timers.clearInterval(interval);
  }
  return {
    stop,
    /** The labeler did something; renews at once when the lease is already near its end. */
    active() {
      lastActive = clock.now();
      check();
    },
    check,
  };
}
