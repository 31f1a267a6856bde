import { test } from 'node:test';
import assert from 'node:assert/strict';

import { barChart, runChart } from '../js/charts.js';
import { FakeUPlot } from './support/fake-uplot.js';

test('a bar chart fills its container and pads the x scale by half a bar', () => {
  const element = { clientWidth: 640 };
  const chart = barChart(FakeUPlot, element, [0, 86400, 172800], [1, 0, 3], { label: 'Rankings', yLabel: 'rankings' });

  assert.equal(chart.element, element);
  assert.equal(chart.options.width, 640);
  assert.deepEqual(chart.data, [[0, 86400, 172800], [1, 0, 3]]);
  assert.deepEqual(chart.options.scales.x.range(null, 0, 172800), [-43200, 216000]);
  assert.deepEqual(chart.options.scales.y.range(null, 0, 0), [0, 1]);
  assert.equal(chart.options.series[1].label, 'Rankings');
  assert.deepEqual(chart.options.series[1].paths, { bars: { size: [0.8, 64] } });
});

test('a bar chart is never narrower than 300 pixels and takes a given x range', () => {
  const chart = barChart(FakeUPlot, { clientWidth: 0 }, [0.05, 0.15], [2, 1], { time: false, xRange: () => [0, 1] });

  assert.equal(chart.options.width, 300);
  assert.equal(chart.options.scales.x.time, false);
  assert.deepEqual(chart.options.scales.x.range(null, 0.05, 0.15), [0, 1]);
});

test('a run chart is drawn on its first update and given new data after', () => {
  FakeUPlot.drawn = [];
  const container = { clientWidth: 0 };
  const chart = runChart(FakeUPlot, container);
  assert.equal(FakeUPlot.drawn.length, 0);

  chart.update([[1], [0.7], [0.6], [0.5]]);
  chart.update([[1, 2], [0.7, 0.5], [0.6, 0.4], [0.5, 0.8]]);

  assert.equal(FakeUPlot.drawn.length, 1);
  const [plot] = FakeUPlot.drawn;
  assert.equal(plot.element, container);
  assert.equal(plot.options.width, 800);
  assert.deepEqual(plot.options.series.map((s) => s.label),
    ['epoch', 'train loss', 'validation loss', 'validation accuracy']);
  assert.deepEqual(plot.updates, [[[1, 2], [0.7, 0.5], [0.6, 0.4], [0.5, 0.8]]]);
});

test('axes take the page colours, so that they stay readable in dark mode', () => {
  const style = { '--fg': ' #e6e9ef', '--line': '#343c4c' };
  const element = {
    clientWidth: 400,
    ownerDocument: { defaultView: { getComputedStyle: () => ({ getPropertyValue: (name) => style[name] ?? '' }) } },
  };
  const chart = barChart(FakeUPlot, element, [0], [1], { xLabel: 'day' });

  assert.deepEqual(chart.options.axes[0], { stroke: '#e6e9ef', grid: { stroke: '#343c4c' }, ticks: { stroke: '#343c4c' }, label: 'day' });
  FakeUPlot.drawn = [];
  runChart(FakeUPlot, element).update([[1], [1], [1], [1]]);
  assert.equal(FakeUPlot.drawn[0].options.axes[2].stroke, '#e6e9ef');
  assert.deepEqual(FakeUPlot.drawn[0].options.axes[2].grid, { show: false }, 'the right axis keeps its own grid');
});
