// Charts drawn by uPlot, sized to their container. uPlot itself is passed in by the page entries (they
// import it from its WebJar, a URL node cannot load), so node tests can draw with a stand-in.

const ACCENT = '#3358d4';

/**
 * The page's text and line colours (app.css custom properties, which dark mode swaps) for the axes, which
 * uPlot would draw black; uPlot's defaults where there is no style to read (node tests).
 */
export function axisColours(element) {
  const style = element.ownerDocument?.defaultView?.getComputedStyle?.(element);
  const colour = (name) => style?.getPropertyValue(name).trim() || undefined;
  return { stroke: colour('--fg'), line: colour('--line') };
}

/** An axis of `options` in the page's colours. */
function axis(colours, options = {}) {
  if (colours.stroke === undefined) return options;
  return { stroke: colours.stroke, grid: { stroke: colours.line }, ticks: { stroke: colours.line }, ...options };
}

/** `xRange(min, max)` gives the x scale's ends; by default half a bar's step on each side. */
export function barChart(uPlot, element, x, y, { label, time = true, xLabel, yLabel, xRange } = {}) {
  const step = x.length > 1 ? x[1] - x[0] : (time ? 86400 : 1);
  const range = xRange ?? ((min, max) => [min - step / 2, max + step / 2]);
  const options = {
    width: Math.max(element.clientWidth, 300),
    height: 220,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time, range: (u, min, max) => range(min, max) }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
    axes: [axis(axisColours(element), { label: xLabel }), axis(axisColours(element), { label: yLabel })],
    series: [{}, {
      label, stroke: ACCENT, fill: `${ACCENT}99`, width: 1,
      paths: uPlot.paths.bars({ size: [0.8, 64] }), points: { show: false },
    }],
  };
  return new uPlot(options, [x, y], element);
}

/**
 * A training run's chart: losses on the left axis, validation accuracy (0..1) on the right, drawn on the
 * first update and redrawn as epochs come in. `update` takes the columns of training.js's chartData.
 */
export function runChart(uPlot, container) {
  let plot = null;
  const options = (colours = axisColours(container)) => ({
    width: Math.max(320, container.clientWidth || 800),
    height: 260,
    scales: { x: { time: false }, acc: { range: [0, 1] } },
    axes: [
      axis(colours, { label: 'epoch', incrs: [1, 2, 5, 10, 20, 50, 100] }),
      axis(colours, { label: 'loss' }),
      axis(colours, { scale: 'acc', side: 1, label: 'validation accuracy', grid: { show: false } }),
    ],
    series: [
      { label: 'epoch' },
      { label: 'train loss', stroke: ACCENT, width: 2, points: { show: true } },
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
