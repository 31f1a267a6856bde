import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  applyAction, cardKeys, describeMove, dropAt, flatten, initialTiers, isJoinedToAbove, isTied, keyAction, moveDown, moveUp,
  notRankablePayload, rankOf, rankingPayload, setRank, splitOff, tieWithAbove,
} from '../js/ranking.js';

const abcd = () => initialTiers(['a', 'b', 'c', 'd']);

test('starts with every candidate alone, in the order shown', () => {
  assert.deepEqual(abcd(), [['a'], ['b'], ['c'], ['d']]);
  assert.equal(rankOf(abcd(), 'c'), 3);
});

test('dropping a card moves it and keeps the others in order', () => {
  assert.deepEqual(dropAt(abcd(), 'd', 0), [['d'], ['a'], ['b'], ['c']]);
  assert.deepEqual(dropAt(abcd(), 'a', 3), [['b'], ['c'], ['d'], ['a']]);
  assert.deepEqual(dropAt(abcd(), 'b', 1), abcd());
});

test('dropping a card between two tied cards joins their tie', () => {
  const tiers = [['a'], ['b', 'c'], ['d']];
  assert.deepEqual(dropAt(tiers, 'd', 2), [['a'], ['b', 'd', 'c']]);
});

test('dropping a card next to a tie, not inside it, keeps it alone', () => {
  const tiers = [['a'], ['b', 'c'], ['d']];
  assert.deepEqual(dropAt(tiers, 'a', 2), [['b', 'c'], ['a'], ['d']]);
  assert.deepEqual(dropAt(tiers, 'd', 1), [['a'], ['d'], ['b', 'c']]);
});

test('dragging a card out of its tie leaves the rest of the tie together', () => {
  const tiers = [['a', 'b', 'c'], ['d']];
  assert.deepEqual(dropAt(tiers, 'a', 3), [['b', 'c'], ['d'], ['a']]);
});

test('arrow keys move a lone card past a whole tier', () => {
  const tiers = [['a'], ['b', 'c'], ['d']];
  assert.deepEqual(moveDown(tiers, 'a'), [['b', 'c'], ['a'], ['d']]);
  assert.deepEqual(moveUp(tiers, 'd'), [['a'], ['d'], ['b', 'c']]);
});

test('arrow keys first take a tied card out of its tie', () => {
  const tiers = [['a'], ['b', 'c'], ['d']];
  assert.deepEqual(moveUp(tiers, 'c'), [['a'], ['c'], ['b'], ['d']]);
  assert.deepEqual(moveDown(tiers, 'b'), [['a'], ['c'], ['b'], ['d']]);
});

test('arrow keys stop at the ends', () => {
  assert.deepEqual(moveUp(abcd(), 'a'), abcd());
  assert.deepEqual(moveDown(abcd(), 'd'), abcd());
});

test('typing a digit sets the rank of the card', () => {
  assert.deepEqual(setRank(abcd(), 'c', 1), [['c'], ['a'], ['b'], ['d']]);
  assert.deepEqual(setRank(abcd(), 'a', 3), [['b'], ['c'], ['a'], ['d']]);
  assert.deepEqual(setRank(abcd(), 'a', 9), [['b'], ['c'], ['d'], ['a']]);
  assert.equal(rankOf(setRank(abcd(), 'd', 2), 'd'), 2);
});

test('a card joins the tier above and splits off again', () => {
  const tied = tieWithAbove(abcd(), 'c');
  assert.deepEqual(tied, [['a'], ['b', 'c'], ['d']]);
  assert.equal(rankOf(tied, 'c'), 2);
  assert.equal(rankOf(tied, 'd'), 3);
  assert.ok(isTied(tied, 'b') && isJoinedToAbove(tied, 'c') && !isJoinedToAbove(tied, 'b'));
  assert.deepEqual(splitOff(tied, 'c'), abcd());
  assert.deepEqual(splitOff(tied, 'b'), [['a'], ['c'], ['b'], ['d']]);
});

test('the top card has nothing to tie with, a lone card nothing to split from', () => {
  assert.deepEqual(tieWithAbove(abcd(), 'a'), abcd());
  assert.deepEqual(splitOff(abcd(), 'b'), abcd());
});

test('functions leave their input unchanged', () => {
  const tiers = [['a'], ['b', 'c'], ['d']];
  const copy = JSON.parse(JSON.stringify(tiers));
  dropAt(tiers, 'a', 2); moveUp(tiers, 'c'); moveDown(tiers, 'a'); setRank(tiers, 'd', 1);
  tieWithAbove(tiers, 'd'); splitOff(tiers, 'b');
  assert.deepEqual(tiers, copy);
});

test('keys map to moves, ranks and ties; ties only where allowed', () => {
  assert.deepEqual(keyAction('ArrowUp', { allowTies: true }), { type: 'up' });
  assert.deepEqual(keyAction('3', { allowTies: false }), { type: 'rank', rank: 3 });
  assert.deepEqual(keyAction('=', { allowTies: true }), { type: 'tie' });
  assert.equal(keyAction('=', { allowTies: false }), null);
  assert.equal(keyAction('-', { allowTies: false }), null);
  assert.equal(keyAction('0', { allowTies: true }), null);
  assert.equal(keyAction('x', { allowTies: true }), null);
  assert.deepEqual(applyAction(abcd(), 'b', keyAction('ArrowDown', { allowTies: true })),
    [['a'], ['c'], ['b'], ['d']]);
  assert.deepEqual(applyAction(abcd(), 'b', null), abcd());
});

test('builds the ranking body: tiers best first, trimmed comment', () => {
  const { body, errors } = rankingPayload({
    tiers: [['a'], ['b', 'c'], ['d']], allowTies: true, collectScores: false, comment: '  close  ',
  });
  assert.equal(errors, undefined);
  assert.deepEqual(body, { ranking: [['a'], ['b', 'c'], ['d']], comment: 'close' });
  assert.deepEqual(flatten(body.ranking), ['a', 'b', 'c', 'd']);
});

test('leaves out an empty comment and scores that are not collected', () => {
  const { body } = rankingPayload({ tiers: abcd(), allowTies: false, collectScores: false, scores: { a: 3 }, comment: ' ' });
  assert.deepEqual(body, { ranking: abcd() });
});

test('refuses a tie where ties are off', () => {
  const { errors } = rankingPayload({ tiers: [['a', 'b'], ['c'], ['d']], allowTies: false, collectScores: false });
  assert.equal(errors.length, 1);
});

test('needs a 1 to 7 score for every candidate when scores are collected', () => {
  const tiers = abcd();
  assert.equal(rankingPayload({ tiers, allowTies: true, collectScores: true, scores: { a: 7, b: 5, c: 3 } }).errors.length, 1);
  assert.equal(rankingPayload({ tiers, allowTies: true, collectScores: true, scores: { a: 7, b: 5, c: 3, d: 8 } }).errors.length, 1);
  const { body } = rankingPayload({ tiers, allowTies: true, collectScores: true, scores: { a: 7, b: 5, c: 3, d: 1 } });
  assert.deepEqual(body.scores, { a: 7, b: 5, c: 3, d: 1 });
});

test('a not-rankable verdict carries no ranking', () => {
  assert.deepEqual(notRankablePayload({ comment: 'cut off' }).body, { not_rankable: true, comment: 'cut off' });
  assert.deepEqual(notRankablePayload({}).body, { not_rankable: true });
});

test('a move is told as a screen reader should hear it', () => {
  const before = [['a'], ['b'], ['c']];
  assert.equal(describeMove(before, [['b'], ['a'], ['c']], 'b', 'Response B'), 'Response B moved to rank 1.');
  assert.equal(describeMove(before, before, 'a', 'Response A'), 'Response A stays at rank 1.');
  assert.equal(describeMove(before, [['a', 'b'], ['c']], 'b', 'Response B'), 'Response B tied at rank 1.');
  assert.equal(describeMove([['a', 'b'], ['c']], before, 'b', 'Response B'), 'Response B split off to rank 2.');
  assert.equal(describeMove([['a'], ['b', 'c']], [['c'], ['a'], ['b']], 'c', 'Response C'), 'Response C moved to rank 1.');
  assert.equal(describeMove([['a'], ['b', 'c'], ['d']], [['b', 'c'], ['a'], ['d']], 'a', 'Response A'),
    'Response A moved to rank 2.');
});

test('the keys of a card, as the help lists them, follow the project', () => {
  const keys = (allowTies) => cardKeys({ allowTies }).flatMap((k) => k.keys);
  assert.deepEqual(keys(false), ['↑', '↓', '1–9']);
  assert.deepEqual(keys(true), ['↑', '↓', '1–9', '=', '-']);
  const pressed = { '↑': 'ArrowUp', '↓': 'ArrowDown', '1–9': '5' };
  for (const key of keys(true)) {
    assert.notEqual(keyAction(pressed[key] ?? key, { allowTies: true }), null, key);
  }
});
