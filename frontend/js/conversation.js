// The prompt of a task: one text, or a conversation (`messages`, ending with the user turn the responses
// answer). Texts come rendered and sanitised by the server (SafeMarkdown: Markdown, raw HTML escaped), so they
// go in as HTML; everything else (roles, counts) goes in as text.

const ROLES = { system: 'System', user: 'User', assistant: 'Assistant' };

/** The label shown for a role: known roles by name, anything else as the text it is. */
export function roleLabel(role) {
  return Object.hasOwn(ROLES, role) ? ROLES[role] : String(role ?? '');
}

/** "Show 1 earlier turn", "Hide 3 earlier turns". */
export function earlierTurnsLabel(count, open) {
  return `${open ? 'Hide' : 'Show'} ${count} earlier ${count === 1 ? 'turn' : 'turns'}`;
}

function turn(doc, tag, message) {
  const item = doc.createElement(tag);
  item.classList.add('turn');
  item.classList.add(`turn-${Object.hasOwn(ROLES, message.role) ? message.role : 'other'}`);
  const role = doc.createElement('span');
  role.className = 'turn-role';
  role.textContent = roleLabel(message.role);
  const text = doc.createElement('div');
  text.className = 'markdown turn-text';
  text.innerHTML = message.html ?? '';
  item.append(role, text);
  return { item, text };
}

/**
 * Fills `box` with the prompt and returns the element to fold when it is long: the whole text, or the
 * last turn of a conversation (earlier turns are folded away behind a disclosure, opened on request).
 */
export function renderPrompt(doc, box, prompt) {
  const messages = Array.isArray(prompt.messages) ? prompt.messages : [];
  box.classList.toggle('conversation', messages.length > 0);
  if (messages.length === 0) {
    box.innerHTML = prompt.html ?? '';
    return box;
  }
  const parts = [];
  const earlier = messages.slice(0, -1);
  if (earlier.length > 0) {
    const details = doc.createElement('details');
    details.className = 'earlier-turns';
    const summary = doc.createElement('summary');
    summary.textContent = earlierTurnsLabel(earlier.length, false);
    const list = doc.createElement('ol');
    list.className = 'turns';
    list.append(...earlier.map((message) => turn(doc, 'li', message).item));
    details.append(summary, list);
    details.addEventListener('toggle', () => {
      summary.textContent = earlierTurnsLabel(earlier.length, details.open);
    });
    parts.push(details);
  }
  const last = turn(doc, 'div', messages.at(-1));
  last.item.classList.add('last-turn');
  parts.push(last.item);
  box.replaceChildren(...parts);
  return last.text;
}
