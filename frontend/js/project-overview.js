// The project overview: rankings per day as a bar chart.
import { barChart } from './charts.js';
import { dailySeries } from './daily.js';

/** Draws the chart from the page's data-days; the page calls no API, `api` is taken for the common signature. */
export function startPage(doc, api, { uPlot }) {
  const page = doc.querySelector('[data-project-overview]');
  const series = dailySeries(JSON.parse(page.dataset.days), 14);
  if (series.x.length === 0) {
    doc.getElementById('no-rankings').hidden = false;
  } else {
    barChart(uPlot, doc.getElementById('rankings-per-day'), series.x, series.y,
      { label: 'Rankings', yLabel: 'rankings' });
  }
}
