import { test } from 'node:test';
import assert from 'node:assert/strict';

import { newerGuidelines, showGuidelinesOf } from '../js/guidelines.js';
import { fakeDocument } from './support/fake-dom.js';

const IDS = ['guidelines', 'guidelines-text', 'guidelines-version', 'guidelines-updated'];

function pageShowing(version, html) {
  const doc = fakeDocument(IDS);
  doc.el('guidelines').dataset = { version: String(version) };
  doc.el('guidelines-text').innerHTML = html;
  doc.el('guidelines-version').textContent = `version ${version}`;
  doc.el('guidelines-updated').hidden = true;
  return doc;
}

test('only a newer version than the one shown replaces the guidelines', () => {
  assert.deepEqual(newerGuidelines(1, { guidelines_version: 2, guidelines: '<p>New</p>' }),
    { version: 2, html: '<p>New</p>' });
  assert.equal(newerGuidelines(2, { guidelines_version: 2, guidelines: '<p>Same</p>' }), null);
  assert.equal(newerGuidelines(3, { guidelines_version: 2, guidelines: '<p>Older</p>' }), null);
  assert.equal(newerGuidelines(1, {}), null);
  assert.deepEqual(newerGuidelines(1, { guidelines_version: 2 }), { version: 2, html: '' });
});

test('a task with newer guidelines shows them and says they were updated', () => {
  const doc = pageShowing(1, '<p>Old</p>');

  showGuidelinesOf(doc, { guidelines_version: 2, guidelines: '<p>New</p>' });

  assert.equal(doc.el('guidelines-text').innerHTML, '<p>New</p>');
  assert.equal(doc.el('guidelines-version').textContent, 'version 2');
  assert.equal(doc.el('guidelines').dataset.version, '2');
  assert.equal(doc.el('guidelines-updated').hidden, false);
  assert.equal(doc.el('guidelines').hidden, false);
});

test('a task with the guidelines already shown changes nothing', () => {
  const doc = pageShowing(2, '<p>Current</p>');

  showGuidelinesOf(doc, { guidelines_version: 2, guidelines: '<p>Current</p>' });

  assert.equal(doc.el('guidelines-updated').hidden, true);
  assert.equal(doc.el('guidelines-text').innerHTML, '<p>Current</p>');
});

test('guidelines cleared in a newer version hide the panel', () => {
  const doc = pageShowing(1, '<p>Old</p>');

  showGuidelinesOf(doc, { guidelines_version: 2, guidelines: '' });

  assert.equal(doc.el('guidelines').hidden, true);
});

test('a page without the panel is left alone', () => {
  assert.doesNotThrow(() => showGuidelinesOf(fakeDocument([]), { guidelines_version: 2, guidelines: '<p>x</p>' }));
});
