// Bar charts drawn by uPlot (served from its WebJar); sized to their container.
import uPlot from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';

const ACCENT = '#3358d4';

/** `xRange(min, max)` gives the x scale's ends; by default half a bar's step on each side. */
export function barChart(element, x, y, { label, time = true, xLabel, yLabel, xRange } = {}) {
  const step = x.length > 1 ? x[1] - x[0] : (time ? 86400 : 1);
  const range = xRange ?? ((min, max) => [min - step / 2, max + step / 2]);
  const options = {
    width: Math.max(element.clientWidth, 300),
    height: 220,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time, range: (u, min, max) => range(min, max) }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [{ label: xLabel }, { label: yLabel }],
    series: [{}, {
      label, stroke: ACCENT, fill: `${ACCENT}99`, width: 1,
      paths: uPlot.paths.bars({ size: [0.8, 64] }), points: { show: false },
    }],
  };
  return new uPlot(options, [x, y], element);
}
