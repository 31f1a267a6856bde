import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { CHECK_MS, IDLE_MS, keepLease, renewalDue } from '../js/lease.js';
import { fakeTime } from './support/fake-label-page.js';

const MINUTE = 60_000;

test('a lease is renewed near its end, only for a labeler who was active lately', () => {
  const leaseMs = 15 * MINUTE;
  const at = (now, lastActive) => renewalDue({ now, lastActive, leaseExpiresAt: leaseMs, leaseMs });
  assert.equal(at(leaseMs - 2 * CHECK_MS, leaseMs - 3 * MINUTE), true);
  assert.equal(at(leaseMs - 2 * CHECK_MS - 1, leaseMs - 3 * MINUTE), false, 'not yet');
  assert.equal(at(leaseMs - CHECK_MS, leaseMs - CHECK_MS - IDLE_MS), false, 'idle for too long');
  assert.equal(renewalDue({ now: 40_000, lastActive: 40_000, leaseExpiresAt: 60_000, leaseMs: 60_000 }), true,
    'a short lease: renewed halfway');
});

test('the watcher renews while the labeler works, follows the new end, and stops when idle', async () => {
  const time = fakeTime();
  const renewals = [];
  let expires = time.clock.now() + 15 * MINUTE;
  const lease = keepLease({
    leaseExpiresAt: new Date(expires).toISOString(),
    renew: async () => {
      renewals.push(time.clock.now());
      expires = time.clock.now() + 15 * MINUTE;
      return { lease_expires_at: new Date(expires).toISOString() };
    },
    onGone: () => assert.fail('not gone'),
    ...time,
  });

  const work = async (minutes) => {
    for (let minute = 0; minute < minutes; minute++) {
      await time.advance(MINUTE);
      lease.active();
    }
  };
  await work(14);
  assert.equal(renewals.length, 1, 'renewed once, a minute before the end');
  await work(14);
  assert.equal(renewals.length, 2, 'and again before the new end');
  await time.advance(IDLE_MS + 30 * MINUTE);
  assert.equal(renewals.length, 2, 'a labeler gone for longer than IDLE_MS lets it run out');
  lease.stop();
  assert.equal(time.active(), 0);
});

test('a lease the server says is gone is reported once and no longer watched', async () => {
  const time = fakeTime();
  let gone = 0;
  const lease = keepLease({
    leaseExpiresAt: new Date(time.clock.now() + MINUTE).toISOString(),
    renew: async () => { throw new ApiError(409, { detail: 'the lease is gone' }); },
    onGone: () => { gone += 1; },
    ...time,
  });
  lease.active();
  await time.advance(10 * MINUTE);
  assert.equal(gone, 1);
  assert.equal(time.active(), 0);
});

test('a failed renewal (server unreachable) is tried again at the next check', async () => {
  const time = fakeTime();
  let calls = 0;
  keepLease({
    leaseExpiresAt: new Date(time.clock.now() + MINUTE).toISOString(),
    renew: async () => {
      calls += 1;
      if (calls === 1) throw new ApiError(0, null, ['unreachable']);
      return { lease_expires_at: new Date(time.clock.now() + MINUTE).toISOString() };
    },
    onGone: () => assert.fail('not gone'),
    ...time,
  }).active();
  await time.advance(45_000);
  assert.ok(calls >= 2, `tried ${calls} times`);
});
