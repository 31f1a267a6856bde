// The project overview: rankings per day as a bar chart.
import { barChart } from './charts.js';
import { dailySeries } from './daily.js';

const page = document.querySelector('[data-project-overview]');
const series = dailySeries(JSON.parse(page.dataset.days), 14);
if (series.x.length === 0) {
  document.getElementById('no-rankings').hidden = false;
} else {
  barChart(document.getElementById('rankings-per-day'), series.x, series.y,
    { label: 'Rankings', yLabel: 'rankings' });
}
