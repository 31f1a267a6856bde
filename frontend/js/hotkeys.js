// Page-wide keys of the label page. Keys on a focused card (arrows, digits, = and -) are ranking.js's
// keyAction; these act on the whole task. Ending a task takes a modifier, so that a stray key does not
// send or skip anything, and no key acts while the labeler types in a field.

/** The keys, as the help overlay lists them. */
export const HOTKEYS = [
  { action: 'submit', keys: ['Ctrl', 'Enter'], description: 'Submit the ranking (⌘ Enter on a Mac)' },
  { action: 'not-rankable', keys: ['Shift', 'N'], description: 'Mark the task as not rankable' },
  { action: 'skip', keys: ['Shift', 'S'], description: 'Skip the task (it goes to someone else)' },
  { action: 'undo', keys: ['U'], description: 'Undo the last move (also Ctrl Z)' },
  { action: 'help', keys: ['?'], description: 'Show or hide these keys' },
];

/** Whether keys pressed on `target` are typing: in a text field, a select or editable content. */
export function isTyping(target) {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = String(target.localName ?? target.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag !== 'input') return false;
  const type = String(target.type ?? 'text').toLowerCase();
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(type);
}

/** The page action of a keydown event, or null. */
export function hotkeyAction(event) {
  if (event.defaultPrevented || event.isComposing || event.repeat || isTyping(event.target)) return null;
  const { key, ctrlKey, metaKey, altKey, shiftKey } = event;
  if (altKey) return null;
  const command = ctrlKey || metaKey;
  if (command && key === 'Enter') return 'submit';
  if (command && !shiftKey && (key === 'z' || key === 'Z')) return 'undo';
  if (command) return null;
  if (key === '?') return 'help';
  const letter = key.length === 1 ? key.toLowerCase() : '';
  if (shiftKey && letter === 'n') return 'not-rankable';
  if (shiftKey && letter === 's') return 'skip';
  if (!shiftKey && letter === 'u') return 'undo';
  return null;
}
