// The ranking page: fetches a task, lets the labeler order the responses by drag and drop (mouse or touch,
// through SortableJS) or by keyboard, and submits through the api (api.js) with the session's CSRF token.
// The ordering rules live in ranking.js; this module only wires them to the page.
import { ApiError } from './api.js';
import { showGuidelinesOf } from './guidelines.js';
import {
  applyAction, dropAt, flatten, initialTiers, isJoinedToAbove, isTied, keyAction, notRankablePayload,
  rankOf, rankingPayload, tierIndexOf,
} from './ranking.js';

/** "Response A", "Response B", … for the candidate shown at `index`. */
export function candidateLabel(index) {
  return `Response ${String.fromCharCode(65 + index)}`;
}

/** The error to show for a failed call: what the server said, or `unreachable` when it could not be reached. */
export function failureMessage(error, unreachable) {
  if (error instanceof ApiError && error.status !== 0) {
    return error.messages.join('\n');
  }
  return unreachable;
}

/** Wires the page; `api` comes from api.js, `Sortable` is SortableJS (drag and drop). */
export function startPage(doc, api, { Sortable }) {
  const page = doc.querySelector('[data-label-page]');
  const settings = {
    project: page.dataset.project,
    allowTies: page.dataset.allowTies === 'true',
    collectScores: page.dataset.collectScores === 'true',
  };
  const el = (id) => doc.getElementById(id);
  const list = el('ranking');

  let task = null;
  let tiers = [];
  let scores = {};
  let cards = new Map();
  let busy = false;
  let done = 0;

  function showError(message) {
    el('error').textContent = message;
    el('error').hidden = !message;
  }

  function announce(message) {
    el('announcer').textContent = message;
  }

  function setBusy(value) {
    busy = value;
    for (const id of ['submit', 'not-rankable', 'skip']) el(id).disabled = value;
  }

  function buildCard(candidate, index) {
    const card = el('candidate-card').content.firstElementChild.cloneNode(true);
    card.dataset.id = candidate.id;
    card.querySelector('.candidate-label').textContent = candidateLabel(index);
    // Rendered and sanitised on the server (Markdown with HTML escaped), so it can go in as HTML.
    card.querySelector('.candidate-text').innerHTML = candidate.html;
    card.querySelector('.tie').hidden = !settings.allowTies;
    card.querySelector('.split').hidden = !settings.allowTies;
    const score = card.querySelector('.score');
    score.hidden = !settings.collectScores;
    score.querySelector('select').setAttribute('aria-label', `Score of ${candidateLabel(index)} from 1 to 7`);
    return card;
  }

  /** Puts the cards in the order of the tiers and refreshes rank numbers, tie marks and buttons. */
  function renderOrder() {
    for (const id of flatten(tiers)) {
      const card = cards.get(id);
      list.appendChild(card);
      const rank = rankOf(tiers, id);
      const label = card.querySelector('.candidate-label').textContent;
      card.querySelector('.rank-number').textContent = rank;
      card.classList.toggle('tied', isTied(tiers, id));
      card.classList.toggle('joined', isJoinedToAbove(tiers, id));
      card.querySelector('.tie-mark').hidden = !isTied(tiers, id);
      card.setAttribute('aria-label', `${label}, rank ${rank}${isTied(tiers, id) ? ', tied' : ''}`);
      if (settings.allowTies) {
        card.querySelector('.tie').hidden = tierIndexOf(tiers, id) === 0 || isJoinedToAbove(tiers, id);
        card.querySelector('.split').hidden = !isTied(tiers, id);
      }
    }
  }

  function revealShowMore() {
    for (const card of cards.values()) {
      const text = card.querySelector('.candidate-text');
      text.classList.add('collapsed');
      card.querySelector('.show-more').hidden = text.scrollHeight <= text.clientHeight + 4;
    }
  }

  function change(id, next, message) {
    tiers = next;
    renderOrder();
    const card = cards.get(id);
    card.focus();
    announce(message ?? `${card.querySelector('.candidate-label').textContent} is now rank ${rankOf(tiers, id)}.`);
  }

  function showTask(next) {
    task = next;
    tiers = initialTiers(task.candidates.map((candidate) => candidate.id));
    scores = {};
    cards = new Map(task.candidates.map((candidate, index) => [candidate.id, buildCard(candidate, index)]));
    list.replaceChildren();
    el('prompt-text').innerHTML = task.prompt.html;
    showGuidelinesOf(doc, task);
    el('comment').value = '';
    showError('');
    renderOrder();
    el('loading').hidden = true;
    el('task').hidden = false;
    revealShowMore();
    doc.defaultView?.scrollTo({ top: 0 });
  }

  function showAllDone() {
    task = null;
    el('task').hidden = true;
    el('loading').hidden = true;
    el('all-done').hidden = false;
  }

  async function loadNext() {
    setBusy(true);
    try {
      const next = await api.post(`/projects/${settings.project}/label/next`);
      if (next === null) {
        showAllDone();
      } else {
        showTask(next);
      }
    } catch (error) {
      showError(failureMessage(error, 'The server cannot be reached. Check your connection and reload the page.'));
    } finally {
      setBusy(false);
    }
  }

  async function answer(path, body, message) {
    if (busy || task === null) return;
    setBusy(true);
    try {
      await api.post(`/api/v1/assignments/${task.assignment_id}/${path}`, body);
      done += 1;
      el('session-count').textContent = `${done} done in this session`;
      announce(message);
      await loadNext();
    } catch (error) {
      const problem = failureMessage(error, 'The server cannot be reached. Your answer was not saved; try again.');
      if (error.status === 409) {
        // Already answered, or the lease was lost to someone else: nothing to fix here, move on.
        await loadNext();
      }
      showError(problem);
    } finally {
      setBusy(false);
    }
  }

  el('submit').addEventListener('click', () => {
    const { body, errors } = rankingPayload({
      tiers, allowTies: settings.allowTies, collectScores: settings.collectScores, scores, comment: el('comment').value,
    });
    if (errors) {
      showError(errors.join('\n'));
      return;
    }
    answer('ranking', body, 'Ranking saved.');
  });
  el('not-rankable').addEventListener('click', () => {
    answer('ranking', notRankablePayload({ comment: el('comment').value }).body, 'Marked as not rankable.');
  });
  el('skip').addEventListener('click', () => answer('skip', undefined, 'Skipped.'));

  list.addEventListener('keydown', (event) => {
    const card = event.target;
    if (!card.classList?.contains('candidate') || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = keyAction(event.key, { allowTies: settings.allowTies });
    if (action === null) return;
    event.preventDefault();
    change(card.dataset.id, applyAction(tiers, card.dataset.id, action));
  });

  list.addEventListener('click', (event) => {
    const card = event.target.closest('.candidate');
    if (!card) return;
    const id = card.dataset.id;
    if (event.target.closest('.tie')) {
      change(id, applyAction(tiers, id, { type: 'tie' }), 'Tied with the response above.');
    } else if (event.target.closest('.split')) {
      change(id, applyAction(tiers, id, { type: 'split' }), 'Split off from the tie.');
    } else if (event.target.closest('.show-more')) {
      const text = card.querySelector('.candidate-text');
      const expanded = text.classList.toggle('collapsed') === false;
      event.target.textContent = expanded ? 'Show less' : 'Show more';
    }
  });

  list.addEventListener('change', (event) => {
    const card = event.target.closest('.candidate');
    if (card && event.target.matches('select')) {
      scores[card.dataset.id] = event.target.value === '' ? undefined : Number(event.target.value);
    }
  });

  Sortable.create(list, {
    animation: 150,
    // Pointer events instead of native drag and drop: the same on every browser, and on touch screens.
    forceFallback: true,
    fallbackTolerance: 4,
    delay: 200,
    delayOnTouchOnly: true,
    filter: 'button, select, label, a, .candidate-tools',
    preventOnFilter: false,
    onEnd(event) {
      const id = event.item.dataset.id;
      if (event.oldIndex === event.newIndex) return;
      change(id, dropAt(tiers, id, event.newIndex));
    },
  });

  loadNext();
}
