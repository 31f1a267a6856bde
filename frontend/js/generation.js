// The generation page: starts a job from the form, then shows its progress until it ends.
import { messagesOf } from './api.js';
import { formValues, showMessages } from './dom.js';
import { describeJob, showProgress, watchJob } from './jobs.js';

/** The JSON body for POST /api/v1/projects/{id}/generation from the form's values; empty optional fields are left out. */
export function generationRequest(values) {
  const body = { base_url: (values.base_url ?? '').trim(), model: (values.model ?? '').trim() };
  const apiKey = (values.api_key ?? '').trim();
  if (apiKey) {
    body.api_key = apiKey;
  }
  for (const [field, parse] of [['n', Number], ['temperature', Number], ['max_tokens', Number]]) {
    const text = String(values[field] ?? '').trim();
    if (text !== '') {
      const number = parse(text);
      // A value that is not a number goes as typed, so the server names the field in its answer.
      body[field] = Number.isFinite(number) ? number : text;
    }
  }
  return body;
}

/** Wires the page's form, progress view and cancel button; `api` comes from api.js. */
export function startPage(doc, api, { intervalMs = 1000 } = {}) {
  const main = doc.querySelector('main.generation');
  const form = doc.getElementById('generation-form');
  const errors = doc.getElementById('generation-errors');
  const section = doc.getElementById('job');
  const cancel = doc.getElementById('job-cancel');
  const projectId = main.dataset.projectId;
  let currentJob = null;

  const showErrors = (messages) => showMessages(errors, messages);

  const show = (job) => {
    const view = describeJob(job);
    section.hidden = false;
    showProgress(doc, 'job', job.id, view);
    cancel.hidden = !view.cancellable;
    form.querySelector('button[type=submit]').disabled = !view.finished;
  };

  const follow = async (id) => {
    currentJob = id;
    try {
      await watchJob(id, { api, onUpdate: show, intervalMs });
    } catch (error) {
      showErrors(messagesOf(error));
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showErrors([]);
    const values = formValues(form);
    try {
      const started = await api.post(`/api/v1/projects/${encodeURIComponent(projectId)}/generation`,
        generationRequest(values));
      form.querySelector('#api_key').value = '';
      show({ id: started.job_id, status: 'QUEUED', progress: 0 });
      follow(started.job_id);
    } catch (error) {
      showErrors(messagesOf(error));
    }
  });

  cancel.addEventListener('click', async () => {
    if (!currentJob) {
      return;
    }
    cancel.disabled = true;
    try {
      show(await api.post(`/api/v1/jobs/${encodeURIComponent(currentJob)}/cancel`));
    } catch (error) {
      showErrors(messagesOf(error));
    } finally {
      cancel.disabled = false;
    }
  });

  if (section.dataset.jobId) {
    follow(section.dataset.jobId);
  }
}
