import { test } from 'node:test';
import assert from 'node:assert/strict';

import { earlierTurnsLabel, renderPrompt, roleLabel } from '../js/conversation.js';
import { fakeDocument } from './support/fake-dom.js';

function box() {
  const doc = fakeDocument(['prompt-text']);
  return { doc, box: doc.el('prompt-text') };
}

test('a single-text prompt is its HTML, folded whole', () => {
  const { doc, box: prompt } = box();
  const folded = renderPrompt(doc, prompt, { id: '1', html: '<p>What is 2 + 2?</p>' });

  assert.equal(prompt.innerHTML, '<p>What is 2 + 2?</p>');
  assert.equal(folded, prompt);
  assert.equal(prompt.classList.contains('conversation'), false);
});

test('a conversation shows its earlier turns folded away and the last user turn open', () => {
  const { doc, box: prompt } = box();
  const folded = renderPrompt(doc, prompt, {
    id: '2',
    html: '<p>flattened</p>',
    messages: [
      { role: 'system', html: '<p>Be brief.</p>' },
      { role: 'user', html: '<p>Hi</p>' },
      { role: 'assistant', html: '<p>Hello!</p>' },
      { role: 'user', html: '<p>And <em>now</em>?</p>' },
    ],
  });

  assert.equal(prompt.classList.contains('conversation'), true);
  const [details, last] = prompt.children;
  assert.equal(details.localName, 'details');
  assert.equal(details.open, undefined, 'closed');
  const [summary, turns] = details.children;
  assert.equal(summary.textContent, 'Show 3 earlier turns');
  assert.deepEqual(turns.children.map((turn) => turn.children[0].textContent), ['System', 'User', 'Assistant']);
  assert.deepEqual(turns.children.map((turn) => turn.children[1].innerHTML), ['<p>Be brief.</p>', '<p>Hi</p>', '<p>Hello!</p>']);
  assert.ok(turns.children[2].classList.contains('turn-assistant'));
  assert.equal(last.children[0].textContent, 'User');
  assert.equal(last.children[1].innerHTML, '<p>And <em>now</em>?</p>');
  assert.ok(last.classList.contains('last-turn') && last.classList.contains('turn-user'));
  assert.equal(folded, last.children[1], 'the last turn folds when long');

  details.open = true;
  details.dispatch('toggle');
  assert.equal(summary.textContent, 'Hide 3 earlier turns');
});

test('a conversation of one user turn has nothing to fold away', () => {
  const { doc, box: prompt } = box();
  renderPrompt(doc, prompt, { id: '3', html: '', messages: [{ role: 'user', html: '<p>Only this</p>' }] });

  assert.equal(prompt.children.length, 1);
  assert.equal(prompt.children[0].children[1].innerHTML, '<p>Only this</p>');
});

test('roles are text: a role that is markup shows as what it is and gets no class of its own', () => {
  const { doc, box: prompt } = box();
  const role = '<img src=x onerror=alert(1)>';
  renderPrompt(doc, prompt, { id: '4', html: '', messages: [{ role, html: '' }, { role: 'user', html: '' }] });

  const turn = prompt.children[0].children[1].children[0];
  assert.equal(turn.children[0].textContent, role);
  assert.equal(turn.children[0].innerHTML, undefined);
  assert.ok(turn.classList.contains('turn-other'));
  assert.equal(roleLabel('constructor'), 'constructor');
  assert.equal(roleLabel(undefined), '');
});

test('the disclosure counts its turns', () => {
  assert.equal(earlierTurnsLabel(1, false), 'Show 1 earlier turn');
  assert.equal(earlierTurnsLabel(2, true), 'Hide 2 earlier turns');
});
