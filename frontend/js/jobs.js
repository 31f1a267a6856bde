// Following background jobs through GET /api/v1/jobs/{id}: shared by every page that starts one.

const FINISHED = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

export function isFinished(status) {
  return FINISHED.has(status);
}

/** What a progress view shows for a job as the API returns it. */
export function describeJob(job) {
  const progress = Number.isFinite(job.progress) ? Math.min(1, Math.max(0, job.progress)) : 0;
  const finished = isFinished(job.status);
  return {
    status: job.status,
    progress,
    percent: `${Math.floor(progress * 100)}%`,
    message: job.message ?? '',
    finished,
    cancellable: !finished && !job.cancel_requested,
  };
}

/** Headers for calls to our own API with the session cookie: JSON plus the CSRF token of the page. */
export function apiHeaders(doc) {
  const token = doc.querySelector('meta[name="_csrf"]')?.getAttribute('content');
  const header = doc.querySelector('meta[name="_csrf_header"]')?.getAttribute('content') || 'X-CSRF-TOKEN';
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (token) {
    headers[header] = token;
  }
  return headers;
}

/** The messages of an RFC 9457 problem, one per field error ("n: must be between 4 and 9"), else its detail. */
export function problemMessages(problem) {
  const errors = Array.isArray(problem?.errors) ? problem.errors : [];
  if (errors.length > 0) {
    return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
  }
  return [problem?.detail || problem?.title || 'The request failed.'];
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a job until it ends, calling onUpdate with each state; resolves with the last one. A failed poll
 * (network, 5xx) is retried; 404 or 401/403 end the watch with an error.
 */
export async function watchJob(id, { fetchJson, onUpdate, intervalMs = 1000, wait = sleep, maxPolls = Infinity }) {
  let job;
  for (let poll = 0; poll < maxPolls; poll++) {
    try {
      job = await fetchJson(`/api/v1/jobs/${encodeURIComponent(id)}`);
      onUpdate(job);
      if (isFinished(job.status)) {
        return job;
      }
    } catch (error) {
      if (error.status && error.status < 500) {
        throw error;
      }
    }
    await wait(intervalMs);
  }
  return job;
}
