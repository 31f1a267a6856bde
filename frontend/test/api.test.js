import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  ApiError, createApi, csrfHeader, errorLines, messagesOf, problemMessages, SIGNED_OUT_PAGE,
} from '../js/api.js';

/** A page's document as far as api.js reads it: the CSRF meta tags of layout.html. */
function pageWithToken(metas = { _csrf: 'token-123', _csrf_header: 'X-CSRF-TOKEN' }) {
  return {
    querySelector: (selector) => {
      const name = selector.match(/name="([^"]+)"/)[1];
      return name in metas ? { getAttribute: () => metas[name] } : null;
    },
  };
}

/** A fetch that records its calls and answers with `status` and `body` (text). */
function answering(status, body = '') {
  const calls = [];
  const fetch = async (url, options) => {
    calls.push({ url, options });
    return { ok: status >= 200 && status < 300, status, text: async () => body };
  };
  return { fetch, calls };
}

const invalidInput = JSON.stringify({
  type: 'about:blank',
  title: 'Invalid input',
  status: 400,
  detail: 'n: must be between 4 and 9',
  errors: [{ field: 'n', message: 'must be between 4 and 9' }, { line: 3, field: 'prompt', message: 'prompt is blank' }],
});

test('the CSRF header of the page goes under the name the page gives', () => {
  assert.deepEqual(csrfHeader(pageWithToken()), { 'X-CSRF-TOKEN': 'token-123' });
  assert.deepEqual(csrfHeader(pageWithToken({ _csrf: 't', _csrf_header: 'X-XSRF' })), { 'X-XSRF': 't' });
  assert.deepEqual(csrfHeader(pageWithToken({ _csrf: 't' })), { 'X-CSRF-TOKEN': 't' });
  assert.deepEqual(csrfHeader(pageWithToken({})), {});
});

test('error lines number records by line and name fields, without naming a field twice', () => {
  assert.deepEqual(errorLines({
    errors: [
      { line: 17, field: 'candidates', message: '3 candidates, this project needs 4 to 9' },
      { field: 'file', message: 'a multipart upload needs a part named \'file\'' },
      { field: 'n', message: 'must be between 4 and 9' },
      { field: 'prompt', message: 'prompt is blank' },
      { field: 'n', message: 'not a number' },
      { message: 'and 2345 more errors' },
    ],
  }), [
    'line 17: 3 candidates, this project needs 4 to 9',
    'file: a multipart upload needs a part named \'file\'',
    'n: must be between 4 and 9',
    'prompt is blank',
    'n: not a number',
    'and 2345 more errors',
  ]);
  assert.deepEqual(errorLines({}), []);
  assert.deepEqual(errorLines(null), []);
});

test('a problem without errors is told by its detail, else its title, else its status', () => {
  assert.deepEqual(problemMessages({ title: 'Conflict', detail: 'no prompt is waiting' }), ['no prompt is waiting']);
  assert.deepEqual(problemMessages({ title: 'Forbidden' }), ['Forbidden']);
  assert.deepEqual(problemMessages(null, 502), ['The server answered 502.']);
  assert.deepEqual(problemMessages(null), ['The request failed.']);
});

test('a POST sends JSON with the session cookie and the CSRF header, and resolves with the body', async () => {
  const { fetch, calls } = answering(202, '{"job_id":"9"}');
  const api = createApi({ fetch, doc: pageWithToken() });

  assert.deepEqual(await api.post('/api/v1/projects/1/generation', { n: 4 }), { job_id: '9' });

  const { url, options } = calls[0];
  assert.equal(url, '/api/v1/projects/1/generation');
  assert.equal(options.method, 'POST');
  assert.equal(options.credentials, 'same-origin');
  assert.equal(options.headers['X-CSRF-TOKEN'], 'token-123');
  assert.equal(options.headers['Content-Type'], 'application/json');
  assert.equal(options.headers.Accept, 'application/json');
  assert.equal(options.body, '{"n":4}');
});

test('a POST without a body sends none, and an empty answer (204) resolves with null', async () => {
  const { fetch, calls } = answering(204);
  const api = createApi({ fetch, doc: pageWithToken() });

  assert.equal(await api.post('/api/v1/assignments/5/skip'), null);
  assert.equal(calls[0].options.body, undefined);
  assert.equal(calls[0].options.headers['Content-Type'], undefined);
  assert.equal(calls[0].options.headers['X-CSRF-TOKEN'], 'token-123');
});

test('PUT sends its JSON body and DELETE none, both with the CSRF header', async () => {
  const { fetch, calls } = answering(200, '{"reason":"copies"}');
  const api = createApi({ fetch, doc: pageWithToken() });

  assert.deepEqual(await api.put('/api/v1/projects/1/exclusions/x', { reason: 'copies' }), { reason: 'copies' });
  await api.delete('/api/v1/projects/1/exclusions/x');

  assert.deepEqual(calls.map((call) => call.options.method), ['PUT', 'DELETE']);
  assert.equal(calls[0].options.body, '{"reason":"copies"}');
  assert.equal(calls[1].options.body, undefined);
  assert.ok(calls.every((call) => call.options.headers['X-CSRF-TOKEN'] === 'token-123'));
});

test('a GET asks for JSON; text() takes any type, for NDJSON exports', async () => {
  const json = answering(200, '[{"id":"1"}]');
  assert.deepEqual(await createApi({ fetch: json.fetch, doc: pageWithToken({}) }).get('/api/v1/projects/1/reward-models'),
    [{ id: '1' }]);
  assert.equal(json.calls[0].options.method, 'GET');

  const ndjson = answering(200, '{"a":1}\n{"a":2}\n');
  assert.equal(await createApi({ fetch: ndjson.fetch, doc: pageWithToken({}) }).text('/export'), '{"a":1}\n{"a":2}\n');
  assert.equal(ndjson.calls[0].options.headers.Accept, '*/*');
});

test('a refusal rejects with its status, its problem and one readable message per error', async () => {
  const api = createApi({ fetch: answering(400, invalidInput).fetch, doc: pageWithToken() });

  await assert.rejects(api.post('/api/v1/projects/1/generation', {}), (error) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.problem.title, 'Invalid input');
    assert.deepEqual(error.messages, ['n: must be between 4 and 9', 'line 3: prompt is blank']);
    assert.equal(error.message, 'n: must be between 4 and 9\nline 3: prompt is blank');
    assert.deepEqual(messagesOf(error), error.messages);
    return true;
  });
});

test('a refusal that is not JSON (a proxy page) says the status, not the page', async () => {
  const api = createApi({ fetch: answering(502, '<html><body>Bad gateway</body></html>').fetch, doc: pageWithToken() });

  await assert.rejects(api.get('/api/v1/jobs/1'), (error) => {
    assert.equal(error.status, 502);
    assert.equal(error.problem, null);
    assert.deepEqual(error.messages, ['The server answered 502.']);
    return true;
  });
});

test('an unreachable server rejects with status 0', async () => {
  const api = createApi({ fetch: async () => { throw new TypeError('Failed to fetch'); }, doc: pageWithToken() });

  await assert.rejects(api.get('/api/v1/jobs/1'), (error) => {
    assert.equal(error.status, 0);
    assert.deepEqual(error.messages, ['The server cannot be reached.']);
    return true;
  });
});

test('messages of an error that is not from the api are its message', () => {
  assert.deepEqual(messagesOf(new Error('boom')), ['boom']);
});

/** An XMLHttpRequest stand-in: records what is sent; the test plays the browser's events. */
class FakeXhr {
  static last = null;

  constructor() {
    this.headers = {};
    this.listeners = {};
    this.upload = { listeners: {}, addEventListener: (type, listener) => { this.upload.listeners[type] = listener; } };
    FakeXhr.last = this;
  }

  open(method, url) {
    Object.assign(this, { method, url });
  }

  setRequestHeader(name, value) {
    this.headers[name] = value;
  }

  addEventListener(type, listener) {
    this.listeners[type] = listener;
  }

  send(data) {
    this.sent = data;
  }

  answer(status, responseText) {
    Object.assign(this, { status, responseText });
    this.listeners.load();
  }
}

test('an upload posts the file as multipart with the CSRF header and reports its progress', async () => {
  const api = createApi({ XMLHttpRequest: FakeXhr, doc: pageWithToken() });
  const file = new Blob(['{"prompt":"p"}\n']);
  const events = [];

  const uploaded = api.upload('/api/v1/projects/1/prompts', file, {
    onProgress: (loaded, total) => events.push(`${loaded}/${total}`),
    onSent: () => events.push('sent'),
  });
  const xhr = FakeXhr.last;
  xhr.upload.listeners.progress({ lengthComputable: false, loaded: 1, total: 0 });
  xhr.upload.listeners.progress({ lengthComputable: true, loaded: 5, total: 15 });
  xhr.upload.listeners.progress({ lengthComputable: true, loaded: 15, total: 15 });
  xhr.upload.listeners.load();
  xhr.answer(201, '{"imported":1,"duplicates":0,"waiting_for_generation":1}');

  assert.deepEqual(await uploaded, { imported: 1, duplicates: 0, waiting_for_generation: 1 });
  assert.deepEqual(events, ['5/15', '15/15', 'sent']);
  assert.equal(xhr.method, 'POST');
  assert.equal(xhr.url, '/api/v1/projects/1/prompts');
  assert.equal(xhr.headers['X-CSRF-TOKEN'], 'token-123');
  assert.match(xhr.headers.Accept, /application\/problem\+json/);
  assert.ok(xhr.sent instanceof FormData);
  assert.equal(xhr.sent.get('file').size, file.size);
});

test('a refused upload rejects with the problem, a lost connection with status 0', async () => {
  const api = createApi({ XMLHttpRequest: FakeXhr, doc: pageWithToken() });

  const refused = api.upload('/api/v1/projects/1/prompts', new Blob(['x']));
  FakeXhr.last.answer(400, invalidInput);
  await assert.rejects(refused, (error) => {
    assert.equal(error.status, 400);
    assert.deepEqual(error.messages, ['n: must be between 4 and 9', 'line 3: prompt is blank']);
    return true;
  });

  const tooLarge = api.upload('/api/v1/projects/1/prompts', new Blob(['x']));
  FakeXhr.last.answer(413, '<html>Request Entity Too Large</html>');
  await assert.rejects(tooLarge, (error) => error.status === 413 && error.problem === null);

  const lost = api.upload('/api/v1/projects/1/prompts', new Blob(['x']));
  FakeXhr.last.listeners.error();
  await assert.rejects(lost, (error) => error.status === 0);
});

test('a 401 means the session has ended: the page is sent to the login page, and the call still rejects', async () => {
  const unauthorized = JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'valid credentials are required' });
  const visited = [];
  const doc = { ...pageWithToken(), location: { assign: (url) => visited.push(url) } };
  const api = createApi({ fetch: answering(401, unauthorized).fetch, doc });

  await assert.rejects(api.post('/api/v1/assignments/7/ranking', {}), (error) => error instanceof ApiError && error.status === 401);

  assert.deepEqual(visited, [SIGNED_OUT_PAGE]);
  assert.equal(SIGNED_OUT_PAGE, '/login?expired');
});

test('other refusals leave the page where it is', async () => {
  let signedOut = 0;
  for (const status of [400, 403, 409, 500]) {
    const api = createApi({ fetch: answering(status, invalidInput).fetch, doc: pageWithToken(), onSignedOut: () => { signedOut += 1; } });
    await assert.rejects(api.get('/api/v1/projects'), (error) => error.status === status);
  }
  assert.equal(signedOut, 0);
});
