import { test } from 'node:test';
import assert from 'node:assert/strict';

import { dailySeries } from '../js/daily.js';

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
