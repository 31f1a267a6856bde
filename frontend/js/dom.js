// Small DOM helpers shared by the pages; they take the elements they fill, so fakes can stand in for them.

/** Shows one element per message in `box` (`tag`: div lines, or li for a list); hides it when there are none. */
export function showMessages(box, messages, tag = 'div') {
  box.replaceChildren(...messages.map((message) => {
    const line = box.ownerDocument.createElement(tag);
    line.textContent = message;
    return line;
  }));
  box.hidden = messages.length === 0;
}

/** A table cell holding `text` as text. */
export function cell(doc, text) {
  const td = doc.createElement('td');
  td.textContent = text;
  return td;
}

/** A form's fields as { name: value }, for the request builders of the pages. */
export function formValues(form) {
  return Object.fromEntries(new FormData(form).entries());
}
