// Building the pages' elements. Nothing here writes HTML from strings or a style attribute: data
// becomes text nodes, and the Content-Security-Policy (style-src 'self') has nothing to refuse.
import { t } from './i18n.js';

/** Creates an element; strings become text nodes, so data is never parsed as HTML. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'style') throw new Error('no style attributes: the Content-Security-Policy refuses them');
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'value') el.value = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

let fieldCounter = 0;

/** A labelled input with its help text and the slot where the server's message for it appears. */
export function field(label, input, help) {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  const error = h('span', { class: 'field-error', 'data-for': input.name || '', id: `${id}-error` });
  const helpText = help ? h('small', { id: `${id}-help` }, help) : null;
  input.setAttribute('aria-describedby', [helpText ? helpText.id : null, error.id].filter(Boolean).join(' '));
  return h('label', { class: 'field', for: id }, label, helpText, input, error);
}

/** Text only screen readers read (e.g. the header of a column of buttons). */
export function hidden(text) {
  return h('span', { class: 'visually-hidden' }, text);
}

export function badge(status) {
  return h('span', { class: `badge status-${status}` }, t(`status.${status}`));
}

/**
 * A table that becomes one card a row on a phone: each cell carries its column's name, which the
 * stylesheet shows in front of the value when the header row is hidden.
 * {@code columns}: [{ label, hide }] (hide: the header is for screen readers only);
 * {@code rows}: arrays of cells (a node, text or [node, …]) or {attrs, cells}.
 */
export function table(id, caption, columns, rows) {
  const head = h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c.hide ? hidden(c.label) : c.label))));
  const body = h('tbody', {}, rows.map(row => tableRow(columns, row)));
  return h('div', { class: 'table-wrap' }, h('table', { id, class: 'responsive' }, caption ? h('caption', { class: 'visually-hidden' }, caption) : null, head, body));
}

export function tableRow(columns, row) {
  const { attrs = {}, cells } = Array.isArray(row) ? { cells: row } : row;
  return h('tr', attrs, cells.map((cell, i) => h('td', { 'data-label': columns[i].hide ? null : columns[i].label,
    class: columns[i].hide ? 'cell-actions' : null }, cell)));
}

export function mono(text) {
  return h('code', { class: 'mono' }, text);
}
