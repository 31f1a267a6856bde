import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  chartData, describeRun, formatMetric, parseResponses, scoreRows, startPage, trainingRequest, watchRun,
} from '../js/training.js';
import { fakeDocument, settle } from './support/fake-dom.js';

test('a training request leaves empty fields to the server and sends numbers as numbers', () => {
  assert.deepEqual(trainingRequest({ objective: 'rank', architecture: 'pooled', epochs: '' }),
    { objective: 'rank', architecture: 'pooled' });
  assert.deepEqual(trainingRequest({ objective: ' direct_score ', architecture: '', epochs: ' 3 ' }),
    { objective: 'direct_score', epochs: 3 });
  // Not a number: sent as typed so that the server names the field.
  assert.deepEqual(trainingRequest({ epochs: 'many' }), { epochs: 'many' });
});

test('chart columns follow the epochs, with gaps where a figure is missing', () => {
  const data = chartData([
    { epoch: 1, train_loss: 0.69, val_loss: 0.6, val_accuracy: 0.7 },
    { epoch: 2, train_loss: 0.4, val_loss: null, val_accuracy: null },
  ]);

  assert.deepEqual(data, [[1, 2], [0.69, 0.4], [0.6, null], [0.7, null]]);
  assert.deepEqual(chartData(undefined), [[], [], [], []]);
});

test('a failed run shows its error; a running one can be cancelled until cancel is requested', () => {
  assert.equal(describeRun({ status: 'FAILED', progress: 0.5, error: 'no ranking orders two candidates' }).error,
    'no ranking orders two candidates');
  assert.equal(describeRun({ status: 'FAILED' }).error, 'failed');
  const running = describeRun({ status: 'RUNNING', progress: 0.25, message: 'epoch 2 of 8' });
  assert.equal(running.error, '');
  assert.equal(running.percent, '25%');
  assert.equal(running.cancellable, true);
  assert.equal(describeRun({ status: 'RUNNING', progress: 0.3, cancel_requested: true }).cancellable, false);
});

test('metrics show three decimals or a dash', () => {
  assert.equal(formatMetric(0.91234), '0.912');
  assert.equal(formatMetric(null), '–');
  assert.equal(formatMetric(undefined), '–');
  assert.equal(formatMetric(Number.NaN), '–');
});

test('responses are blocks separated by a line of three dashes', () => {
  assert.deepEqual(parseResponses('First answer,\non two lines.\n---\nSecond\n  ---  \n\n---\nThird'),
    ['First answer,\non two lines.', 'Second', 'Third']);
  assert.deepEqual(parseResponses('only one'), ['only one']);
  assert.deepEqual(parseResponses('  \n'), []);
  // Dashes inside a line do not split.
  assert.deepEqual(parseResponses('a --- b'), ['a --- b']);
});

test('score rows keep the order sent and mark the best', () => {
  const rows = scoreRows(['a', 'b', 'c'], [0.1, 1.5, -2]);

  assert.deepEqual(rows.map((r) => r.best), [false, true, false]);
  assert.deepEqual(rows.map((r) => r.response), ['a', 'b', 'c']);
  assert.deepEqual(scoreRows([], []), []);
});

test('watching a run polls until it ends and retries server errors', async () => {
  const answers = [
    { status: 'QUEUED', metrics: [] },
    Object.assign(new Error('bad gateway'), { status: 502 }),
    { status: 'RUNNING', metrics: [{ epoch: 1 }] },
    { status: 'SUCCEEDED', metrics: [{ epoch: 1 }, { epoch: 2 }] },
  ];
  const urls = [];
  const seen = [];
  const get = async (url) => {
    urls.push(url);
    const answer = answers.shift();
    if (answer instanceof Error) {
      throw answer;
    }
    return answer;
  };

  const last = await watchRun('12', { api: { get }, onUpdate: (run) => seen.push(run.status), wait: async () => {} });

  assert.equal(last.status, 'SUCCEEDED');
  assert.deepEqual(seen, ['QUEUED', 'RUNNING', 'SUCCEEDED']);
  assert.equal(urls[0], '/api/v1/training-runs/12');
});

test('watching a run stops at a client error', async () => {
  const get = async () => {
    throw Object.assign(new Error('not found'), { status: 404 });
  };

  await assert.rejects(watchRun('9', { api: { get }, onUpdate: () => {}, wait: async () => {} }), /not found/);
});

/** training.html without a run going. */
function trainingPage() {
  const doc = fakeDocument(['training-form', 'training-errors', 'run', 'run-cancel', 'run-chart', 'models', 'models-empty',
    'score-form', 'score-model', 'score-prompt', 'score-responses', 'score-results', 'score-errors']);
  doc.inside('main.training', doc.createElement('main')).dataset.projectId = '4';
  doc.el('training-form').inside('button[type=submit]', doc.createElement('button'));
  for (const table of ['models', 'score-results']) {
    doc.el(table).tBodies = [doc.createElement('tbody')];
  }
  return doc;
}

test('the page lists the project\'s models, for download and for the "try it" form', async () => {
  const doc = trainingPage();
  const urls = [];
  const models = [{
    id: '11', created_at: '2025-03-01T10:15:00Z', architecture: 'pooled', objective: 'rank',
    metrics: { epochs: 3, val_accuracy: 0.8123, val_loss: null },
  }];
  startPage(doc, { get: async (url) => { urls.push(url); return models; } });
  await settle();

  assert.deepEqual(urls, ['/api/v1/projects/4/reward-models']);
  const [row] = doc.el('models').tBodies[0].children;
  assert.deepEqual(row.children.slice(0, 7).map((td) => td.textContent),
    ['11', '2025-03-01 10:15', 'pooled', 'rank', '3', '0.812', '–']);
  assert.equal(row.children[7].children[0].href, '/api/v1/reward-models/11/artifact');
  assert.ok(row.children[7].children.some((link) => link.href === '/admin/reward-models/11'), 'link to the keys page');
  assert.equal(doc.el('models-empty').hidden, true);
  assert.deepEqual(doc.el('score-model').children.map((option) => [option.value, option.textContent]),
    [['11', 'Model 11 (pooled, accuracy 0.812)']]);
});

test('"try it" without a model asks to train one first and sends nothing', async () => {
  const doc = trainingPage();
  const api = { get: async () => [], post: async () => assert.fail('nothing may be sent') };
  startPage(doc, api);
  await settle();

  await doc.el('score-form').dispatch('submit');

  assert.equal(doc.el('models-empty').hidden, false);
  assert.deepEqual(doc.el('score-errors').children.map((line) => line.textContent), ['Train a model first.']);
});
