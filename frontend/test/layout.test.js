import { test } from 'node:test';
import assert from 'node:assert/strict';

import { FakeElement } from './support/fake-dom.js';
import { chooseLayout, NARROW_PX, scrolledTogether, scrollPanesTogether } from '../js/layout.js';

test('a list project is a list at any width', () => {
  assert.deepEqual(chooseLayout({ layout: 'list', width: 1400, count: 3 }), { name: 'list' });
});

test('side by side puts two or three responses to a row, rows full where they can be', () => {
  const at = (width, count) => chooseLayout({ layout: 'side_by_side', width, count });
  assert.deepEqual(at(1400, 2), { name: 'side_by_side', columns: 2 });
  assert.deepEqual(at(1400, 3), { name: 'side_by_side', columns: 3 });
  assert.deepEqual(at(1400, 4), { name: 'side_by_side', columns: 2 });
  assert.deepEqual(at(1400, 6), { name: 'side_by_side', columns: 3 });
  assert.deepEqual(at(900, 3), { name: 'side_by_side', columns: 2 }, 'three would be too narrow');
});

test('side by side falls back to the list on narrow screens', () => {
  assert.deepEqual(chooseLayout({ layout: 'side_by_side', width: 390, count: 3 }), { name: 'list' });
  assert.deepEqual(chooseLayout({ layout: 'side_by_side', width: NARROW_PX - 1, count: 2 }), { name: 'list' });
  assert.equal(chooseLayout({ layout: 'side_by_side', width: NARROW_PX, count: 2 }).name, 'side_by_side');
});

test('panes scroll to the same share of their own length', () => {
  const source = { scrollTop: 150, scrollHeight: 400, clientHeight: 100 };
  const tops = scrolledTogether(source, [
    { scrollHeight: 700, clientHeight: 100 }, { scrollHeight: 100, clientHeight: 100 }, { scrollHeight: 200, clientHeight: 100 },
  ]);
  assert.deepEqual(tops, [300, 0, 50]);
  assert.deepEqual(scrolledTogether({ scrollTop: 0, scrollHeight: 50, clientHeight: 100 }, [{ scrollHeight: 900, clientHeight: 100 }]), [0]);
});

test('scrolling one pane moves the others, and their own scroll events do not move it back', async () => {
  const container = new FakeElement(null, 'ol');
  const panes = [0, 1, 2].map(() => Object.assign(new FakeElement(null, 'div'), { scrollTop: 0, scrollHeight: 500, clientHeight: 100 }));
  panes.forEach((pane) => pane.classList.add('pane'));
  container.selectorLists = { '.pane': panes };
  scrollPanesTogether(container, '.pane');

  panes[0].scrollTop = 200;
  await container.dispatch('scroll', { target: panes[0] });
  assert.deepEqual(panes.map((p) => p.scrollTop), [200, 200, 200]);

  panes[0].scrollTop = 100; // the reader goes on scrolling while the echo of the others arrives
  await container.dispatch('scroll', { target: panes[1] });
  assert.deepEqual(panes.map((p) => p.scrollTop), [100, 200, 200], 'an echo moves nothing');
  await container.dispatch('scroll', { target: panes[0] });
  assert.deepEqual(panes.map((p) => p.scrollTop), [100, 100, 100]);
});
