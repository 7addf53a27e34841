// What every page shares: the signed-in user, the page frame, and a workspace's tabs.
import { api, ApiError } from './api.js';
import { h } from './dom.js';
import { failed, region } from './feedback.js';
import { t } from './i18n.js';

const main = document.getElementById('main');

export const session = { me: null };

let navigating = false;
let drawnFor = null;

/**
 * The next page drawn is a new page (focus to its heading), not a redraw after an action; a
 * page still loading for an earlier address is not drawn over it when it arrives late.
 */
export function navigation() {
  navigating = true;
  drawnFor = location.hash;
}

/** Shows a page once: a changed hash renders through the hashchange event, an unchanged one here. */
export function go(hash, route) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

/**
 * Draws the page. After a navigation the focus moves to the page; a redraw after an action keeps
 * the scroll position and, where the focused element is drawn again (same id), the focus.
 */
export function page(title, ...content) {
  if (drawnFor !== null && location.hash !== drawnFor) return;
  document.title = `${title} – ${t('appName')}`;
  const focused = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : null;
  main.replaceChildren(h('h1', { id: 'page-title' }, title), ...content.filter(c => c !== null && c !== undefined && c !== false));
  if (navigating) {
    navigating = false;
    main.focus();
  } else if (focused && document.getElementById(focused)) {
    document.getElementById(focused).focus({ preventScroll: true });
  }
}

export async function workspaceInfo(ws) {
  const list = await api('GET', 'workspaces');
  return list.data.find(w => w.id === ws) || { id: ws, name: ws, role: null };
}

/** What the caller may see of a workspace: members see blocks, admins and operators the rest. */
export function canManage(info) {
  return info.role === 'ADMIN' || session.me.operator;
}

export function tabs(info, current) {
  const ws = info.id;
  const link = (name, hash, label) => h('a', { href: hash, class: 'tab', 'aria-current': name === current ? 'page' : null }, label);
  return h('nav', { class: 'tabs', 'aria-label': `${t('workspaceNav')} ${info.name}` },
    link('settings', `#/ws/${ws}`, t('settings')),
    info.role ? link('blocks', `#/ws/${ws}/blocks`, t('blocks')) : null,
    canManage(info) ? link('usage', `#/ws/${ws}/usage`, t('usage')) : null,
    canManage(info) ? link('requests', `#/ws/${ws}/requests`, t('requestsPage')) : null,
    canManage(info) ? link('members', `#/ws/${ws}/members`, t('members')) : null);
}

/** "All workspaces" above a workspace's pages. */
export function backLink() {
  return h('p', { class: 'back' }, h('a', { href: '#/' }, `← ${t('back')}`));
}

/** Loads what a page shows; if that fails, the page says why (and where to go) instead. */
export async function load(action) {
  try {
    return await action();
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) page(t('appName'), backLink(), region('page-feedback'));
    await failed('page-feedback', error);
    return undefined;
  }
}
