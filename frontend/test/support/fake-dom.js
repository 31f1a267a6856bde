// Just enough of a document for startPage tests in node (which has no DOM): elements found by id or by the
// selectors a test names, holding text, attributes, children and listeners. No tests here.

function adopt(parent, node) {
  if (node instanceof FakeElement) node.parent = parent;
}

export class FakeElement {
  constructor(doc, tag, id) {
    Object.assign(this, { ownerDocument: doc, localName: tag, id, textContent: '', hidden: false, disabled: false });
    this.value = '';
    this.className = '';
    this.dataset = {};
    this.attributes = {};
    this.children = [];
    this.listeners = {};
    this.selectors = {};
    const classes = new Set();
    this.classList = {
      add: (name) => classes.add(name),
      contains: (name) => classes.has(name),
      remove: (name) => classes.delete(name),
      toggle: (name, on = !classes.has(name)) => {
        if (on) {
          classes.add(name);
        } else {
          classes.delete(name);
        }
        return on;
      },
    };
  }

  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }

  getAttribute(name) {
    return this.attributes[name] ?? null;
  }

  removeAttribute(name) {
    delete this.attributes[name];
    if (name === 'value') {
      this.value = undefined;
    }
  }

  append(...nodes) {
    this.children.push(...nodes);
    nodes.forEach((node) => adopt(this, node));
  }

  appendChild(node) {
    this.children = this.children.filter((child) => child !== node);
    this.children.push(node);
    adopt(this, node);
    return node;
  }

  replaceChildren(...nodes) {
    this.children = nodes;
    nodes.forEach((node) => adopt(this, node));
  }

  focus() {
    this.ownerDocument.activeElement = this;
  }

  /** Simple selectors only: a tag (`select`) or one class (`.candidate`). */
  matches(selector) {
    return selector.startsWith('.') ? this.classList.contains(selector.slice(1)) : this.localName === selector;
  }

  /** This element or the nearest parent (set by append or inside) matching a simple selector. */
  closest(selector) {
    for (let node = this; node; node = node.parent) {
      if (node.matches?.(selector)) return node;
    }
    return null;
  }

  /** Elements a test has listed under a selector with `insideAll(selector, elements)`. */
  querySelectorAll(selector) {
    return this.selectorLists?.[selector] ?? [];
  }

  /** Elements a test has placed under a selector with `inside(selector, element)`. */
  querySelector(selector) {
    return this.selectors[selector] ?? null;
  }

  inside(selector, element) {
    this.selectors[selector] = element;
    adopt(this, element);
    return element;
  }

  addEventListener(type, listener) {
    (this.listeners[type] ??= []).push(listener);
  }

  /** Runs the listeners of `type` with an event whose target is this element; resolves when async ones end. */
  async dispatch(type, event = {}) {
    const full = { target: this, preventDefault() { this.defaultPrevented = true; }, ...event };
    await Promise.all((this.listeners[type] ?? []).map((listener) => listener(full)));
    return full;
  }

  /** The text of the element and its children, children on their own lines. */
  get text() {
    return [this.textContent, ...this.children.map((child) => child.text ?? String(child))].filter((t) => t !== '').join('\n');
  }
}

/** A document whose elements with the given ids exist; `doc.el(id)` returns them for the test. */
export function fakeDocument(ids = []) {
  const doc = {
    elements: new Map(),
    selectors: {},
    location: { pathname: '/' },
    defaultView: { scrollTo() {} },
    createElement: (tag) => new FakeElement(doc, tag),
    getElementById: (id) => doc.elements.get(id) ?? null,
    querySelector: (selector) => doc.selectors[selector] ?? null,
    el: (id) => doc.elements.get(id),
    listeners: {},
    addEventListener: (type, listener) => (doc.listeners[type] ??= []).push(listener),
    /** Runs the document's listeners of `type` with `event` (give it a `target`). */
    async dispatch(type, event = {}) {
      const full = { preventDefault() { this.defaultPrevented = true; }, ...event };
      await Promise.all((doc.listeners[type] ?? []).map((listener) => listener(full)));
      return full;
    },
    inside: (selector, element) => { doc.selectors[selector] = element; return element; },
  };
  for (const id of ids) {
    doc.elements.set(id, new FakeElement(doc, 'div', id));
  }
  return doc;
}

/** Lets pending promise callbacks (a page's async handlers) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
