import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { candidateLabel, failureMessage, startPage } from '../js/label.js';
import { settle } from './support/fake-dom.js';
import {
  Sortable, cardOf, fakeApi, fakeStorage, fakeTime, labelPage, shownOrder, task,
} from './support/fake-label-page.js';

const NEXT = '/projects/7/label/next';
const DRAFT = 'ranklab.draft.7.41';

/** The page started on `tasks` (answered in turn by label/next; null: nothing left) and `routes`. */
async function started({ tasks = [task('41', ['a', 'b', 'c'])], routes = {}, storage = fakeStorage(), page = {}, time = fakeTime() } = {}) {
  const doc = labelPage(page);
  const queue = [...tasks];
  const api = fakeApi({ [NEXT]: () => queue.shift() ?? null, ...routes });
  startPage(doc, api, { Sortable, storage, ...time });
  await settle();
  return { doc, api, storage, time };
}

/** A key pressed on `target`: first the list's handler (for cards), then the page's, as the event bubbles. */
async function press(doc, target, key, modifiers = {}) {
  let prevented = false;
  if (target.closest?.('.candidate')) {
    prevented = (await doc.el('ranking').dispatch('keydown', { target, key, ...modifiers })).defaultPrevented;
  }
  await doc.dispatch('keydown', { target, key, ...modifiers, defaultPrevented: prevented });
  await settle();
}

const posted = (api, path) => api.calls.filter(([url]) => url === path);

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
  const { doc, api } = await started({ tasks: [] });

  assert.deepEqual(api.calls, [[NEXT, undefined]]);
  assert.equal(doc.el('all-done').hidden, false);
  assert.equal(doc.el('task').hidden, true);
  assert.equal(doc.el('submit').disabled, false);
  assert.equal(Sortable.made.list, doc.el('ranking'));
});

test('a refused request for a task shows the problem', async () => {
  const doc = labelPage();
  startPage(doc, { post: async () => { throw new ApiError(403, { title: 'Forbidden', detail: 'not your project' }); } },
    { Sortable, storage: fakeStorage(), ...fakeTime() });
  await settle();

  assert.equal(doc.el('error').textContent, 'not your project');
  assert.equal(doc.el('error').hidden, false);
});

test('every move, score and comment is kept as a draft of the open assignment', async () => {
  const { doc, storage } = await started({ page: { collectScores: true } });

  await press(doc, cardOf(doc, 'c'), '1');
  cardOf(doc, 'a').querySelector('.score').querySelector('select').value = '6';
  await doc.el('ranking').dispatch('change', { target: cardOf(doc, 'a').querySelector('.score').querySelector('select') });
  doc.el('comment').value = 'C is the only correct one';
  await doc.el('comment').dispatch('input');

  assert.deepEqual(JSON.parse(storage.getItem(DRAFT)),
    { tiers: [['c'], ['a'], ['b']], scores: { a: 6 }, comment: 'C is the only correct one' });
});

test('a reload brings the draft back: order, ties, scores and comment', async () => {
  const storage = fakeStorage({
    [DRAFT]: JSON.stringify({ tiers: [['b', 'c'], ['a']], scores: { b: 5 }, comment: 'half done' }),
    'ranklab.draft.7.40': JSON.stringify({ tiers: [['x']] }),
  });
  const { doc } = await started({ storage, page: { collectScores: true } });

  assert.deepEqual(shownOrder(doc), ['b', 'c', 'a']);
  assert.deepEqual(doc.el('ranking').children.map((card) => card.querySelector('.rank-number').textContent), [1, 1, 2]);
  assert.equal(cardOf(doc, 'b').querySelector('.score').querySelector('select').value, '5');
  assert.equal(doc.el('comment').value, 'half done');
  assert.match(doc.el('announcer').textContent, /back as you left it/);
  assert.equal(storage.getItem('ranklab.draft.7.40'), null, 'the draft of an assignment no longer open is gone');
});

test('a draft that no longer fits the task is dropped and the task starts fresh', async () => {
  const storage = fakeStorage({ [DRAFT]: JSON.stringify({ tiers: [['b'], ['a']], comment: 'old' }) });
  const { doc } = await started({ storage });

  assert.deepEqual(shownOrder(doc), ['a', 'b', 'c']);
  assert.equal(doc.el('comment').value, '');
});

test('an accepted ranking clears its draft at once, even when the next task cannot be fetched', async () => {
  const tasks = [task('41', ['a', 'b', 'c'])];
  const { doc, api, storage } = await started({
    routes: {
      [NEXT]: () => tasks.shift() ?? Promise.reject(new ApiError(0, null, ['unreachable'])),
      '/api/v1/assignments/41/ranking': { ranking_id: '9' },
    },
  });
  await press(doc, cardOf(doc, 'b'), 'ArrowUp');
  assert.notEqual(storage.getItem(DRAFT), null);

  await press(doc, cardOf(doc, 'b'), 'Enter', { ctrlKey: true });

  assert.deepEqual(posted(api, '/api/v1/assignments/41/ranking')[0][1], { ranking: [['b'], ['a'], ['c']] });
  assert.equal(storage.getItem(DRAFT), null);
  assert.equal(doc.el('session-count').textContent, '1 done in this session');
  assert.match(doc.el('error').textContent, /cannot be reached/);
});

test('the next task starts clean', async () => {
  const { doc } = await started({
    tasks: [task('41', ['a', 'b', 'c']), task('42', ['d', 'e'])],
    routes: { '/api/v1/assignments/41/ranking': { ranking_id: '9' } },
  });
  await press(doc, cardOf(doc, 'b'), 'ArrowUp');
  doc.el('comment').value = 'first';

  await press(doc, cardOf(doc, 'b'), 'Enter', { ctrlKey: true });

  assert.deepEqual(shownOrder(doc), ['d', 'e']);
  assert.equal(doc.el('comment').value, '');
  await press(doc, cardOf(doc, 'd'), 'u');
  assert.equal(doc.el('announcer').textContent, 'Nothing to undo.');
});

test('a ranking refused for good clears its draft; one the labeler can fix keeps it', async () => {
  const tooLong = new ApiError(400, { errors: [{ field: 'comment', message: 'must be at most 4000 characters' }] });
  const fixable = await started({ routes: { '/api/v1/assignments/41/ranking': () => { throw tooLong; } } });
  await press(fixable.doc, cardOf(fixable.doc, 'b'), 'ArrowUp');
  await press(fixable.doc, cardOf(fixable.doc, 'b'), 'Enter', { ctrlKey: true });
  assert.equal(fixable.doc.el('error').textContent, 'comment: must be at most 4000 characters');
  assert.notEqual(fixable.storage.getItem(DRAFT), null);

  const answered = new ApiError(409, { detail: 'this assignment was already ranked differently' });
  const gone = await started({ routes: { '/api/v1/assignments/41/ranking': () => { throw answered; } } });
  await press(gone.doc, cardOf(gone.doc, 'b'), 'ArrowUp');
  await press(gone.doc, cardOf(gone.doc, 'b'), 'Enter', { ctrlKey: true });
  assert.equal(gone.storage.getItem(DRAFT), null);
  assert.equal(gone.doc.el('all-done').hidden, false, 'moved on');
  assert.equal(gone.doc.el('error').textContent, 'this assignment was already ranked differently');
});

test('the page keys skip, mark as not rankable and undo; a move is said aloud', async () => {
  const { doc, api } = await started({
    tasks: [task('41', ['a', 'b', 'c']), task('42', ['d', 'e'])],
    routes: { '/api/v1/assignments/41/skip': null, '/api/v1/assignments/42/ranking': { ranking_id: '3' } },
  });

  await press(doc, cardOf(doc, 'c'), '1');
  assert.equal(doc.el('announcer').textContent, 'Response C moved to rank 1.');
  await press(doc, cardOf(doc, 'a'), 'ArrowDown');
  assert.deepEqual(shownOrder(doc), ['c', 'b', 'a']);
  await press(doc, cardOf(doc, 'a'), 'u');
  assert.deepEqual(shownOrder(doc), ['c', 'a', 'b']);
  assert.equal(doc.el('announcer').textContent, 'Undone: Response A moved to rank 2.');
  assert.equal(doc.activeElement, cardOf(doc, 'a'));
  await press(doc, doc.el('submit'), 'z', { ctrlKey: true });
  assert.deepEqual(shownOrder(doc), ['a', 'b', 'c']);
  await press(doc, cardOf(doc, 'a'), 'u');
  assert.equal(doc.el('announcer').textContent, 'Nothing to undo.');

  await press(doc, cardOf(doc, 'a'), 'S', { shiftKey: true });
  assert.equal(posted(api, '/api/v1/assignments/41/skip').length, 1);
  await press(doc, cardOf(doc, 'd'), 'N', { shiftKey: true });
  assert.deepEqual(posted(api, '/api/v1/assignments/42/ranking')[0][1], { not_rankable: true });
});

test('no page key acts while the labeler types in the comment', async () => {
  const { doc, api } = await started();
  await press(doc, cardOf(doc, 'c'), '1');

  for (const [key, modifiers] of [['Enter', { ctrlKey: true }], ['S', { shiftKey: true }], ['N', { shiftKey: true }],
    ['u', {}], ['?', { shiftKey: true }]]) {
    const event = await doc.dispatch('keydown', { target: doc.el('comment'), key, ...modifiers });
    assert.notEqual(event.defaultPrevented, true, key);
  }
  await settle();

  assert.deepEqual(api.calls.map(([url]) => url), [NEXT]);
  assert.deepEqual(shownOrder(doc), ['c', 'a', 'b']);
  assert.equal(doc.el('hotkeys').open, false);
});

test('? opens and closes the list of keys, which names every page and card key', async () => {
  const { doc } = await started({ page: { allowTies: true } });

  await press(doc, cardOf(doc, 'a'), '?', { shiftKey: true });
  assert.equal(doc.el('hotkeys').open, true);
  const keys = doc.el('hotkey-list').children.map((row) => row.children[0].text.replace(/\s+/g, ' '));
  assert.deepEqual(keys, ['Ctrl Enter', 'Shift N', 'Shift S', 'U', '?', '↑ ↓', '1–9', '=', '-']);
  await press(doc, cardOf(doc, 'a'), 'S', { shiftKey: true });
  assert.equal(doc.el('task').hidden, false, 'no task key acts behind the open list');
  await press(doc, doc.el('hotkeys'), '?', { shiftKey: true });
  assert.equal(doc.el('hotkeys').open, false);
});

test('the lease is renewed while the labeler works; once gone the labeler is told and gets the next task', async () => {
  const time = fakeTime(Date.parse('2026-01-01T12:00:00Z'));
  let renewals = 0;
  const { doc, api, storage } = await started({
    time,
    tasks: [task('41', ['a', 'b', 'c']), task('42', ['d', 'e'])],
    routes: {
      '/api/v1/assignments/41/renew': () => {
        renewals += 1;
        if (renewals > 1) throw new ApiError(409, { detail: 'the lease is gone' });
        return { lease_expires_at: '2026-01-01T12:30:00Z' };
      },
    },
  });
  await press(doc, cardOf(doc, 'b'), 'ArrowUp');

  for (let minute = 0; minute < 15; minute++) {
    await time.advance(60_000);
    await doc.dispatch('pointerdown', { target: cardOf(doc, 'a') });
  }
  assert.equal(renewals, 1);
  assert.deepEqual(shownOrder(doc), ['b', 'a', 'c'], 'still on the task');

  for (let minute = 0; minute < 15; minute++) {
    await time.advance(60_000);
    await doc.dispatch('keydown', { target: doc.el('comment'), key: 'x' });
  }
  await settle();
  assert.equal(renewals, 2);
  assert.deepEqual(shownOrder(doc), ['d', 'e']);
  assert.match(doc.el('error').textContent, /ran out and it went to someone else/);
  assert.equal(storage.getItem(DRAFT), null);
  assert.equal(posted(api, NEXT).length, 2);
});

test('a side-by-side project shows responses in a row on wide screens and as the list on a phone', async () => {
  const { doc } = await started({ page: { layout: 'side_by_side', width: 1400 } });
  const list = doc.el('ranking');

  assert.equal(list.dataset.layout, 'side_by_side');
  assert.equal(list.dataset.columns, 3);
  assert.equal(cardOf(doc, 'a').querySelector('.candidate-text').getAttribute('tabindex'), '0', 'a pane to scroll by keyboard');
  assert.equal(cardOf(doc, 'a').querySelector('.show-more').hidden, true);

  doc.defaultView.resize(390);
  assert.equal(list.dataset.layout, 'list');
  assert.equal(cardOf(doc, 'a').querySelector('.candidate-text').getAttribute('tabindex'), null);
  assert.ok(cardOf(doc, 'a').querySelector('.candidate-text').classList.contains('collapsed'));
});

test('a list project stays a list on wide screens', async () => {
  const { doc } = await started({ page: { layout: 'list', width: 1400 } });

  assert.equal(doc.el('ranking').dataset.layout, 'list');
});

test('a long prompt folds behind "Show more"', async () => {
  const doc = labelPage();
  Object.assign(doc.el('prompt-text'), { scrollHeight: 900, clientHeight: 190 });
  startPage(doc, fakeApi({ [NEXT]: task('41', ['a', 'b']) }), { Sortable, storage: fakeStorage(), ...fakeTime() });
  await settle();

  const more = doc.el('prompt-more');
  assert.equal(more.hidden, false);
  assert.ok(doc.el('prompt-text').classList.contains('collapsed'));
  await more.dispatch('click');
  assert.equal(doc.el('prompt-text').classList.contains('collapsed'), false);
  assert.equal(more.textContent, 'Show less');
  assert.equal(more.getAttribute('aria-expanded'), 'true');
});

test('a conversation prompt is shown turn by turn', async () => {
  const conversation = {
    id: 'p', html: '<p>flat</p>',
    messages: [{ role: 'user', html: '<p>Hi</p>' }, { role: 'assistant', html: '<p>Hello</p>' }, { role: 'user', html: '<p>Why?</p>' }],
  };
  const { doc } = await started({ tasks: [task('41', ['a', 'b'], conversation)] });

  const [details, last] = doc.el('prompt-text').children;
  assert.equal(details.children[0].textContent, 'Show 2 earlier turns');
  assert.equal(last.children[1].innerHTML, '<p>Why?</p>');
});
