import { test } from 'node:test';
import assert from 'node:assert/strict';

import { HOTKEYS, hotkeyAction, isTyping } from '../js/hotkeys.js';

const card = { localName: 'li' };
const key = (k, extra = {}) => hotkeyAction({ key: k, target: card, ...extra });

test('the page keys', () => {
  assert.equal(key('Enter', { ctrlKey: true }), 'submit');
  assert.equal(key('Enter', { metaKey: true }), 'submit');
  assert.equal(key('S', { shiftKey: true }), 'skip');
  assert.equal(key('N', { shiftKey: true }), 'not-rankable');
  assert.equal(key('u'), 'undo');
  assert.equal(key('z', { ctrlKey: true }), 'undo');
  assert.equal(key('z', { metaKey: true }), 'undo');
  assert.equal(key('?', { shiftKey: true }), 'help');
});

test('keys that end a task need their modifier, so a stray letter does nothing', () => {
  assert.equal(key('Enter'), null);
  assert.equal(key('s'), null);
  assert.equal(key('n'), null);
  assert.equal(key('U', { shiftKey: true }), null);
  assert.equal(key('z', { ctrlKey: true, shiftKey: true }), null);
  assert.equal(key('s', { ctrlKey: true }), null, 'the browser keeps Ctrl S');
  assert.equal(key('S', { shiftKey: true, altKey: true }), null);
  assert.equal(key('ArrowUp'), null, 'arrows belong to the focused card');
  assert.equal(key('1'), null, 'digits belong to the focused card');
});

test('no key acts while the labeler types in the comment or any other field', () => {
  const comment = { localName: 'textarea' };
  for (const target of [comment, { localName: 'input', type: 'text' }, { localName: 'input' }, { localName: 'select' },
    { localName: 'div', isContentEditable: true }, { tagName: 'TEXTAREA' }]) {
    assert.equal(isTyping(target), true);
    assert.equal(hotkeyAction({ key: 'Enter', ctrlKey: true, target }), null);
    assert.equal(hotkeyAction({ key: 'S', shiftKey: true, target }), null);
    assert.equal(hotkeyAction({ key: 'u', target }), null);
    assert.equal(hotkeyAction({ key: '?', target }), null);
  }
  assert.equal(isTyping({ localName: 'input', type: 'checkbox' }), false);
  assert.equal(isTyping({ localName: 'button' }), false);
  assert.equal(isTyping(null), false);
});

test('a key already handled, held down or composing an accent does nothing more', () => {
  assert.equal(key('u', { defaultPrevented: true }), null);
  assert.equal(key('u', { repeat: true }), null);
  assert.equal(key('u', { isComposing: true }), null);
});

test('the help lists every page action once', () => {
  assert.deepEqual(HOTKEYS.map((h) => h.action).sort(), ['help', 'not-rankable', 'skip', 'submit', 'undo']);
  assert.ok(HOTKEYS.every((h) => h.keys.length > 0 && h.description.length > 0));
});
