// The label page (templates/label.html) as fakes for startPage tests in node: its elements, the card template,
// the keys dialog, a window of a given width, Web Storage, timers and an api answering by path. No tests here.
import { FakeElement, fakeDocument } from './fake-dom.js';

const IDS = ['ranking', 'submit', 'not-rankable', 'skip', 'error', 'announcer', 'loading', 'task', 'all-done',
  'comment', 'session-count', 'prompt-text', 'prompt-more', 'candidate-card', 'hotkeys', 'hotkey-list',
  'show-hotkeys', 'close-hotkeys'];

function part(doc, parent, name, tag = 'div') {
  const element = parent.inside(`.${name}`, new FakeElement(doc, tag));
  element.classList.add(name);
  return element;
}

/** A card as the template's clone gives it, with every part label.js looks up. */
function fakeCard(doc) {
  const card = new FakeElement(doc, 'li');
  card.classList.add('candidate');
  for (const name of ['candidate-label', 'candidate-text', 'rank-number', 'tie-mark']) part(doc, card, name);
  for (const name of ['tie', 'split', 'show-more']) part(doc, card, name, 'button');
  part(doc, card, 'score', 'label').inside('select', new FakeElement(doc, 'select'));
  return card;
}

/** The page of project 7 with the given settings, in a window `width` pixels wide. */
export function labelPage({ allowTies = true, collectScores = false, layout = 'list', width = 1280 } = {}) {
  const doc = fakeDocument(IDS);
  doc.inside('[data-label-page]', doc.createElement('main')).dataset = {
    project: '7', allowTies: String(allowTies), collectScores: String(collectScores), layout,
  };
  doc.el('candidate-card').content = { firstElementChild: { cloneNode: () => fakeCard(doc) } };
  doc.el('comment').localName = 'textarea';
  const dialog = doc.el('hotkeys');
  dialog.open = false;
  dialog.showModal = () => { dialog.open = true; };
  dialog.close = () => { dialog.open = false; };
  const listeners = {};
  doc.defaultView = {
    innerWidth: width,
    scrollTo() {},
    addEventListener: (type, listener) => (listeners[type] ??= []).push(listener),
    resize(newWidth) {
      this.innerWidth = newWidth;
      (listeners.resize ?? []).forEach((listener) => listener());
    },
  };
  doc.el('all-done').hidden = true;
  doc.el('error').hidden = true;
  return doc;
}

/** The cards' candidate ids top to bottom. */
export const shownOrder = (doc) => doc.el('ranking').children.map((card) => card.dataset.id);

/** The card of a candidate. */
export const cardOf = (doc, id) => doc.el('ranking').children.find((card) => card.dataset.id === id);

/** SortableJS's stand-in: remembers the list it was made for and its options. */
export const Sortable = { create(list, options) { Sortable.made = { list, options }; } };

/** Web Storage in memory. */
export function fakeStorage(entries = {}) {
  const items = new Map(Object.entries(entries));
  return {
    items,
    get length() { return items.size; },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
  };
}

/** setInterval and a clock that a test moves on: `advance(ms)` runs the intervals due. */
export function fakeTime(start = Date.parse('2026-01-01T12:00:00Z')) {
  let now = start;
  let next = 1;
  const intervals = new Map();
  return {
    clock: { now: () => now },
    timers: {
      setInterval: (callback, ms) => { intervals.set(next, { callback, ms, due: now + ms }); return next++; },
      clearInterval: (id) => intervals.delete(id),
    },
    active: () => intervals.size,
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        const due = [...intervals.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
        if (due === undefined) break;
        now = due.due;
        due.due += due.ms;
        await due.callback();
      }
      now = end;
    },
  };
}

/**
 * An api whose POSTs answer from `routes`: { 'path': value | (body) => value }, a function may throw (an
 * ApiError). Each call is kept in `calls` as [path, body].
 */
export function fakeApi(routes) {
  const calls = [];
  return {
    calls,
    async post(path, body) {
      calls.push([path, body]);
      const route = routes[path];
      if (route === undefined) throw new Error(`no fake answer for ${path}`);
      return typeof route === 'function' ? route(body) : route;
    },
  };
}

/** A task of assignment `id` with candidates `ids`, texts as the server renders them. */
export function task(id, ids, prompt = { id: 'p', html: '<p>Which is best?</p>' }) {
  return {
    assignment_id: id,
    prompt,
    candidates: ids.map((candidate) => ({ id: candidate, html: `<p>Answer ${candidate}</p>` })),
    lease_expires_at: '2026-01-01T12:15:00Z',
  };
}
