import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { candidateLabel, failureMessage, startPage } from '../js/label.js';
import { fakeDocument, settle } from './support/fake-dom.js';

const IDS = ['ranking', 'submit', 'not-rankable', 'skip', 'error', 'announcer', 'loading', 'task', 'all-done',
  'comment', 'session-count', 'prompt-text', 'candidate-card'];

function labelPage() {
  const doc = fakeDocument(IDS);
  doc.inside('[data-label-page]', doc.createElement('main')).dataset = { project: '7', allowTies: 'true', collectScores: 'false' };
  doc.el('all-done').hidden = true;
  doc.el('error').hidden = true;
  return doc;
}

/** SortableJS's stand-in: remembers the list it was made for. */
const Sortable = { create(list, options) { Sortable.made = { list, options }; } };

test('candidates are lettered in the order shown', () => {
  assert.equal(candidateLabel(0), 'Response A');
  assert.equal(candidateLabel(3), 'Response D');
});

test('a failure shows what the server said, or that it cannot be reached', () => {
  const conflict = new ApiError(409, { detail: 'this task was already answered' });
  assert.equal(failureMessage(conflict, 'unreachable'), 'this task was already answered');
  assert.equal(failureMessage(new ApiError(400, { errors: [{ field: 'ranking', message: 'a' }, { message: 'b' }] }), 'x'),
    'ranking: a\nb');
  assert.equal(failureMessage(new ApiError(0, null, ['The server cannot be reached.']), 'unreachable'), 'unreachable');
  assert.equal(failureMessage(new TypeError('Failed to fetch'), 'unreachable'), 'unreachable');
});

test('the page asks for the next task and says when there is none left', async () => {
  const doc = labelPage();
  const posts = [];
  startPage(doc, { post: async (url, body) => { posts.push([url, body]); return null; } }, { Sortable });
  await settle();

  assert.deepEqual(posts, [['/projects/7/label/next', undefined]]);
  assert.equal(doc.el('all-done').hidden, false);
  assert.equal(doc.el('task').hidden, true);
  assert.equal(doc.el('submit').disabled, false);
  assert.equal(Sortable.made.list, doc.el('ranking'));
});

test('a refused request for a task shows the problem', async () => {
  const doc = labelPage();
  startPage(doc, { post: async () => { throw new ApiError(403, { title: 'Forbidden', detail: 'not your project' }); } },
    { Sortable });
  await settle();

  assert.equal(doc.el('error').textContent, 'not your project');
  assert.equal(doc.el('error').hidden, false);
});
