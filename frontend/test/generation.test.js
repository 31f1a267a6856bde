import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { generationRequest, startPage } from '../js/generation.js';
import { fakeDocument, settle } from './support/fake-dom.js';

test('builds the request from the form, with numbers as numbers', () => {
  const body = generationRequest({
    base_url: ' http://127.0.0.1:8000/v1 ', model: ' my-model ', api_key: ' sk-1 ',
    n: '5', temperature: '0.7', max_tokens: '256',
  });

  assert.deepEqual(body, {
    base_url: 'http://127.0.0.1:8000/v1', model: 'my-model', api_key: 'sk-1', n: 5, temperature: 0.7, max_tokens: 256,
  });
});

test('leaves out empty optional fields so the server applies its defaults', () => {
  const body = generationRequest({ base_url: 'http://h/v1', model: 'm', api_key: '  ', n: '', temperature: '', max_tokens: '' });

  assert.deepEqual(body, { base_url: 'http://h/v1', model: 'm' });
});

test('sends a value that is not a number as typed, for the server to name the field', () => {
  assert.equal(generationRequest({ base_url: 'x', model: 'm', n: 'four' }).n, 'four');
});

/** generation.html with a job `jobId` already running (or none). */
function generationPage(jobId) {
  const doc = fakeDocument(['generation-form', 'generation-errors', 'job', 'job-cancel', 'job-id', 'job-status',
    'job-progress', 'job-percent', 'job-message']);
  doc.inside('main.generation', doc.createElement('main')).dataset.projectId = '3';
  doc.el('generation-form').inside('button[type=submit]', doc.createElement('button'));
  doc.el('job').hidden = true;
  if (jobId) {
    doc.el('job').dataset.jobId = jobId;
  }
  return doc;
}

test('the page follows a running job until it ends', async () => {
  const doc = generationPage('7');
  const states = [
    { id: '7', status: 'RUNNING', progress: 0.5, message: 'candidates for 1 of 2 prompts' },
    { id: '7', status: 'SUCCEEDED', progress: 1, message: 'candidates for 2 of 2 prompts' },
  ];
  const urls = [];
  startPage(doc, { get: async (url) => { urls.push(url); return states.shift(); } }, { intervalMs: 0 });
  await settle();
  await settle();

  assert.deepEqual(urls, ['/api/v1/jobs/7', '/api/v1/jobs/7']);
  assert.equal(doc.el('job').hidden, false);
  assert.equal(doc.el('job-status').textContent, 'SUCCEEDED');
  assert.equal(doc.el('job-percent').textContent, '100%');
  assert.equal(doc.el('job-message').textContent, 'candidates for 2 of 2 prompts');
  assert.equal(doc.el('job-cancel').hidden, true);
  assert.equal(doc.el('generation-form').querySelector('button[type=submit]').disabled, false);
});

test('cancel posts to the job and a refusal shows its message', async () => {
  const doc = generationPage('8');
  const posts = [];
  let polls = 0;
  const api = {
    // One answer, then a poll that never ends: the watch stays where it is while the test clicks.
    get: () => (polls++ === 0 ? Promise.resolve({ id: '8', status: 'RUNNING', progress: 0.1 }) : new Promise(() => {})),
    post: async (url) => {
      posts.push(url);
      throw new ApiError(409, { detail: 'job 8 has already ended' });
    },
  };
  startPage(doc, api, { intervalMs: 0 });
  await settle();
  assert.equal(doc.el('job-cancel').hidden, false);

  await doc.el('job-cancel').dispatch('click');

  assert.deepEqual(posts, ['/api/v1/jobs/8/cancel']);
  assert.deepEqual(doc.el('generation-errors').children.map((line) => line.textContent), ['job 8 has already ended']);
  assert.equal(doc.el('job-cancel').disabled, false);
});
