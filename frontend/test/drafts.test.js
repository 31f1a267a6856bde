import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { draftStore, fits, refusedForGood } from '../js/drafts.js';
import { fakeStorage } from './support/fake-label-page.js';

const draft = { tiers: [['b'], ['a', 'c']], scores: { a: 7, b: 2 }, comment: 'close call' };

test('a draft is kept per project and assignment and read back', () => {
  const storage = fakeStorage();
  draftStore(storage, '7').save('41', draft);

  assert.deepEqual(draftStore(storage, '7').load('41', ['a', 'b', 'c'], { allowTies: true }), draft);
  assert.equal(draftStore(storage, '7').load('42', ['a', 'b', 'c'], { allowTies: true }), null);
  assert.equal(draftStore(storage, '8').load('41', ['a', 'b', 'c'], { allowTies: true }), null);
});

test('a draft that does not fit the task is not restored', () => {
  const ids = ['a', 'b', 'c'];
  assert.equal(fits(draft, ids, true), true);
  assert.equal(fits(draft, ids, false), false, 'a tie where none is allowed');
  assert.equal(fits({ tiers: [['a'], ['b']] }, ids, true), false, 'a candidate missing');
  assert.equal(fits({ tiers: [['a'], ['b'], ['c'], ['d']] }, ids, true), false, 'a candidate too many');
  assert.equal(fits({ tiers: [['a'], ['a'], ['c']] }, ids, true), false, 'a candidate twice');
  assert.equal(fits({ tiers: [['a'], [], ['b', 'c']] }, ids, true), false, 'an empty tier');
  assert.equal(fits({ tiers: [['a'], ['b'], ['c']], scores: { a: 9 } }, ids, true), false, 'a score out of range');
  assert.equal(fits({ tiers: [['a'], ['b'], ['c']], scores: { x: 3 } }, ids, true), false, 'a score of another');
  assert.equal(fits({ tiers: [['a'], ['b'], ['c']], comment: 3 }, ids, true), false);
  assert.equal(fits({ tiers: 'a,b,c' }, ids, true), false);
  assert.equal(fits(null, ids, true), false);
});

test('stored text that is not JSON, or storage that refuses, reads as no draft and breaks nothing', () => {
  const storage = fakeStorage({ 'ranklab.draft.7.41': '{not json' });
  assert.equal(draftStore(storage, '7').load('41', ['a'], { allowTies: true }), null);

  const refusing = {
    get length() { throw new Error('SecurityError'); },
    key() { throw new Error('SecurityError'); },
    getItem() { throw new Error('SecurityError'); },
    setItem() { throw new Error('QuotaExceededError'); },
    removeItem() { throw new Error('SecurityError'); },
  };
  const drafts = draftStore(refusing, '7');
  drafts.save('41', draft);
  assert.equal(drafts.load('41', ['a', 'b', 'c'], { allowTies: true }), null);
  drafts.clear('41');
  drafts.clearAllBut('41');
  assert.equal(draftStore(null, '7').load('41', ['a'], { allowTies: true }), null);
});

test('only the open assignment keeps its draft, and other projects are left alone', () => {
  const storage = fakeStorage({
    'ranklab.draft.7.40': '{}', 'ranklab.draft.7.41': '{}', 'ranklab.draft.8.39': '{}', 'other.key': 'x',
  });

  draftStore(storage, '7').clearAllBut('41');
  assert.deepEqual([...storage.items.keys()].sort(), ['other.key', 'ranklab.draft.7.41', 'ranklab.draft.8.39']);

  draftStore(storage, '7').clearAllBut(null);
  assert.deepEqual([...storage.items.keys()].sort(), ['other.key', 'ranklab.draft.8.39']);
});

test('answers refused for good are told apart from problems the labeler can fix', () => {
  const invalid = (...fields) => new ApiError(400, { errors: fields.map((field) => ({ field, message: 'x' })) });
  assert.equal(refusedForGood(new ApiError(409, { detail: 'already ranked' })), true);
  assert.equal(refusedForGood(new ApiError(404, { detail: 'no such assignment' })), true);
  assert.equal(refusedForGood(new ApiError(403, { detail: 'not yours' })), true);
  assert.equal(refusedForGood(invalid('ranking[1][0]')), true, 'an id the task does not have');
  assert.equal(refusedForGood(invalid('ranking')), true, 'a candidate missing');
  assert.equal(refusedForGood(invalid('comment')), false);
  assert.equal(refusedForGood(invalid('ranking[1]')), false, 'a tie to split');
  assert.equal(refusedForGood(invalid('scores', 'scores.12')), false);
  assert.equal(refusedForGood(new ApiError(0, null, ['unreachable'])), false);
  assert.equal(refusedForGood(new ApiError(500, null)), false);
});
