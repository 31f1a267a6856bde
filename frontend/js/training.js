// The training page: starts a run, follows it (progress, per-epoch metrics, chart), lists models and scores
// responses with one. Pure helpers are exported for node --test; startPage wires the page.
import { messagesOf } from './api.js';
import { runChart } from './charts.js';
import { cell, formValues, showMessages } from './dom.js';
import { describeJob, pollUntilFinished, showProgress } from './jobs.js';

/** The JSON body for POST /api/v1/projects/{id}/training-runs; empty fields are left out (server defaults). */
export function trainingRequest(values) {
  const body = {};
  for (const field of ['objective', 'architecture']) {
    const text = String(values[field] ?? '').trim();
    if (text !== '') {
      body[field] = text;
    }
  }
  const epochs = String(values.epochs ?? '').trim();
  if (epochs !== '') {
    const number = Number(epochs);
    // A value that is not a number goes as typed, so the server names the field in its answer.
    body.epochs = Number.isFinite(number) ? number : epochs;
  }
  return body;
}

/** What the run view shows: the job view of jobs.js plus the run's error. */
export function describeRun(run) {
  const view = describeJob(run);
  return { ...view, error: run.status === 'FAILED' ? (run.error || 'failed') : '' };
}

const numberOrNull = (value) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** uPlot's columns from the run's metrics: epochs, train loss, validation loss, validation accuracy. */
export function chartData(metrics) {
  const rows = Array.isArray(metrics) ? metrics : [];
  return [
    rows.map((m) => m.epoch),
    rows.map((m) => numberOrNull(m.train_loss)),
    rows.map((m) => numberOrNull(m.val_loss)),
    rows.map((m) => numberOrNull(m.val_accuracy)),
  ];
}

/** A metric for a table cell: three decimals, or a dash when it could not be computed. */
export function formatMetric(value) {
  return numberOrNull(value) === null ? '–' : value.toFixed(3);
}

/** The responses typed in the "try it" form: blocks separated by a line holding only "---", blanks dropped. */
export function parseResponses(text) {
  return String(text ?? '')
    .split(/^[ \t]*---[ \t]*$/m)
    .map((block) => block.trim())
    .filter((block) => block !== '');
}

/** Result rows in the order sent, the highest score marked best. */
export function scoreRows(responses, scores) {
  const best = scores.length === 0 ? -1 : scores.indexOf(Math.max(...scores));
  return responses.map((response, i) => ({ response, score: scores[i], best: i === best }));
}

/** Polls a training run until it ends (see watchJob in jobs.js). */
export function watchRun(id, options) {
  return pollUntilFinished(`/api/v1/training-runs/${encodeURIComponent(id)}`, options);
}

/**
 * Wires the page: start form, run view with chart, models table and the "try it" form. `api` comes from
 * api.js; without `uPlot` the page draws no chart.
 */
export function startPage(doc, api, { intervalMs = 1000, uPlot } = {}) {
  const main = doc.querySelector('main.training');
  const projectId = encodeURIComponent(main.dataset.projectId);
  const form = doc.getElementById('training-form');
  const section = doc.getElementById('run');
  const cancel = doc.getElementById('run-cancel');
  const chart = uPlot ? runChart(uPlot, doc.getElementById('run-chart')) : { update() {} };
  let currentRun = null;

  const showModels = (models) => {
    const table = doc.getElementById('models');
    table.tBodies[0].replaceChildren(...models.map((model) => {
      const row = doc.createElement('tr');
      const link = doc.createElement('a');
      link.href = `/api/v1/reward-models/${encodeURIComponent(model.id)}/artifact`;
      link.textContent = 'zip';
      const keys = doc.createElement('a');
      keys.href = `/admin/reward-models/${encodeURIComponent(model.id)}`;
      keys.textContent = 'serving keys';
      const download = doc.createElement('td');
      download.append(link, ' · ', keys);
      row.append(cell(doc, model.id), cell(doc, String(model.created_at ?? '').replace('T', ' ').slice(0, 16)),
        cell(doc, model.architecture), cell(doc, model.objective), cell(doc, String(model.metrics?.epochs ?? '')),
        cell(doc, formatMetric(model.metrics?.val_accuracy)), cell(doc, formatMetric(model.metrics?.val_loss)),
        download);
      return row;
    }));
    table.hidden = models.length === 0;
    doc.getElementById('models-empty').hidden = models.length > 0;
    const select = doc.getElementById('score-model');
    const chosen = select.value;
    select.replaceChildren(...models.map((model) => {
      const option = doc.createElement('option');
      option.value = model.id;
      option.textContent = `Model ${model.id} (${model.architecture}, accuracy ${formatMetric(model.metrics?.val_accuracy)})`;
      return option;
    }));
    if (models.some((model) => model.id === chosen)) {
      select.value = chosen;
    }
  };

  const loadModels = async () => {
    try {
      showModels(await api.get(`/api/v1/projects/${projectId}/reward-models`));
    } catch (error) {
      showMessages(doc.getElementById('score-errors'), messagesOf(error));
    }
  };

  const show = (run) => {
    const view = describeRun(run);
    section.hidden = false;
    showProgress(doc, 'run', run.id, view);
    const error = doc.getElementById('run-error');
    error.textContent = view.error;
    error.hidden = view.error === '';
    const metrics = Array.isArray(run.metrics) ? run.metrics : [];
    doc.getElementById('run-metrics').tBodies[0].replaceChildren(...metrics.map((m) => {
      const row = doc.createElement('tr');
      row.append(cell(doc, String(m.epoch)), cell(doc, formatMetric(m.train_loss)), cell(doc, formatMetric(m.val_loss)),
        cell(doc, formatMetric(m.val_accuracy)));
      return row;
    }));
    chart.update(chartData(metrics));
    cancel.hidden = !view.cancellable;
    form.querySelector('button[type=submit]').disabled = !view.finished;
  };

  const follow = async (id) => {
    currentRun = id;
    try {
      const last = await watchRun(id, { api, onUpdate: show, intervalMs });
      if (last?.status === 'SUCCEEDED') {
        await loadModels();
      }
    } catch (error) {
      showMessages(doc.getElementById('training-errors'), messagesOf(error));
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = doc.getElementById('training-errors');
    showMessages(errors, []);
    const values = formValues(form);
    try {
      const started = await api.post(`/api/v1/projects/${projectId}/training-runs`, trainingRequest(values));
      show({ id: started.id, status: started.status, progress: 0, metrics: [] });
      follow(started.id);
    } catch (error) {
      showMessages(errors, messagesOf(error));
    }
  });

  cancel.addEventListener('click', async () => {
    if (!currentRun) {
      return;
    }
    cancel.disabled = true;
    try {
      show(await api.post(`/api/v1/training-runs/${encodeURIComponent(currentRun)}/cancel`));
    } catch (error) {
      showMessages(doc.getElementById('training-errors'), messagesOf(error));
    } finally {
      cancel.disabled = false;
    }
  });

  const scoreForm = doc.getElementById('score-form');
  scoreForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const errors = doc.getElementById('score-errors');
    showMessages(errors, []);
    const model = doc.getElementById('score-model').value;
    const responses = parseResponses(doc.getElementById('score-responses').value);
    const results = doc.getElementById('score-results');
    if (!model) {
      showMessages(errors, ['Train a model first.']);
      return;
    }
    try {
      const answer = await api.post(`/api/v1/reward-models/${encodeURIComponent(model)}/score`,
        { prompt: doc.getElementById('score-prompt').value, responses });
      results.tBodies[0].replaceChildren(...scoreRows(responses, answer.scores).map((row, i) => {
        const tr = doc.createElement('tr');
        tr.className = row.best ? 'best' : '';
        tr.append(cell(doc, String(i + 1)), cell(doc, row.response), cell(doc, row.score.toFixed(3)));
        return tr;
      }));
      results.hidden = false;
    } catch (error) {
      results.hidden = true;
      showMessages(errors, messagesOf(error));
    }
  });

  loadModels();
  if (section.dataset.runId) {
    follow(section.dataset.runId);
  }
}
