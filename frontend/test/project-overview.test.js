import { test } from 'node:test';
import assert from 'node:assert/strict';

import { startPage } from '../js/project-overview.js';
import { fakeDocument } from './support/fake-dom.js';
import { FakeUPlot } from './support/fake-uplot.js';

function overview(days) {
  const doc = fakeDocument(['no-rankings', 'rankings-per-day']);
  doc.el('no-rankings').hidden = true;
  doc.inside('[data-project-overview]', doc.createElement('main')).dataset.days = JSON.stringify(days);
  return doc;
}

test('rankings per day are drawn over at least two weeks', () => {
  FakeUPlot.drawn = [];
  const doc = overview([{ day: '2025-03-10', rankings: 4 }]);

  startPage(doc, null, { uPlot: FakeUPlot });

  assert.equal(FakeUPlot.drawn.length, 1);
  const [chart] = FakeUPlot.drawn;
  assert.equal(chart.element, doc.el('rankings-per-day'));
  assert.equal(chart.data[0].length, 14);
  assert.equal(chart.data[1].at(-1), 4);
  assert.equal(doc.el('no-rankings').hidden, true);
});

test('a project without rankings says so instead of drawing', () => {
  FakeUPlot.drawn = [];
  const doc = overview([]);

  startPage(doc, null, { uPlot: FakeUPlot });

  assert.equal(FakeUPlot.drawn.length, 0);
  assert.equal(doc.el('no-rankings').hidden, false);
});
