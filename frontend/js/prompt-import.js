// The import form of /admin/projects/{id}/prompts: uploads the file with XMLHttpRequest (for upload
// progress), sends the CSRF token of the session, and shows the result or the line-numbered errors.
import { checkFile, describeFailure, describeResult, percent } from './import-messages.js';

const form = document.getElementById('import-form');
const fileInput = document.getElementById('import-file');
const progress = document.getElementById('import-progress');
const status = document.getElementById('import-status');
const errorList = document.getElementById('import-errors');

function meta(name) {
  return document.querySelector(`meta[name="${name}"]`)?.getAttribute('content');
}

function showStatus(text, kind) {
  status.textContent = text;
  status.className = kind ? `alert ${kind}` : '';
}

function showErrors(lines) {
  errorList.replaceChildren(...lines.map((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    return item;
  }));
  errorList.hidden = lines.length === 0;
}

function finished(xhr) {
  progress.hidden = true;
  form.querySelector('button').disabled = false;
  if (xhr.status === 201) {
    const result = JSON.parse(xhr.responseText);
    showStatus(describeResult(result), 'ok');
    const link = document.createElement('a');
    link.href = window.location.pathname;
    link.textContent = ' Show the prompts';
    status.append(link);
    return;
  }
  const failure = describeFailure(xhr.status, xhr.responseText);
  showStatus(failure.summary, 'error');
  showErrors(failure.errors);
}

function upload(file) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', form.dataset.url);
  xhr.setRequestHeader(meta('_csrf_header') ?? 'X-CSRF-TOKEN', meta('_csrf') ?? '');
  xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
  xhr.upload.addEventListener('progress', (event) => {
    if (event.lengthComputable) {
      progress.max = event.total;
      progress.value = event.loaded;
      showStatus(`Uploading ${file.name}: ${percent(event.loaded, event.total)}%`);
    }
  });
  xhr.upload.addEventListener('load', () => {
    progress.removeAttribute('value');
    showStatus('Uploaded; checking and storing the prompts…');
  });
  xhr.addEventListener('load', () => finished(xhr));
  xhr.addEventListener('error', () => {
    progress.hidden = true;
    form.querySelector('button').disabled = false;
    showStatus('The upload failed: the connection was lost.', 'error');
  });
  const data = new FormData();
  data.append('file', file);
  progress.value = 0;
  progress.hidden = false;
  form.querySelector('button').disabled = true;
  xhr.send(data);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  showErrors([]);
  const file = fileInput.files[0];
  const problem = checkFile(file, Number(form.dataset.maxBytes));
  if (problem) {
    showStatus(problem, 'error');
    return;
  }
  upload(file);
});
