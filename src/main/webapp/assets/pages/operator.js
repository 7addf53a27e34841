// The operator console: activation requests, users, workspaces (with their first admin, in one
// request), vendor keys, and the audit log rendered from its structured fields.
import { api } from '../api.js';
import { badge, field, h, hidden, table } from '../dom.js';
import { act, region, success } from '../feedback.js';
import { dateTime, num, t } from '../i18n.js';
import { load, page } from '../shell.js';

const TRANSITIONS = {
  activation: { method: 'POST', path: 'activation', question: 'confirmActivate', label: 'activate', css: 'activate' },
  suspension: { method: 'POST', path: 'suspension', question: 'confirmSuspend', label: 'suspend', css: 'secondary suspend' },
  deactivation: { method: 'DELETE', path: 'activation', question: 'confirmDeactivate', label: 'deactivate', css: 'danger deactivate' }
};

const AUDIT_ACTIONS = ['WORKSPACE_CREATED', 'MEMBER_ADDED', 'MEMBER_ROLE_CHANGED', 'MEMBER_REMOVED', 'ACTIVATION_REQUESTED', 'ACTIVATED',
  'SUSPENDED', 'DEACTIVATED', 'KEY_STORED', 'KEY_REPLACED', 'KEY_REMOVED', 'KEY_REENCRYPTED', 'KEY_UNREADABLE', 'POLICY_CHANGED',
  'TOKEN_CREATED', 'TOKEN_REVOKED', 'BLOCK_CREATED', 'BLOCK_CHANGED', 'BLOCK_DELETED'];

const rowFeedback = id => `ws-feedback-${id}`;

/** The audit log's choice, kept when the console is redrawn after an action. */
const auditChoice = { workspace: null, action: '' };

export async function operatorPage() {
  const all = await load(async () => (await api('GET', 'workspaces')).data);
  if (!all) return;
  const transition = (w, kind, where) => async () => {
    const step = TRANSITIONS[kind];
    if (!confirm(t(step.question, w.name))) return;
    if (await act(where, () => api(step.method, `workspaces/${w.id}/chatgpt/${step.path}`))) {
      await operatorPage();
      success(where, t(`transitioned.${kind}`, w.name));
    }
  };
  const buttons = (w, where) => h('div', { class: 'actions' },
    ['activation', 'suspension', 'deactivation']
      .filter(kind => kind === 'activation' ? w.chatgptStatus !== 'ACTIVE' : kind === 'suspension' ? w.chatgptStatus === 'ACTIVE' : w.chatgptStatus !== 'DISABLED')
      .map(kind => h('button', { type: 'button', class: TRANSITIONS[kind].css, onclick: transition(w, kind, where) },
        t(TRANSITIONS[kind].label), hidden(`: ${w.name}`))));
  const columns = [{ label: t('workspace') }, { label: t('status') }, { label: t('actions'), hide: true }];
  const requests = all.filter(w => w.chatgptStatus === 'REQUESTED');
  page(t('operatorConsole'),
    h('section', { class: 'card', 'aria-labelledby': 'requests-h' }, h('h2', { id: 'requests-h' }, t('openRequests')),
      requests.length ? table('requests', t('openRequests'), columns, requests.map(w => ({ attrs: { 'data-workspace': w.name },
        cells: [h('a', { href: `#/ws/${w.id}` }, w.name), badge(w.chatgptStatus), buttons(w, 'open-requests-feedback')] })))
        : h('p', {}, t('noRequests')),
      region('open-requests-feedback')),
    h('div', { class: 'grid' }, createUserCard(), createWorkspaceCard(), vendorKeyCard(all)),
    h('section', { class: 'card', 'aria-labelledby': 'all-h' }, h('h2', { id: 'all-h' }, t('allWorkspaces')),
      table('all-workspaces', t('allWorkspaces'), columns, all.map(w => ({ attrs: { 'data-workspace': w.name },
        cells: [h('a', { href: `#/ws/${w.id}` }, w.name), badge(w.chatgptStatus), [buttons(w, rowFeedback(w.id)), region(rowFeedback(w.id))]] })))),
    auditCard(all));
}

function createUserCard() {
  const username = h('input', { name: 'username', autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const operator = h('input', { name: 'operator', type: 'checkbox' });
  return h('section', { class: 'card', 'aria-labelledby': 'create-user-h' }, h('h2', { id: 'create-user-h' }, t('createUser')),
    h('form', { class: 'stack', id: 'create-user', onsubmit: async (event) => {
      event.preventDefault();
      const created = await act('create-user-feedback', () => api('POST', 'users', { username: username.value, password: password.value, operator: operator.checked }));
      if (created) {
        username.value = '';
        password.value = '';
        operator.checked = false;
        success('create-user-feedback', t('userCreated', created.data.username));
      }
    } }, field(t('username'), username), field(t('password'), password),
    h('label', { class: 'check' }, operator, t('operatorFlag')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('createUser'))), region('create-user-feedback')));
}

function createWorkspaceCard() {
  const name = h('input', { name: 'name', autocomplete: 'off' });
  const admin = h('input', { name: 'adminUsername', autocomplete: 'off' });
  return h('section', { class: 'card', 'aria-labelledby': 'create-workspace-h' }, h('h2', { id: 'create-workspace-h' }, t('createWorkspace')),
    h('form', { class: 'stack', id: 'create-workspace', onsubmit: async (event) => {
      event.preventDefault();
      const adminName = admin.value.trim();
      // one request: the workspace and its first admin exist together, or neither does
      const created = await act('create-workspace-feedback', () => api('POST', 'workspaces', { name: name.value, adminUsername: adminName || null }));
      if (created) {
        await operatorPage();
        success('create-workspace-feedback', adminName ? t('workspaceCreatedWithAdmin', created.data.name, adminName) : t('workspaceCreated', created.data.name));
      }
    } }, field(t('workspaceName'), name), field(t('adminUsername'), admin),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('createWorkspace'))), region('create-workspace-feedback')));
}

function vendorKeyCard(workspaces) {
  const active = workspaces.filter(w => w.chatgptStatus === 'ACTIVE');
  const select = h('select', { name: 'workspace' }, active.map(w => h('option', { value: w.id }, w.name)));
  const key = h('input', { name: 'apiKey', type: 'password', autocomplete: 'off' });
  return h('section', { class: 'card', 'aria-labelledby': 'vendor-h' }, h('h2', { id: 'vendor-h' }, t('vendorKey')),
    active.length === 0 ? h('p', { class: 'muted' }, t('noActiveWorkspace')) : h('form', { class: 'stack', id: 'vendor-key', onsubmit: async (event) => {
      event.preventDefault();
      const target = active.find(w => w.id === select.value);
      const saved = await act('vendor-key-feedback', async () => {
        const current = await api('GET', `workspaces/${select.value}/chatgpt`);
        return api('PUT', `workspaces/${select.value}/chatgpt/credentials`, { apiKey: key.value }, { 'If-Match': current.etag });
      });
      if (saved) {
        key.value = '';
        success('vendor-key-feedback', t('vendorKeySaved', target.name));
      }
    } }, field(t('workspace'), select), field(t('apiKey'), key), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('saveKey'))),
    region('vendor-key-feedback')));
}

/** An audit line's detail in the reader's language, from the fields the server parsed out of it. */
export function auditDetail(e) {
  const f = e.fields || {};
  if (f.text) return f.text;
  if (e.action === 'KEY_UNREADABLE') return t('keyUnreadableDetail');
  const parts = [];
  const say = (key, value) => parts.push(`${t(`field.${key}`)}: ${value}`);
  for (const [key, value] of Object.entries(f)) {
    if (key === 'role') say(key, t(`role.${value}`));
    else if (key === 'status') say(key, t(`status.${value}`));
    else if (key === 'source') say(key, t(`source.${value}`));
    else if (key === 'reason') parts.push(t(`reason.${value}`) === `reason.${value}` ? value : t(`reason.${value}`));
    else if (key === 'tokenLimit') say(key, num(Number(value)));
    else if (key === 'allowedModels') say(key, value || t('allModels'));
    else say(key, value);
  }
  if (e.action === 'POLICY_CHANGED') {
    if (!('tokenLimit' in f)) parts.unshift(`${t('field.tokenLimit')}: ${t('noLimit')}`);
    if (!('allowedModels' in f)) parts.push(`${t('field.allowedModels')}: ${t('allModels')}`);
  }
  return parts.join('; ');
}

function auditCard(workspaces) {
  const select = h('select', { name: 'auditWorkspace' }, workspaces.map(w => h('option', { value: w.id }, w.name)));
  const action = h('select', { name: 'action' }, h('option', { value: '' }, t('allActions')), AUDIT_ACTIONS.map(a => h('option', { value: a }, t(`audit.${a}`))));
  if (workspaces.some(w => w.id === auditChoice.workspace)) select.value = auditChoice.workspace;
  action.value = auditChoice.action;
  const columns = [{ label: t('when') }, { label: t('actor') }, { label: t('action') }, { label: t('detail') }];
  const list = h('div', { id: 'audit-list' });
  const path = () => `workspaces/${select.value}/chatgpt/audit${action.value ? `?action=${action.value}` : ''}`;
  const draw = events => list.replaceChildren(events.length ? table('audit', t('audit'), columns, events.map(e => ({ attrs: { 'data-action': e.action },
    cells: [dateTime(e.occurredAt), e.actor === 'system' ? t('system') : e.actor, t(`audit.${e.action}`), auditDetail(e)] })))
    : h('p', { id: 'audit-empty' }, t('noAudit')));
  const show = async () => {
    auditChoice.workspace = select.value;
    auditChoice.action = action.value;
    const events = select.value ? await act('audit-feedback', () => api('GET', path())) : null;
    if (events) draw(events.data);
  };
  select.addEventListener('change', show);
  action.addEventListener('change', show);
  // the first workspace's log once the page is drawn, leaving the answer of the action that drew it
  setTimeout(async () => {
    const events = select.value ? await api('GET', path()).catch(() => null) : null;
    if (events && list.isConnected) draw(events.data);
  });
  return h('section', { class: 'card', 'aria-labelledby': 'audit-h' }, h('h2', { id: 'audit-h' }, t('audit')),
    h('div', { class: 'inline-form' }, field(t('workspace'), select), field(t('action'), action)), region('audit-feedback'), list);
}
