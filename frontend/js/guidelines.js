// The guidelines panel of the ranking page. Each task comes with the project's guidelines and their version;
// when an admin has edited them since the page was loaded, the next task brings them, and the panel shows the
// new text and tells the labeler so. A task never brings the page back to an older version (a task may come
// from settings a few seconds older than the page).

/** The guidelines to show for a task, or null when the page already shows that version or a newer one. */
export function newerGuidelines(shownVersion, task) {
  const version = Number(task?.guidelines_version);
  if (!Number.isInteger(version) || version <= shownVersion) {
    return null;
  }
  return { version, html: task.guidelines ?? '' };
}

/** Brings the panel (`#guidelines`, its version in `data-version`) up to the task's guidelines. */
export function showGuidelinesOf(doc, task) {
  const panel = doc.getElementById('guidelines');
  if (!panel) return;
  const newer = newerGuidelines(Number(panel.dataset.version), task);
  if (newer === null) return;
  panel.dataset.version = String(newer.version);
  // Rendered and sanitised on the server (Markdown with HTML escaped), like the task's texts.
  doc.getElementById('guidelines-text').innerHTML = newer.html;
  doc.getElementById('guidelines-version').textContent = `version ${newer.version}`;
  doc.getElementById('guidelines-updated').hidden = false;
  panel.hidden = newer.html === '';
}
