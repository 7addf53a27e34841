// What an action did, said next to it: every form and button row has its own live region (a
// "feedback" element with a stable id). An action's answer goes into its region and stays there
// until the next action starts; a page redrawn after a change finds the region again by its id,
// so the message survives the redraw and is never out of sight at the top of the page.
import { ApiError } from './api.js';
import { h } from './dom.js';
import { t } from './i18n.js';

let unauthorized = () => {};

/** What to do when the session has ended (the sign-in page). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

/** An empty live region for the answers of the action(s) next to it. */
export function region(id) {
  return h('div', { class: 'feedback', id, role: 'status', 'aria-live': 'polite', tabindex: '-1' });
}

/** The start of an action: earlier answers and field marks go. */
export function clearAll() {
  document.querySelectorAll('.feedback').forEach(r => r.replaceChildren());
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
  document.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
}

function target(where) {
  return typeof where === 'string' ? document.getElementById(where) : where;
}

/**
 * Puts a message into a region. A region that was just drawn is filled a moment later, so
 * screen readers, which watch only regions they have already seen, announce it. If the element
 * that had the focus was redrawn away, the focus moves to the message.
 */
export function show(where, kind, ...content) {
  const el = target(where);
  if (!el) return Promise.resolve();
  const box = h('div', { class: `message ${kind}` }, ...content);
  return new Promise(resolve => requestAnimationFrame(() => {
    const live = target(typeof where === 'string' ? where : el) || el;
    live.replaceChildren(box);
    if (!document.activeElement || document.activeElement === document.body) live.focus({ preventScroll: true });
    live.scrollIntoView({ block: 'nearest' });
    resolve();
  }));
}

export function success(where, ...content) {
  return show(where, 'success', ...content.map(c => typeof c === 'string' ? h('p', {}, c) : c));
}

export function warning(where, ...content) {
  return show(where, 'warning', ...content.map(c => typeof c === 'string' ? h('p', {}, c) : c));
}

/** The parts of a problem detail a person reads: title, detail, advice, wait, OpenAI's request id. */
export function problemParts(error) {
  if (!(error instanceof ApiError)) {
    return [h('p', {}, h('strong', {}, t('unreachable')))];
  }
  const p = error.problem;
  const title = p.title || (p.error && p.error.message) || '';
  return [
    h('p', {}, h('strong', {}, title)),
    p.detail && p.detail !== title ? h('p', {}, p.detail) : null,
    p.advice ? h('p', {}, p.advice) : null,
    p.retryAfterSeconds && !String(p.detail || '').includes(String(p.retryAfterSeconds)) ? h('p', {}, t('retryAfter', p.retryAfterSeconds)) : null,
    p.openaiRequestId ? h('p', { class: 'muted' }, `${t('openaiRequestId')}: `, h('code', { class: 'mono' }, p.openaiRequestId)) : null
  ];
}

/** Shows a problem in the region, and each rejected field's message next to its input. */
export function problem(where, error, ...extra) {
  const p = error instanceof ApiError ? error.problem : {};
  const scope = target(where)?.closest('section, form, main') || document;
  const fieldErrors = [...(p.errors || [])];
  if (p.field) fieldErrors.push({ field: p.field, message: p.detail });
  const unplaced = [];
  for (const e of fieldErrors) {
    const slot = scope.querySelector(`.field-error[data-for="${CSS.escape(e.field)}"]`)
      || document.querySelector(`.field-error[data-for="${CSS.escape(e.field)}"]`);
    if (slot) {
      slot.textContent = e.message;
      slot.closest('label')?.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    } else if (e.message !== p.detail) {
      unplaced.push(h('li', {}, e.message));
    }
  }
  return show(where, 'problem', ...problemParts(error), unplaced.length ? h('ul', {}, unplaced) : null, ...extra);
}

/**
 * Runs an action: clears earlier answers, and shows the action's problem in its region if it
 * fails (answering undefined then). A 401 means the session ended, and the sign-in page follows,
 * unless the action is the sign-in itself ({@code signIn}). {@code conflict} adds to a 409
 * version_conflict what changed meanwhile and how to reload.
 */
export async function act(where, action, { conflict, signIn } = {}) {
  clearAll();
  try {
    return await action();
  } catch (error) {
    await failed(where, error, { conflict, signIn });
    return undefined;
  }
}

/** Shows why an action or a page load failed; never silent. */
export async function failed(where, error, { conflict, signIn } = {}) {
  if (error instanceof ApiError && error.status === 401 && !signIn) {
    unauthorized();
    return;
  }
  if (!(error instanceof ApiError)) console.error(error);
  let extra = [];
  if (conflict && error instanceof ApiError && error.code === 'version_conflict') {
    try {
      extra = await conflict();
    } catch (reloadFailed) {
      extra = [];
    }
  }
  await problem(where, error, ...extra);
}
