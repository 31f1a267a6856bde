// Following background jobs (GET /api/v1/jobs/{id}, training runs): shared by every page that starts one.

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
 * (unreachable server, 5xx) is retried; 404 or 401/403 end the watch with an error.
 */
export function watchJob(id, options) {
  return pollUntilFinished(`/api/v1/jobs/${encodeURIComponent(id)}`, options);
}

/** GETs url until its status is finished (see watchJob). */
export async function pollUntilFinished(url, { api, onUpdate, intervalMs = 1000, wait = sleep, maxPolls = Infinity }) {
  let state;
  for (let poll = 0; poll < maxPolls; poll++) {
    try {
      state = await api.get(url);
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
