// What the import page tells people: pure functions, unit-tested with node --test.
import { errorLines } from './api.js';

const EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv'];

/** "1.5 MB", "820 KB", "12 bytes". */
export function formatBytes(bytes) {
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** Why a chosen file cannot be sent, before uploading it; null when it can. */
export function checkFile(file, maxBytes) {
  if (!file) {
    return 'Choose a file first.';
  }
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((extension) => name.endsWith(extension))) {
    return `${file.name} is not a .jsonl, .json or .csv file.`;
  }
  if (maxBytes > 0 && file.size > maxBytes) {
    return `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.`;
  }
  return null;
}

/** The upload progress as a whole percentage. */
export function percent(loaded, total) {
  if (!total) {
    return 0;
  }
  return Math.min(100, Math.floor((100 * loaded) / total));
}

function plural(count, one, many) {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sentence for a successful import: {imported, duplicates, waiting_for_generation}. */
export function describeResult(result) {
  const parts = [];
  if (result.duplicates > 0) {
    parts.push(`${plural(result.duplicates, 'duplicate', 'duplicates')} skipped`);
  }
  if (result.waiting_for_generation > 0) {
    parts.push(`${result.waiting_for_generation} waiting for generation`);
  }
  const details = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `Imported ${plural(result.imported, 'prompt', 'prompts')}${details}.`;
}

/**
 * What to show for a refused upload: a summary and the error lines. `problem` is the problem+json body, or
 * null when something else answered (a proxy) or nothing did (status 0).
 */
export function describeFailure(status, problem) {
  const fallback = {
    0: 'The upload failed: the connection was lost.',
    401: 'Your session has ended: sign in again.',
    403: 'Only admins can import prompts.',
    404: 'This project no longer exists.',
    413: 'The file is larger than the import limit.',
    415: 'This kind of file is not accepted: use .jsonl, .json or .csv.',
  }[status] ?? `The import failed (HTTP ${status}).`;
  const detail = typeof problem?.detail === 'string' ? problem.detail : null;
  const summary = status === 400 ? 'Nothing was imported: fix these records and upload the file again.' : detail ?? fallback;
  return { summary, errors: errorLines(problem) };
}
