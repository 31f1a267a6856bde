import { test } from 'node:test';
import assert from 'node:assert/strict';

import { cell, showMessages } from '../js/dom.js';
import { fakeDocument } from './support/fake-dom.js';

test('messages show one line each and the box hides when there are none', () => {
  const doc = fakeDocument(['errors']);
  const box = doc.el('errors');

  showMessages(box, ['n: must be between 4 and 9', 'model: must not be blank']);
  assert.deepEqual(box.children.map((line) => [line.localName, line.textContent]),
    [['div', 'n: must be between 4 and 9'], ['div', 'model: must not be blank']]);
  assert.equal(box.hidden, false);

  showMessages(box, ['line 2: prompt is blank'], 'li');
  assert.deepEqual(box.children.map((line) => line.localName), ['li']);

  showMessages(box, []);
  assert.deepEqual(box.children, []);
  assert.equal(box.hidden, true);
});

test('a cell holds its text as text', () => {
  const td = cell(fakeDocument(), '<b>0.912</b>');
  assert.equal(td.localName, 'td');
  assert.equal(td.textContent, '<b>0.912</b>');
});
