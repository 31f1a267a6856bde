// Following background jobs (GET /api/v1/jobs/{id}, training runs) and calling our JSON API: shared by every page that starts one.

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

class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessages(problem).join('; '));
    this.status = status;
    this.problem = problem;
  }
}

/** fetch for our JSON API: resolves with the body, rejects with an ApiError carrying the problem. */
export function jsonFetcher(fetchImpl, doc) {
  return async (url, options = {}) => {
    const response = await fetchImpl(url, {
      credentials: 'same-origin',
      ...options,
      headers: apiHeaders(doc),
    });
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = { detail: text };
    }
    if (!response.ok) {
      throw new ApiError(response.status, body ?? { detail: `HTTP ${response.status}` });
    }
    return body;
  };
}

/** Fills a progress view whose elements are named `${prefix}-id`, `-status`, `-progress`, `-percent`, `-message`. */
export function showProgress(doc, prefix, id, view) {
  doc.getElementById(`${prefix}-id`).textContent = id;
  const status = doc.getElementById(`${prefix}-status`);
  status.textContent = view.status;
  status.dataset.status = view.status;
  doc.getElementById(`${prefix}-progress`).value = view.progress;
  doc.getElementById(`${prefix}-percent`).textContent = view.percent;
  doc.getElementById(`${prefix}-message`).textContent = view.message;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls a job until it ends, calling onUpdate with each state; resolves with the last one. A failed poll
 * (network, 5xx) is retried; 404 or 401/403 end the watch with an error.
 */
export function watchJob(id, options) {
  return pollUntilFinished(`/api/v1/jobs/${encodeURIComponent(id)}`, options);
}

/** GETs url until its status is finished (see watchJob). */
export async function pollUntilFinished(url, { fetchJson, onUpdate, intervalMs = 1000, wait = sleep, maxPolls = Infinity }) {
  let state;
  for (let poll = 0; poll < maxPolls; poll++) {
    try {
      state = await fetchJson(url);
      onUpdate(state);
      if (isFinished(state.status)) {
        return state;
      }
    } catch (error) {
      if (error.status && error.status < 500) {
        throw error;
      }
    }
    await wait(intervalMs);
  }
  return state;
}
