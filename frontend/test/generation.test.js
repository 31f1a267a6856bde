import { test } from 'node:test';
import assert from 'node:assert/strict';

import { generationRequest } from '../js/generation.js';
import { jsonFetcher } from '../js/jobs.js';

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

test('the fetcher sends the CSRF header and rejects with the problem of a refusal', async () => {
  const doc = { querySelector: (s) => (s.includes('_csrf"') ? { getAttribute: () => 'tok' } : null) };
  const requests = [];
  const fetchImpl = async (url, options) => {
    requests.push({ url, options });
    return {
      ok: false,
      status: 400,
      text: async () => JSON.stringify({ status: 400, detail: 'n: bad', errors: [{ field: 'n', message: 'bad' }] }),
    };
  };

  const fetchJson = jsonFetcher(fetchImpl, doc);
  await assert.rejects(fetchJson('/api/v1/projects/1/generation', { method: 'POST', body: '{}' }), (error) => {
    assert.equal(error.status, 400);
    assert.equal(error.message, 'n: bad');
    return true;
  });
  assert.equal(requests[0].options.headers['X-CSRF-TOKEN'], 'tok');
  assert.equal(requests[0].options.method, 'POST');
  assert.equal(requests[0].options.credentials, 'same-origin');
});

test('the fetcher resolves with the parsed body of a success', async () => {
  const fetchJson = jsonFetcher(async () => ({ ok: true, status: 202, text: async () => '{"job_id":"9"}' }),
    { querySelector: () => null });

  assert.deepEqual(await fetchJson('/x', { method: 'POST' }), { job_id: '9' });
});
