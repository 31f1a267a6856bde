// The quality page: the labeler table sorts by column, the per-prompt agreement histogram comes from the
// consensus export, a labeler's latest rankings show next to the consensus of the others, and labelers are
// excluded (with a reason) and included again.
import { messagesOf } from './api.js';
import { barChart } from './charts.js';
import { showMessages } from './dom.js';
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

/** The API path of a labeler's exclusion from the project. */
export function exclusionPath(project, labeler) {
  return `/api/v1/projects/${project}/exclusions/${encodeURIComponent(labeler)}`;
}

/**
 * Excludes a labeler with a reason, or includes them again, then reloads the page (the report changes with
 * it); resolves with the messages of a refusal, empty on success.
 */
export function exclusionActions(api, project, reload) {
  const run = async (call) => {
    try {
      await call();
    } catch (error) {
      return messagesOf(error);
    }
    reload();
    return [];
  };
  return {
    exclude: (labeler, reason) => run(() => api.put(exclusionPath(project, labeler), { reason })),
    include: (labeler) => run(() => api.delete(exclusionPath(project, labeler))),
  };
}

function wireSorting(table) {
  let current = null;
  const headers = [...table.tHead.rows[0].cells];
  headers.forEach((header, column) => {
    const button = header.querySelector('button');
    if (!button) {
      return;
    }
    button.addEventListener('click', () => {
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

/** The exclusion panel: opened for one labeler, it asks for the reason and excludes them. */
function wireExclusionPanel(el, actions) {
  let labeler = null;
  const close = () => {
    el('exclusion').hidden = true;
    labeler = null;
  };
  el('exclusion-cancel').addEventListener('click', close);
  el('exclusion-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    showMessages(el('exclusion-form-errors'), await actions.exclude(labeler, el('exclusion-reason').value));
  });
  return (pseudonym, name) => {
    labeler = pseudonym;
    el('exclusion-labeler').textContent = name;
    el('exclusion-reason').value = '';
    showMessages(el('exclusion-form-errors'), []);
    el('exclusion').hidden = false;
    el('exclusion-reason').focus();
  };
}

/**
 * Wires the page; `api` comes from api.js, `uPlot` draws the histogram, `reload` shows the page again after an
 * exclusion changed.
 */
export function startPage(doc, api, { uPlot, reload = () => {} }) {
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
    const actions = exclusionActions(api, project, reload);
    const openExclusion = wireExclusionPanel(el, actions);
    table.addEventListener('click', async (event) => {
      const button = event.target.closest('button');
      const row = button?.closest('tr');
      const name = row?.querySelector('button.review')?.textContent;
      if (button?.classList.contains('review')) {
        review(row.dataset.labeler, name);
      } else if (button?.classList.contains('exclude')) {
        openExclusion(row.dataset.labeler, name);
      } else if (button?.classList.contains('include')) {
        showMessages(el('exclusion-error'), await actions.include(row.dataset.labeler));
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
