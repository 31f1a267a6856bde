import { test } from 'node:test';
import assert from 'node:assert/strict';

import { dailySeries } from '../js/daily.js';
import { histogram } from '../js/histogram.js';
import { agreements, parseNdjson } from '../js/ndjson.js';
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

test('histogram puts values in equal bins and 1.0 in the last', () => {
  const bins = histogram([0, 0.05, 0.1, 0.55, 0.999, 1], 10, 0, 1);
  assert.deepEqual(bins.counts, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  assert.equal(bins.edges.length, 11);
  assert.ok(Math.abs(bins.centers[0] - 0.05) < 1e-12);
});

test('histogram ignores values outside the range and non-numbers', () => {
  assert.deepEqual(histogram([-0.1, 1.1, null, NaN, 0.3], 2, 0, 1).counts, [1, 0]);
});

test('reads NDJSON lines and keeps the agreements that exist', () => {
  const lines = parseNdjson('{"prompt_id":"1","agreement":0.5}\n{"prompt_id":"2","agreement":null}\n\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(agreements(lines), [0.5]);
});

test('daily series fills the days without rankings with zero', () => {
  const series = dailySeries([{ day: '2025-03-03', rankings: 4 }, { day: '2025-03-01', rankings: 2 }]);
  assert.deepEqual(series.y, [2, 0, 4]);
  assert.equal(series.x[0], Date.UTC(2025, 2, 1) / 1000);
  assert.equal(series.x[2] - series.x[0], 2 * 86400);
});

test('daily series reaches back to cover at least the days asked for', () => {
  const series = dailySeries([{ day: '2025-03-10', rankings: 1 }], 3);
  assert.deepEqual(series.y, [0, 0, 1]);
  assert.equal(series.x[0], Date.UTC(2025, 2, 8) / 1000);
});

test('daily series of nothing is empty', () => {
  assert.deepEqual(dailySeries([]), { x: [], y: [] });
});
