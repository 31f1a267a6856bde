import { test } from 'node:test';
import assert from 'node:assert/strict';

import { nextSort, sortedOrder, sortValue } from '../js/table-sort.js';

test('numeric columns sort as numbers, not as text', () => {
  assert.deepEqual(sortedOrder(['10', '9', '100'], 'number', 'asc'), [1, 0, 2]);
  assert.deepEqual(sortedOrder(['10', '9', '100'], 'number', 'desc'), [2, 0, 1]);
});

test('empty cells sort last in both directions', () => {
  const values = ['0.5', null, '-0.2', '', '0.9'];
  assert.deepEqual(sortedOrder(values, 'number', 'asc'), [2, 0, 4, 1, 3]);
  assert.deepEqual(sortedOrder(values, 'number', 'desc'), [4, 0, 2, 1, 3]);
});

test('text sorts ignoring case, with numbers inside names in numeric order', () => {
  assert.deepEqual(sortedOrder(['labeler-10', 'Labeler-2', 'anna'], 'text', 'asc'), [2, 1, 0]);
});

test('equal values keep their order', () => {
  assert.deepEqual(sortedOrder(['1', '1', '0', '1'], 'number', 'desc'), [0, 1, 3, 2]);
});

test('a non-number in a numeric column counts as empty', () => {
  assert.equal(sortValue('n/a', 'number'), null);
  assert.equal(sortValue('0', 'number'), 0);
});

test('clicking the sorted column flips it; a new numeric column starts with the largest', () => {
  assert.deepEqual(nextSort(null, 2, 'number'), { column: 2, direction: 'desc' });
  assert.deepEqual(nextSort({ column: 2, direction: 'desc' }, 2, 'number'), { column: 2, direction: 'asc' });
  assert.deepEqual(nextSort({ column: 2, direction: 'desc' }, 0, 'text'), { column: 0, direction: 'asc' });
});
