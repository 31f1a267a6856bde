// The quality page: the labeler table sorts by column, the per-prompt agreement histogram comes from the
// consensus export, and a labeler's latest rankings show next to the consensus of the others.
import { barChart } from './charts.js';
import { histogram } from './histogram.js';
import { agreements, parseNdjson } from './ndjson.js';
import { nextSort, sortedOrder } from './table-sort.js';

/** The note under the histogram for `count` prompts with an agreement. */
export function histogramNote(count) {
  if (count === 0) {
    return 'No prompt has two rankings yet.';
  }
  return `${count} prompt${count === 1 ? '' : 's'} with two or more rankings.`;
}

/** Kendall's tau of a reviewed ranking against the consensus, or a dash when there is none. */
export function tauText(tau) {
  return tau === null || tau === undefined ? 'τ –' : `τ ${tau.toFixed(2)}`;
}

/** A tier of candidates as one line, tied candidates joined by "=". */
export function tierText(tier) {
  return tier.map((candidate) => candidate.text).join(' = ');
}

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

function tierList(list, tiers) {
  list.replaceChildren(...tiers.map((tier, index) => {
    const item = list.ownerDocument.createElement('li');
    item.value = index + 1;
    item.textContent = tierText(tier);
    if (tier.length > 1) {
      item.classList.add('tied');
    }
    return item;
  }));
}

/** Wires the page; `api` comes from api.js, `uPlot` draws the histogram. */
export function startPage(doc, api, { uPlot }) {
  const project = doc.querySelector('[data-quality-page]').dataset.project;
  const el = (id) => doc.getElementById(id);

  const drawHistogram = async () => {
    const note = el('histogram-note');
    let text;
    try {
      text = await api.text(`/api/v1/projects/${project}/export/consensus`);
    } catch (error) {
      note.textContent = `The consensus could not be loaded (${error.status}).`;
      return;
    }
    const values = agreements(parseNdjson(text));
    if (values.length > 0) {
      const bins = histogram(values, 10, 0, 1);
      barChart(uPlot, el('agreement-histogram'), bins.centers, bins.counts,
        { label: 'Prompts', time: false, xLabel: 'agreement', yLabel: 'prompts', xRange: () => [0, 1] });
    }
    note.textContent = histogramNote(values.length);
  };

  const review = async (labeler, name) => {
    let data;
    try {
      data = await api.get(`/admin/projects/${project}/quality/labelers/${encodeURIComponent(labeler)}`);
    } catch {
      return;
    }
    el('review-labeler').textContent = name;
    el('review-empty').hidden = data.rankings.length > 0;
    const template = el('reviewed-ranking');
    el('reviewed').replaceChildren(...data.rankings.map((ranking) => {
      const item = template.content.firstElementChild.cloneNode(true);
      item.querySelector('.prompt-text').textContent = ranking.prompt;
      item.querySelector('.tau').textContent = tauText(ranking.kendall_tau);
      tierList(item.querySelector('.theirs'), ranking.ranking);
      if (ranking.consensus === null) {
        item.querySelector('.consensus').replaceWith(Object.assign(doc.createElement('p'),
          { className: 'muted', textContent: 'Nobody else ranked this prompt yet.' }));
      } else {
        tierList(item.querySelector('.consensus'), ranking.consensus);
      }
      return item;
    }));
    el('review').hidden = false;
  };

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
  // The prompts where the model disagrees: each labeler's button opens their review.
  const disagreements = el('disagreements');
  if (disagreements) {
    disagreements.addEventListener('click', (event) => {
      const button = event.target.closest('button.review');
      if (button) {
        review(button.dataset.labeler, button.textContent);
      }
    });
  }
  return drawHistogram().catch((error) => {
    el('histogram-note').textContent = `The histogram could not be drawn: ${error.message}`;
  });
}
