import { test } from 'node:test';
import assert from 'node:assert/strict';

import { ApiError } from '../js/api.js';
import { startPage } from '../js/prompt-import.js';
import { fakeDocument } from './support/fake-dom.js';

/** The import form of prompts.html, with `file` chosen. */
function importPage(file) {
  const doc = fakeDocument(['import-form', 'import-file', 'import-progress', 'import-status', 'import-errors']);
  doc.location.pathname = '/admin/projects/3/prompts';
  const form = doc.el('import-form');
  form.dataset = { url: '/api/v1/projects/3/prompts', maxBytes: '1024' };
  form.inside('button', doc.createElement('button'));
  doc.el('import-file').files = file ? [file] : [];
  doc.el('import-progress').hidden = true;
  doc.el('import-errors').hidden = true;
  return doc;
}

test('an upload shows its progress, then the counts and a link to the prompts', async () => {
  const doc = importPage({ name: 'prompts.jsonl', size: 300 });
  const statuses = [];
  const api = {
    async upload(url, file, { onProgress, onSent }) {
      assert.equal(url, '/api/v1/projects/3/prompts');
      assert.equal(file.name, 'prompts.jsonl');
      assert.equal(doc.el('import-progress').hidden, false);
      onProgress(100, 300);
      statuses.push(doc.el('import-status').textContent);
      assert.equal(doc.el('import-progress').value, 100);
      onSent();
      statuses.push(doc.el('import-status').textContent);
      return { imported: 2, duplicates: 0, waiting_for_generation: 1 };
    },
  };
  startPage(doc, api);

  const submitted = await doc.el('import-form').dispatch('submit');

  assert.ok(submitted.defaultPrevented);
  assert.deepEqual(statuses, ['Uploading prompts.jsonl: 33%', 'Uploaded; checking and storing the prompts…']);
  const status = doc.el('import-status');
  assert.equal(status.textContent, 'Imported 2 prompts (1 waiting for generation).');
  assert.equal(status.className, 'alert ok');
  assert.equal(status.children[0].href, '/admin/projects/3/prompts');
  assert.equal(doc.el('import-progress').hidden, true);
  assert.equal(doc.el('import-form').querySelector('button').disabled, false);
});

test('a refused upload lists its errors by line', async () => {
  const doc = importPage({ name: 'bad.jsonl', size: 10 });
  const problem = { status: 400, detail: 'line 2: …', errors: [{ line: 2, field: 'candidates', message: '3 candidates' }] };
  startPage(doc, { upload: async () => { throw new ApiError(400, problem); } });

  await doc.el('import-form').dispatch('submit');

  assert.match(doc.el('import-status').textContent, /^Nothing was imported/);
  assert.equal(doc.el('import-status').className, 'alert error');
  const errors = doc.el('import-errors');
  assert.equal(errors.hidden, false);
  assert.deepEqual(errors.children.map((item) => [item.localName, item.textContent]), [['li', 'line 2: 3 candidates']]);
});

test('a file of the wrong kind is refused before anything is sent', async () => {
  const doc = importPage({ name: 'notes.txt', size: 10 });
  startPage(doc, { upload: async () => assert.fail('nothing may be sent') });

  await doc.el('import-form').dispatch('submit');

  assert.equal(doc.el('import-status').textContent, 'notes.txt is not a .jsonl, .json or .csv file.');
});
