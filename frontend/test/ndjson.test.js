import { test } from 'node:test';
import assert from 'node:assert/strict';

import { agreements, parseNdjson } from '../js/ndjson.js';

test('reads NDJSON lines and keeps the agreements that exist', () => {
  const lines = parseNdjson('{"prompt_id":"1","agreement":0.5}\n{"prompt_id":"2","agreement":null}\n\n');
  assert.equal(lines.length, 2);
  assert.deepEqual(agreements(lines), [0.5]);
});
