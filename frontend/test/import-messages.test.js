import { test } from 'node:test';
import assert from 'node:assert/strict';

import { checkFile, describeFailure, describeResult, formatBytes, percent } from '../js/import-messages.js';

test('formats sizes in readable units', () => {
  assert.equal(formatBytes(12), '12 bytes');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(4 * 1024 * 1024), '4 MB');
  assert.equal(formatBytes(1024 ** 3), '1 GB');
  assert.equal(formatBytes(512 * 1024 * 1024), '512 MB');
});

test('refuses files of other kinds or over the limit before uploading', () => {
  assert.equal(checkFile(undefined, 100), 'Choose a file first.');
  assert.equal(checkFile({ name: 'notes.txt', size: 10 }, 100), 'notes.txt is not a .jsonl, .json or .csv file.');
  assert.equal(checkFile({ name: 'big.JSONL', size: 2048 }, 1024), 'big.JSONL is 2 KB; the limit is 1 KB.');
  assert.equal(checkFile({ name: 'ok.csv', size: 1024 }, 1024), null);
  assert.equal(checkFile({ name: 'ok.ndjson', size: 5 }, 0), null);
});

test('computes upload progress as a bounded whole percentage', () => {
  assert.equal(percent(0, 0), 0);
  assert.equal(percent(1, 3), 33);
  assert.equal(percent(5, 4), 100);
});

test('describes a successful import with only the counts that matter', () => {
  assert.equal(describeResult({ imported: 1, duplicates: 0, waiting_for_generation: 0 }), 'Imported 1 prompt.');
  assert.equal(describeResult({ imported: 20, duplicates: 1, waiting_for_generation: 5 }),
    'Imported 20 prompts (1 duplicate skipped, 5 waiting for generation).');
  assert.equal(describeResult({ imported: 0, duplicates: 3, waiting_for_generation: 0 }),
    'Imported 0 prompts (3 duplicates skipped).');
});

test('explains refusals from problem+json or from whatever else answered', () => {
  const invalid = describeFailure(400, {
    status: 400, detail: 'line 2: prompt is blank; nothing was imported', errors: [{ line: 2, message: 'prompt is blank' }],
  });
  assert.equal(invalid.summary, 'Nothing was imported: fix these records and upload the file again.');
  assert.deepEqual(invalid.errors, ['line 2: prompt is blank']);

  const tooLarge = describeFailure(413, { status: 413, detail: 'the request body is larger than the limit of 1024 MB' });
  assert.equal(tooLarge.summary, 'the request body is larger than the limit of 1024 MB');
  assert.deepEqual(tooLarge.errors, []);

  // Not problem+json (a proxy's page): api.js hands over no problem.
  assert.equal(describeFailure(413, null).summary, 'The file is larger than the import limit.');
  assert.equal(describeFailure(403, null).summary, 'Only admins can import prompts.');
  assert.equal(describeFailure(502, null).summary, 'The import failed (HTTP 502).');
  assert.deepEqual(describeFailure(502, null).errors, []);
  assert.equal(describeFailure(0, null).summary, 'The upload failed: the connection was lost.');
});
