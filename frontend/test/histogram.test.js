import { test } from 'node:test';
import assert from 'node:assert/strict';

import { histogram } from '../js/histogram.js';

test('histogram puts values in equal bins and 1.0 in the last', () => {
  const bins = histogram([0, 0.05, 0.1, 0.55, 0.999, 1], 10, 0, 1);
  assert.deepEqual(bins.counts, [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
  assert.equal(bins.edges.length, 11);
  assert.ok(Math.abs(bins.centers[0] - 0.05) < 1e-12);
});

test('histogram ignores values outside the range and non-numbers', () => {
  assert.deepEqual(histogram([-0.1, 1.1, null, NaN, 0.3], 2, 0, 1).counts, [1, 0]);
});
