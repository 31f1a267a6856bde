// The import form of /admin/projects/{id}/prompts: uploads the file through api.upload (for its progress)
// and shows the result or the line-numbered errors. What it says comes from import-messages.js.
import { showMessages } from './dom.js';
import { checkFile, describeFailure, describeResult, percent } from './import-messages.js';

/** Wires the import form; `api` comes from api.js. */
export function startPage(doc, api) {
  const form = doc.getElementById('import-form');
  if (!form) {
    return;
  }
  const fileInput = doc.getElementById('import-file');
  const progress = doc.getElementById('import-progress');
  const status = doc.getElementById('import-status');
  const errorList = doc.getElementById('import-errors');
  const button = form.querySelector('button');

  const showStatus = (text, kind) => {
    status.textContent = text;
    status.className = kind ? `alert ${kind}` : '';
  };

  const upload = async (file) => {
    progress.value = 0;
    progress.hidden = false;
    button.disabled = true;
    try {
      const result = await api.upload(form.dataset.url, file, {
        onProgress(loaded, total) {
          progress.max = total;
          progress.value = loaded;
          showStatus(`Uploading ${file.name}: ${percent(loaded, total)}%`);
        },
        onSent() {
          progress.removeAttribute('value');
          showStatus('Uploaded; checking and storing the prompts…');
        },
      });
      showStatus(describeResult(result), 'ok');
      const link = doc.createElement('a');
      link.href = doc.location.pathname;
      link.textContent = ' Show the prompts';
      status.append(link);
    } catch (error) {
      const failure = describeFailure(error.status, error.problem);
      showStatus(failure.summary, 'error');
      showMessages(errorList, failure.errors, 'li');
    } finally {
      progress.hidden = true;
      button.disabled = false;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showMessages(errorList, [], 'li');
    const file = fileInput.files[0];
    const problem = checkFile(file, Number(form.dataset.maxBytes));
    if (problem) {
      showStatus(problem, 'error');
      return;
    }
    upload(file);
  });
}
