// The ranking page: fetches a task, lets the labeler order the responses by drag and drop (mouse or touch,
// through SortableJS) or by keyboard, and submits through the api (api.js) with the session's CSRF token.
// The ordering rules live in ranking.js, the page-wide keys in hotkeys.js, drafts in drafts.js, the lease in
// lease.js, the layouts in layout.js and the prompt in conversation.js; this module wires them to the page.
import { ApiError } from './api.js';
import { renderPrompt } from './conversation.js';
import { draftStore, refusedForGood } from './drafts.js';
import { showGuidelinesOf } from './guidelines.js';
import { HOTKEYS, hotkeyAction } from './hotkeys.js';
import { chooseLayout, scrollPanesTogether } from './layout.js';
import { keepLease } from './lease.js';
import {
  applyAction, cardKeys, describeMove, dropAt, flatten, initialTiers, isJoinedToAbove, isTied, keyAction,
  notRankablePayload, rankOf, rankingPayload, tierIndexOf,
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

const LEASE_GONE = 'The time for your last task ran out and it went to someone else. Here is your next task.';

/**
 * Wires the page; `api` comes from api.js, `Sortable` is SortableJS (drag and drop), `storage` keeps drafts
 * (localStorage), `timers` and `clock` run the lease renewal (the window and Date unless a test gives fakes).
 */
export function startPage(doc, api, { Sortable, storage, timers = globalThis, clock = Date }) {
  const page = doc.querySelector('[data-label-page]');
  const settings = {
    project: page.dataset.project,
    allowTies: page.dataset.allowTies === 'true',
    collectScores: page.dataset.collectScores === 'true',
    layout: page.dataset.layout ?? 'list',
  };
  const el = (id) => doc.getElementById(id);
  const win = doc.defaultView;
  const list = el('ranking');
  const drafts = draftStore(storage, settings.project);

  let task = null;
  let promptText = null;
  let tiers = [];
  let scores = {};
  let cards = new Map();
  let history = [];
  let lease = null;
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

  const labelOf = (id) => cards.get(id).querySelector('.candidate-label').textContent;

  function saveDraft() {
    if (task !== null) drafts.save(task.assignment_id, { tiers, scores, comment: el('comment').value });
  }

  function buildCard(candidate, index) {
    const card = el('candidate-card').content.firstElementChild.cloneNode(true);
    card.dataset.id = candidate.id;
    card.querySelector('.candidate-label').textContent = candidateLabel(index);
    // Rendered and sanitised on the server (Markdown with HTML escaped), so it can go in as HTML.
    const text = card.querySelector('.candidate-text');
    text.innerHTML = candidate.html;
    text.setAttribute('aria-label', `Text of ${candidateLabel(index)}`);
    card.querySelector('.tie').hidden = !settings.allowTies;
    card.querySelector('.split').hidden = !settings.allowTies;
    const score = card.querySelector('.score');
    score.hidden = !settings.collectScores;
    const select = score.querySelector('select');
    select.setAttribute('aria-label', `Score of ${candidateLabel(index)} from 1 to 7`);
    if (scores[candidate.id] !== undefined) select.value = String(scores[candidate.id]);
    return card;
  }

  /** Puts the cards in the order of the tiers and refreshes rank numbers, tie marks and buttons. */
  function renderOrder() {
    for (const id of flatten(tiers)) {
      const card = cards.get(id);
      list.appendChild(card);
      const rank = rankOf(tiers, id);
      card.querySelector('.rank-number').textContent = rank;
      card.classList.toggle('tied', isTied(tiers, id));
      card.classList.toggle('joined', isJoinedToAbove(tiers, id));
      card.querySelector('.tie-mark').hidden = !isTied(tiers, id);
      card.setAttribute('aria-label', `${labelOf(id)}, rank ${rank}${isTied(tiers, id) ? ', tied' : ''}`);
      if (settings.allowTies) {
        card.querySelector('.tie').hidden = tierIndexOf(tiers, id) === 0 || isJoinedToAbove(tiers, id);
        card.querySelector('.split').hidden = !isTied(tiers, id);
      }
    }
  }

  /** Folds a long text behind its "Show more" button; a short one shows whole, without the button. */
  function fold(text, button) {
    text.classList.add('collapsed');
    button.textContent = 'Show more';
    button.setAttribute('aria-expanded', 'false');
    button.hidden = text.scrollHeight <= text.clientHeight + 4;
  }

  function toggleFold(text, button) {
    const expanded = text.classList.toggle('collapsed') === false;
    button.textContent = expanded ? 'Show less' : 'Show more';
    button.setAttribute('aria-expanded', String(expanded));
  }

  /** The project's layout as the screen allows; side by side, texts scroll in panes instead of folding. */
  function applyLayout() {
    if (task === null) return;
    const shown = chooseLayout({ layout: settings.layout, width: win?.innerWidth ?? 1280, count: cards.size });
    list.dataset.layout = shown.name;
    list.dataset.columns = shown.columns ?? 1;
    page.dataset.shownLayout = shown.name;
    for (const card of cards.values()) {
      const text = card.querySelector('.candidate-text');
      const button = card.querySelector('.show-more');
      if (shown.name === 'side_by_side') {
        text.classList.remove('collapsed');
        text.setAttribute('tabindex', '0');
        button.hidden = true;
      } else {
        text.removeAttribute('tabindex');
        fold(text, button);
      }
    }
  }

  /** Makes `next` the ranking: re-rendered, kept as a draft, undoable, and said aloud. */
  function change(id, next) {
    const message = describeMove(tiers, next, id, labelOf(id));
    if (JSON.stringify(next) !== JSON.stringify(tiers)) {
      history.push({ tiers, id });
      tiers = next;
      renderOrder();
      saveDraft();
    }
    cards.get(id).focus();
    announce(message);
  }

  function undo() {
    const last = history.pop();
    if (last === undefined) {
      announce('Nothing to undo.');
      return;
    }
    const message = `Undone: ${describeMove(tiers, last.tiers, last.id, labelOf(last.id))}`;
    tiers = last.tiers;
    renderOrder();
    saveDraft();
    cards.get(last.id).focus();
    announce(message);
  }

  function restoreDraft() {
    const draft = drafts.load(task.assignment_id, task.candidates.map((c) => c.id), settings);
    drafts.clearAllBut(task.assignment_id);
    if (draft === null) return false;
    tiers = draft.tiers;
    scores = draft.scores ?? {};
    el('comment').value = draft.comment ?? '';
    return true;
  }

  function watchLease() {
    lease?.stop();
    lease = null;
    if (!task.lease_expires_at) return;
    const assignment = task.assignment_id;
    lease = keepLease({
      leaseExpiresAt: task.lease_expires_at,
      renew: () => api.post(`/api/v1/assignments/${assignment}/renew`),
      onGone: async () => {
        drafts.clear(assignment);
        await loadNext();
        showError(LEASE_GONE);
        announce(LEASE_GONE);
      },
      timers,
      clock,
    });
  }

  function showTask(next) {
    task = next;
    tiers = initialTiers(task.candidates.map((candidate) => candidate.id));
    scores = {};
    history = [];
    el('comment').value = '';
    const restored = restoreDraft();
    cards = new Map(task.candidates.map((candidate, index) => [candidate.id, buildCard(candidate, index)]));
    list.replaceChildren();
    promptText = renderPrompt(doc, el('prompt-text'), task.prompt);
    showGuidelinesOf(doc, task);
    showError('');
    renderOrder();
    el('loading').hidden = true;
    el('all-done').hidden = true;
    el('task').hidden = false;
    fold(promptText, el('prompt-more'));
    applyLayout();
    watchLease();
    win?.scrollTo({ top: 0 });
    if (restored) announce('Your unsent ranking of this task is back as you left it.');
  }

  function showAllDone() {
    task = null;
    lease?.stop();
    drafts.clearAllBut(null);
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
    const assignment = task.assignment_id;
    setBusy(true);
    try {
      await api.post(`/api/v1/assignments/${assignment}/${path}`, body);
      drafts.clear(assignment);
      done += 1;
      el('session-count').textContent = `${done} done in this session`;
      announce(message);
      await loadNext();
    } catch (error) {
      const problem = failureMessage(error, 'The server cannot be reached. Your answer was not saved; try again.');
      if (refusedForGood(error)) drafts.clear(assignment);
      if (error.status === 409) {
        // Already answered, or the lease was lost to someone else: nothing to fix here, move on.
        await loadNext();
      }
      showError(problem);
    } finally {
      setBusy(false);
    }
  }

  function submit() {
    const { body, errors } = rankingPayload({
      tiers, allowTies: settings.allowTies, collectScores: settings.collectScores, scores, comment: el('comment').value,
    });
    if (errors) {
      showError(errors.join('\n'));
      return;
    }
    answer('ranking', body, 'Ranking saved.');
  }
  const notRankable = () => answer('ranking', notRankablePayload({ comment: el('comment').value }).body,
    'Marked as not rankable.');
  const skip = () => answer('skip', undefined, 'Skipped.');

  function toggleHelp() {
    const dialog = el('hotkeys');
    if (dialog.open) {
      dialog.close();
    } else {
      dialog.showModal();
    }
  }

  function fillHelp() {
    const rows = [...HOTKEYS, ...cardKeys(settings)].map(({ keys, description }) => {
      const row = doc.createElement('div');
      const term = doc.createElement('dt');
      keys.forEach((key, i) => {
        const kbd = doc.createElement('kbd');
        kbd.textContent = key;
        term.append(...(i > 0 ? [' ', kbd] : [kbd]));
      });
      const definition = doc.createElement('dd');
      definition.textContent = description;
      row.append(term, definition);
      return row;
    });
    el('hotkey-list').replaceChildren(...rows);
  }

  el('submit').addEventListener('click', submit);
  el('not-rankable').addEventListener('click', notRankable);
  el('skip').addEventListener('click', skip);
  el('comment').addEventListener('input', saveDraft);
  el('prompt-more').addEventListener('click', () => toggleFold(promptText, el('prompt-more')));
  el('show-hotkeys').addEventListener('click', toggleHelp);
  el('close-hotkeys').addEventListener('click', () => el('hotkeys').close());

  const actions = { submit, 'not-rankable': notRankable, skip, undo, help: toggleHelp };
  doc.addEventListener('keydown', (event) => {
    lease?.active();
    const action = hotkeyAction(event);
    if (action === null || (action !== 'help' && (task === null || el('hotkeys').open))) return;
    event.preventDefault();
    actions[action]();
  });
  for (const type of ['pointerdown', 'input', 'scroll']) {
    doc.addEventListener(type, () => lease?.active(), { capture: true, passive: true });
  }
  win?.addEventListener('resize', applyLayout);

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
      change(id, applyAction(tiers, id, { type: 'tie' }));
    } else if (event.target.closest('.split')) {
      change(id, applyAction(tiers, id, { type: 'split' }));
    } else if (event.target.closest('.show-more')) {
      toggleFold(card.querySelector('.candidate-text'), event.target.closest('.show-more'));
    }
  });

  list.addEventListener('change', (event) => {
    const card = event.target.closest('.candidate');
    if (card && event.target.matches('select')) {
      scores[card.dataset.id] = event.target.value === '' ? undefined : Number(event.target.value);
      saveDraft();
    }
  });

  scrollPanesTogether(list, '.ranking[data-layout="side_by_side"] .candidate-text');
  fillHelp();

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
