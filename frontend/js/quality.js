// The quality page: the labeler table sorts by column, the per-prompt agreement histogram comes from the
// consensus export, and a labeler's latest rankings show next to the consensus of the others.
import { barChart } from './charts.js';
import { histogram } from './histogram.js';
import { agreements, parseNdjson } from './ndjson.js';
import { nextSort, sortedOrder } from './table-sort.js';

const page = document.querySelector('[data-quality-page]');
const project = page.dataset.project;
const el = (id) => document.getElementById(id);

function wireSorting(table) {
  let current = null;
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((header, column) => {
    header.querySelector('button').addEventListener('click', () => {
      const type = header.dataset.type;
      current = nextSort(current, column, type);
      const body = table.tBodies[0];
      const rows = [...body.rows];
      const order = sortedOrder(rows.map((row) => row.cells[column].dataset.value ?? null), type, current.direction);
      order.forEach((index) => body.appendChild(rows[index]));
      headers.forEach((h, i) => h.setAttribute('aria-sort',
        i === column ? (current.direction === 'asc' ? 'ascending' : 'descending') : 'none'));
    });
  });
}

async function drawHistogram() {
  const note = el('histogram-note');
  const response = await fetch(`/api/v1/projects/${project}/export/consensus`, { credentials: 'same-origin' });
  if (!response.ok) {
    note.textContent = `The consensus could not be loaded (${response.status}).`;
    return;
  }
  const values = agreements(parseNdjson(await response.text()));
  if (values.length === 0) {
    note.textContent = 'No prompt has two rankings yet.';
    return;
  }
  const bins = histogram(values, 10, 0, 1);
  barChart(el('agreement-histogram'), bins.centers, bins.counts,
    { label: 'Prompts', time: false, xLabel: 'agreement', yLabel: 'prompts', xRange: () => [0, 1] });
  note.textContent = `${values.length} prompt${values.length === 1 ? '' : 's'} with two or more rankings.`;
}

function tierList(list, tiers) {
  list.replaceChildren(...tiers.map((tier, index) => {
    const item = document.createElement('li');
    item.value = index + 1;
    item.textContent = tier.map((candidate) => candidate.text).join(' = ');
    if (tier.length > 1) {
      item.classList.add('tied');
    }
    return item;
  }));
}

async function review(labeler, name) {
  const response = await fetch(`/admin/projects/${project}/quality/labelers/${encodeURIComponent(labeler)}`,
    { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    return;
  }
  const data = await response.json();
  el('review-labeler').textContent = name;
  el('review-empty').hidden = data.rankings.length > 0;
  const template = el('reviewed-ranking');
  el('reviewed').replaceChildren(...data.rankings.map((ranking) => {
    const item = template.content.firstElementChild.cloneNode(true);
    item.querySelector('.prompt-text').textContent = ranking.prompt;
    item.querySelector('.tau').textContent = ranking.kendall_tau === null ? 'τ –' : `τ ${ranking.kendall_tau.toFixed(2)}`;
    tierList(item.querySelector('.theirs'), ranking.ranking);
    if (ranking.consensus === null) {
      item.querySelector('.consensus').replaceWith(Object.assign(document.createElement('p'),
        { className: 'muted', textContent: 'Nobody else ranked this prompt yet.' }));
    } else {
      tierList(item.querySelector('.consensus'), ranking.consensus);
    }
    return item;
  }));
  el('review').hidden = false;
}

const table = el('labelers');
if (table) {
  wireSorting(table);
  table.addEventListener('click', (event) => {
    const button = event.target.closest('button.review');
    if (button) {
      review(button.closest('tr').dataset.labeler, button.textContent);
    }
  });
}
drawHistogram().catch((error) => {
  el('histogram-note').textContent = `The histogram could not be drawn: ${error.message}`;
});
