// Small DOM helpers. API data only ever reaches the page as text nodes or attribute values,
// never through innerHTML.

/**
 * el('p', {class: 'note', dataset: {visitId: 'v-1'}}, 'Some text', childNode)
 * Attributes that are null, undefined or false are left out; true gives an empty attribute.
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'hidden') node.hidden = true;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  appendAll(node, children);
  return node;
}

function appendAll(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Empties a node, then appends the given children. */
export function clear(node, ...children) {
  node.replaceChildren();
  appendAll(node, children);
  return node;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Sets text only when it changes, so live regions do not announce the same sentence twice. */
export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
