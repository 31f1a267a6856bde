import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
import { startPage } from './training.js';

/** Losses on the left axis, validation accuracy (0..1) on the right, redrawn as epochs come in. */
function makeChart(container) {
  let plot = null;
  const options = () => ({
    width: Math.max(320, container.clientWidth || 800),
    height: 260,
    scales: { x: { time: false }, acc: { range: [0, 1] } },
    axes: [
      { label: 'epoch', incrs: [1, 2, 5, 10, 20, 50, 100] },
      { label: 'loss' },
      { scale: 'acc', side: 1, label: 'validation accuracy', grid: { show: false } },
    ],
    series: [
      { label: 'epoch' },
      { label: 'train loss', stroke: '#3358d4', width: 2, points: { show: true } },
      { label: 'validation loss', stroke: '#d97706', width: 2, points: { show: true } },
      { label: 'validation accuracy', scale: 'acc', stroke: '#15803d', width: 2, points: { show: true } },
    ],
  });
  return {
    update(data) {
      if (plot === null) {
        plot = new uPlot(options(), data, container);
      } else {
        plot.setData(data);
      }
    },
  };
}

startPage(document, window.fetch.bind(window), { makeChart });
