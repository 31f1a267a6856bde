import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { exclusionActions, exclusionPath, histogramNote, startPage, tauText, tierText } from '../js/quality.js';
import { fakeDocument } from './support/fake-dom.js';
import { FakeUPlot } from './support/fake-uplot.js';

function qualityPage() {
  const doc = fakeDocument(['histogram-note', 'agreement-histogram']);
  doc.inside('[data-quality-page]', doc.createElement('main')).dataset.project = '5';
  return doc;
}

test('the histogram note counts the prompts with an agreement', () => {
  assert.equal(histogramNote(0), 'No prompt has two rankings yet.');
  assert.equal(histogramNote(1), '1 prompt with two or more rankings.');
  assert.equal(histogramNote(12), '12 prompts with two or more rankings.');
});

test('tau shows two decimals or a dash, tiers join ties with "="', () => {
  assert.equal(tauText(0.9134), 'τ 0.91');
  assert.equal(tauText(-1), 'τ -1.00');
  assert.equal(tauText(null), 'τ –');
  assert.equal(tierText([{ text: 'Paris' }, { text: 'Lyon' }]), 'Paris = Lyon');
  assert.equal(tierText([{ text: 'Nice' }]), 'Nice');
});

test('the agreement histogram is drawn from the consensus export', async () => {
  const doc = qualityPage();
  const urls = [];
  const api = {
    text: async (url) => {
      urls.push(url);
      return '{"prompt_id":"1","agreement":0.95}\n{"prompt_id":"2","agreement":null}\n{"prompt_id":"3","agreement":0.2}\n';
    },
  };
  FakeUPlot.drawn = [];

  await startPage(doc, api, { uPlot: FakeUPlot });

  assert.deepEqual(urls, ['/api/v1/projects/5/export/consensus']);
  assert.equal(doc.el('histogram-note').textContent, '2 prompts with two or more rankings.');
  assert.equal(FakeUPlot.drawn.length, 1);
  const [chart] = FakeUPlot.drawn;
  assert.equal(chart.element, doc.el('agreement-histogram'));
  assert.equal(chart.data[1].reduce((a, b) => a + b), 2);
});

test('without agreements nothing is drawn, and a refused export is told with its status', async () => {
  FakeUPlot.drawn = [];
  const empty = qualityPage();
  await startPage(empty, { text: async () => '' }, { uPlot: FakeUPlot });
  assert.equal(empty.el('histogram-note').textContent, 'No prompt has two rankings yet.');
  assert.equal(FakeUPlot.drawn.length, 0);

  const refused = qualityPage();
  await startPage(refused, { text: async () => { throw new ApiError(403, null); } }, { uPlot: FakeUPlot });
  assert.equal(refused.el('histogram-note').textContent, 'The consensus could not be loaded (403).');
});

test('an exclusion is put with its reason and an inclusion deleted, each followed by a reload', async () => {
  const calls = [];
  let reloads = 0;
  const api = {
    put: async (url, body) => { calls.push(['PUT', url, body]); return {}; },
    delete: async (url) => { calls.push(['DELETE', url]); return null; },
  };
  const actions = exclusionActions(api, '5', () => { reloads += 1; });

  assert.deepEqual(await actions.exclude('a1b2', 'copies the first answer'), []);
  assert.deepEqual(await actions.include('a1b2'), []);

  assert.deepEqual(calls, [
    ['PUT', '/api/v1/projects/5/exclusions/a1b2', { reason: 'copies the first answer' }],
    ['DELETE', '/api/v1/projects/5/exclusions/a1b2'],
  ]);
  assert.equal(reloads, 2);
  assert.equal(exclusionPath('5', 'a/b'), '/api/v1/projects/5/exclusions/a%2Fb');
});

test('a refused exclusion is told and the page stays', async () => {
  let reloads = 0;
  const refusal = new ApiError(400, { errors: [{ field: 'reason', message: 'is required' }] });
  const actions = exclusionActions({ put: async () => { throw refusal; } }, '5', () => { reloads += 1; });

  assert.deepEqual(await actions.exclude('a1b2', ''), ['reason: is required']);
  assert.equal(reloads, 0);
});
