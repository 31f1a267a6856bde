import { test } from 'node:test';
import assert from 'node:assert/strict';

import { describeJob, watchJob } from '../js/jobs.js';

test('describes a running job with a rounded-down percentage and a cancel button', () => {
  const view = describeJob({ id: '7', status: 'RUNNING', progress: 0.4567, message: 'candidates for 4 of 10 prompts' });

  assert.equal(view.percent, '45%');
  assert.equal(view.progress, 0.4567);
  assert.equal(view.finished, false);
  assert.equal(view.cancellable, true);
  assert.equal(view.message, 'candidates for 4 of 10 prompts');
});

test('a finished or cancelling job cannot be cancelled and progress stays within 0..1', () => {
  assert.equal(describeJob({ status: 'SUCCEEDED', progress: 1 }).cancellable, false);
  assert.equal(describeJob({ status: 'RUNNING', progress: 0.2, cancel_requested: true }).cancellable, false);
  assert.equal(describeJob({ status: 'FAILED', progress: 3 }).percent, '100%');
  assert.equal(describeJob({ status: 'QUEUED' }).percent, '0%');
  assert.equal(describeJob({ status: 'QUEUED' }).message, '');
});

test('watching polls until the job ends and reports every state', async () => {
  const states = [
    { id: '1', status: 'QUEUED', progress: 0 },
    { id: '1', status: 'RUNNING', progress: 0.5 },
    { id: '1', status: 'SUCCEEDED', progress: 1 },
  ];
  const urls = [];
  const seen = [];
  let waits = 0;

  const last = await watchJob('1', {
    api: { get: async (url) => { urls.push(url); return states.shift(); } },
    onUpdate: (job) => seen.push(job.status),
    wait: async () => { waits++; },
  });

  assert.equal(last.status, 'SUCCEEDED');
  assert.deepEqual(seen, ['QUEUED', 'RUNNING', 'SUCCEEDED']);
  assert.equal(waits, 2);
  assert.ok(urls.every((url) => url === '/api/v1/jobs/1'));
});

test('watching retries after a server error but stops on a client error', async () => {
  let calls = 0;
  const flaky = async () => {
    calls++;
    if (calls === 1) {
      throw Object.assign(new Error('bad gateway'), { status: 502 });
    }
    return { status: 'CANCELLED', progress: 0.3 };
  };
  const last = await watchJob('2', { api: { get: flaky }, onUpdate: () => {}, wait: async () => {} });
  assert.equal(last.status, 'CANCELLED');
  assert.equal(calls, 2);

  const gone = async () => { throw Object.assign(new Error('job 3 does not exist'), { status: 404 }); };
  await assert.rejects(watchJob('3', { api: { get: gone }, onUpdate: () => {}, wait: async () => {} }), /does not exist/);
});

test('watching gives up after the given number of polls', async () => {
  let polls = 0;
  const last = await watchJob('4', {
    api: { get: async () => { polls++; return { status: 'RUNNING', progress: 0.1 }; } },
    onUpdate: () => {},
    wait: async () => {},
    maxPolls: 3,
  });
  assert.equal(polls, 3);
  assert.equal(last.status, 'RUNNING');
});
