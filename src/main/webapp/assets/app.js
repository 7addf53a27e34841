// ChatGPT Connector's web pages: plain ES modules on the same REST API that tools use.
import { api, ApiError, setCsrf } from './api.js';
import { lang, setLang, t } from './i18n.js';

const main = document.getElementById('main');
const message = document.getElementById('message');
let me = null;

/** Creates an element; strings become text nodes, so data is never parsed as HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
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
function field(label, input, help) {
  const id = input.id || `f${++fieldCounter}`;
  input.id = id;
  return h('label', { class: 'field', for: id }, label, help ? h('small', {}, help) : null, input,
    h('span', { class: 'field-error', 'data-for': input.name || '' }));
}

/** Shows a problem detail: title, detail, advice, and each rejected field next to its input. */
function showProblem(error, container = message) {
  if (!(error instanceof ApiError)) {
    container.replaceChildren(h('div', { class: 'problem', role: 'alert' }, h('p', {}, String(error))));
    return;
  }
  const p = error.problem;
  const box = h('div', { class: 'problem', role: 'alert', 'data-code': p.code || (p.error && p.error.code) || '' },
    h('p', {}, h('strong', {}, p.title || (p.error && p.error.message) || '')),
    p.detail ? h('p', {}, p.detail) : null,
    p.advice ? h('p', {}, p.advice) : null,
    p.retryAfterSeconds ? h('p', { class: 'muted' }, `Retry-After: ${p.retryAfterSeconds}s`) : null,
    p.openaiRequestId ? h('p', { class: 'muted' }, `Request ID: ${p.openaiRequestId}`) : null);
  container.replaceChildren(box);
  for (const e of p.errors || []) {
    const slot = document.querySelector(`.field-error[data-for="${CSS.escape(e.field)}"]`);
    if (slot) slot.textContent = e.message;
  }
}

function ok(text, container = message) {
  container.replaceChildren(h('div', { class: 'success', role: 'status' }, h('p', {}, text)));
}

function clearErrors() {
  message.replaceChildren();
  document.querySelectorAll('.field-error').forEach(e => { e.textContent = ''; });
}

/** Runs an action, showing its problem if it fails; returns undefined then. */
async function attempt(action, container) {
  clearErrors();
  try {
    return await action();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return signInPage();
    showProblem(error, container);
    return undefined;
  }
}

function badge(status) {
  return h('span', { class: `badge ${status}` }, t(`status.${status}`));
}

function page(title, ...content) {
  document.title = `${title} – ChatGPT Connector`;
  main.replaceChildren(h('h1', {}, title), ...content);
  main.focus();
}

// ------------------------------------------------------------------ sign-in

function signInPage() {
  me = null;
  renderChrome();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'stack card', onsubmit: async (event) => {
    event.preventDefault();
    const session = await attempt(() => api('POST', 'session', { username: username.value, password: password.value }));
    if (session) {
      setCsrf(session.data.csrfToken);
      me = session.data;
      go(me.operator ? '#/operator' : '#/');
    }
  } }, field(t('username'), username), field(t('password'), password), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('signIn'))));
  page(t('signInTitle'), form);
}

function renderChrome() {
  document.getElementById('lang-label').textContent = t('language');
  document.getElementById('lang').value = lang();
  const nav = document.getElementById('nav');
  nav.replaceChildren();
  document.getElementById('who').textContent = me ? me.username : '';
  const logout = document.getElementById('logout');
  logout.hidden = !me;
  logout.textContent = t('signOut');
  if (me) {
    nav.append(h('a', { href: '#/' }, t('workspaces')));
    if (me.operator) nav.append(h('a', { href: '#/operator' }, t('operatorConsole')));
  }
}

// ------------------------------------------------------------------ workspaces

async function workspacesPage() {
  const list = await attempt(() => api('GET', 'workspaces'));
  if (!list) return;
  const rows = list.data.map(w => h('tr', {},
    h('td', {}, h('a', { href: `#/ws/${w.id}` }, w.name)), h('td', {}, w.role || '—'), h('td', {}, badge(w.chatgptStatus))));
  page(t('workspaces'), list.data.length === 0 ? h('p', {}, t('noWorkspaces')) : h('div', { class: 'card table-wrap' },
    h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('workspace')), h('th', {}, t('role')), h('th', {}, t('status')))), h('tbody', {}, rows))));
}

function tabs(ws, name, role) {
  return h('nav', { class: 'actions', 'aria-label': name },
    h('a', { href: `#/ws/${ws}` }, t('settings')),
    h('a', { href: `#/ws/${ws}/blocks` }, t('blocks')),
    role === 'ADMIN' || me.operator ? h('a', { href: `#/ws/${ws}/usage` }, t('usage')) : null,
    h('a', { href: '#/' }, t('back')));
}

async function workspaceInfo(ws) {
  const list = await api('GET', 'workspaces');
  return list.data.find(w => w.id === ws) || { id: ws, name: ws, role: null };
}

async function settingsPage(ws) {
  const info = await attempt(() => workspaceInfo(ws));
  const loaded = await attempt(() => api('GET', `workspaces/${ws}/chatgpt`));
  if (!info || !loaded) return;
  const s = loaded.data;
  const etag = () => String(s.version);
  const admin = info.role === 'ADMIN';
  const reload = () => settingsPage(ws);

  const status = h('section', { class: 'card', 'aria-labelledby': 'status-h' }, h('h2', { id: 'status-h' }, t('status'), ' ', badge(s.status)),
    h('p', { id: 'next-step' }, t(`next.${s.status}`)),
    admin && s.status === 'DISABLED' ? h('button', { type: 'button', id: 'request-activation', onclick: async () => {
      if (await attempt(() => api('POST', `workspaces/${ws}/chatgpt/activation-request`))) reload();
    } }, t('requestActivation')) : null);

  const sections = [tabs(ws, info.name, info.role), status];
  if (admin && s.status === 'ACTIVE') {
    sections.push(keyCard(ws, s, etag, reload), testCard(ws), policyCard(ws, s, etag, reload), await tokensCard(ws));
  } else if (s.keySource !== 'NONE') {
    sections.push(h('section', { class: 'card' }, h('h2', {}, t('storedKey')), h('p', { id: 'key-hint' }, `…${s.keyHint}`)));
  }
  page(info.name, ...sections);
}

function keyCard(ws, s, etag, reload) {
  const key = h('input', { name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const org = h('input', { name: 'organizationId', value: s.organizationId || '', placeholder: 'org-…' });
  const project = h('input', { name: 'projectId', value: s.projectId || '', placeholder: 'proj_…' });
  const result = h('div', { id: 'key-result' });
  const stored = s.keySource === 'NONE' ? h('p', { id: 'key-hint' }, t('keyNone'))
    : h('p', { id: 'key-hint' }, `${t('storedKey')}: …${s.keyHint} (${t('keySource')} ${t(`source.${s.keySource}`)})`);
  return h('section', { class: 'card', 'aria-labelledby': 'key-h' }, h('h2', { id: 'key-h' }, t('apiKey')), stored,
    s.keyState === 'MUST_BE_REENTERED' ? h('p', { class: 'problem' }, t('keyMustBeReentered')) : null,
    h('form', { class: 'stack', id: 'key-form', onsubmit: async (event) => {
      event.preventDefault();
      const saved = await attempt(() => api('PUT', `workspaces/${ws}/chatgpt/credentials`,
        { apiKey: key.value, organizationId: org.value, projectId: project.value }, { 'If-Match': etag() }), result);
      if (saved) {
        key.value = '';
        await reload();
        const verification = saved.data.verification;
        ok(verification && !verification.ok ? `${t('saved')} ${verification.message}` : t('saved'));
      }
    } }, field(t('apiKey'), key, t('apiKeyHelp')), field(t('organizationId'), org), field(t('projectId'), project),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, s.keySource === 'NONE' ? t('saveKey') : t('replaceKey')),
      s.keySource !== 'NONE' ? h('button', { type: 'button', class: 'danger', id: 'remove-key', onclick: async () => {
        if (confirm(t('confirmRemoveKey')) && await attempt(() => api('DELETE', `workspaces/${ws}/chatgpt/credentials`), result)) {
          await reload();
          ok(t('removed'));
        }
      } }, t('removeKey')) : null)), result);
}

function testCard(ws) {
  const result = h('div', { id: 'test-result' });
  return h('section', { class: 'card' }, h('h2', {}, t('testConnection')),
    h('button', { type: 'button', id: 'test-connection', onclick: async () => {
      const tested = await attempt(() => api('POST', `workspaces/${ws}/chatgpt/connection-test`), result);
      if (tested) ok(`${t('connectionOk')}: ${tested.data.message}`, result);
    } }, t('testConnection')), result);
}

function policyCard(ws, s, etag, reload) {
  const limit = h('input', { name: 'tokenLimit', type: 'number', min: '0', value: s.tokenLimit ?? '' });
  const models = h('input', { name: 'allowedModels', value: (s.allowedModels || []).join(', ') });
  return h('section', { class: 'card' }, h('h2', {}, t('policy')), h('form', { class: 'stack', onsubmit: async (event) => {
    event.preventDefault();
    const body = { tokenLimit: limit.value === '' ? null : Number(limit.value),
      allowedModels: models.value.split(',').map(m => m.trim()).filter(Boolean) };
    if (await attempt(() => api('PUT', `workspaces/${ws}/chatgpt/policy`, body, { 'If-Match': etag() }))) {
      await reload();
      ok(t('saved'));
    }
  } }, field(t('tokenLimit'), limit, t('tokenLimitHelp')), field(t('allowedModels'), models, t('allowedModelsHelp')),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('savePolicy')))));
}

async function tokensCard(ws) {
  const listed = await attempt(() => api('GET', `workspaces/${ws}/chatgpt/tokens`));
  const name = h('input', { name: 'name' });
  const shown = h('div', { id: 'new-token' });
  const rows = (listed ? listed.data : []).map(tok => h('tr', {}, h('td', {}, tok.name), h('td', {}, `${tok.prefix}…`),
    h('td', {}, tok.lastUsedAt ? new Date(tok.lastUsedAt).toLocaleString(lang()) : '—'),
    h('td', {}, tok.revokedAt ? t('revoked') : h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (confirm(t('confirmRevoke')) && await attempt(() => api('DELETE', `workspaces/${ws}/chatgpt/tokens/${tok.id}`))) settingsPage(ws);
    } }, t('revoke')))));
  return h('section', { class: 'card' }, h('h2', {}, t('tokens')),
    h('form', { class: 'actions', onsubmit: async (event) => {
      event.preventDefault();
      const created = await attempt(() => api('POST', `workspaces/${ws}/chatgpt/tokens`, { name: name.value }));
      if (created) {
        shown.replaceChildren(h('p', {}, t('tokenOnce')), h('p', { class: 'secret' }, created.data.token));
        name.value = '';
      }
    } }, field(t('tokenName'), name), h('button', { type: 'submit' }, t('createToken'))), shown,
    h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, t('tokenName')), h('th', {}, 'Token'),
      h('th', {}, t('lastUsed')), h('th', {}, ''))), h('tbody', {}, rows))));
}

// ------------------------------------------------------------------ blocks

async function blocksPage(ws) {
  const info = await attempt(() => workspaceInfo(ws));
  const listed = await attempt(() => api('GET', `workspaces/${ws}/chatgpt/blocks`));
  if (!info || !listed) return;
  const admin = info.role === 'ADMIN';
  const editor = h('div', { id: 'block-editor' });
  const runner = h('div', { id: 'block-runner' });
  const items = listed.data.map(b => h('li', {}, h('strong', {}, b.name), ` (${b.model}) `,
    h('button', { type: 'button', class: 'secondary', onclick: () => runForm(ws, b, runner) }, t('tryRun')),
    admin ? h('button', { type: 'button', class: 'secondary', onclick: () => blockForm(ws, b, editor) }, t('edit')) : null));
  page(`${info.name}: ${t('blocks')}`, tabs(ws, info.name, info.role),
    h('section', { class: 'card' }, listed.data.length ? h('ul', { class: 'stack', id: 'block-list' }, items) : h('p', {}, t('noBlocks')),
      admin ? h('button', { type: 'button', id: 'new-block', onclick: () => blockForm(ws, null, editor) }, t('newBlock')) : null),
    editor, runner);
}

function blockForm(ws, block, container) {
  const v = block || { name: '', model: 'gpt-4o-mini', systemPrompt: '', userPrompt: '', temperature: '', maxOutputTokens: '', responseFormat: 'text' };
  const name = h('input', { name: 'name', value: v.name });
  const model = h('input', { name: 'model', value: v.model });
  const system = h('textarea', { name: 'systemPrompt' });
  system.value = v.systemPrompt || '';
  const user = h('textarea', { name: 'userPrompt' });
  user.value = v.userPrompt || '';
  const temperature = h('input', { name: 'temperature', type: 'number', step: '0.1', min: '0', max: '2', value: v.temperature ?? '' });
  const maxTokens = h('input', { name: 'maxOutputTokens', type: 'number', min: '1', value: v.maxOutputTokens ?? '' });
  const format = h('select', { name: 'responseFormat' }, h('option', { value: 'text' }, t('formatText')), h('option', { value: 'json' }, t('formatJson')));
  format.value = v.responseFormat;
  container.replaceChildren(h('section', { class: 'card' }, h('h2', {}, block ? block.name : t('newBlock')),
    h('form', { class: 'stack', id: 'block-form', onsubmit: async (event) => {
      event.preventDefault();
      const body = { name: name.value, model: model.value, systemPrompt: system.value, userPrompt: user.value,
        temperature: temperature.value === '' ? null : Number(temperature.value),
        maxOutputTokens: maxTokens.value === '' ? null : Number(maxTokens.value), responseFormat: format.value };
      const saved = await attempt(() => block
        ? api('PUT', `workspaces/${ws}/chatgpt/blocks/${block.id}`, body, { 'If-Match': String(block.version) })
        : api('POST', `workspaces/${ws}/chatgpt/blocks`, body));
      if (saved) {
        await blocksPage(ws);
        ok(t('saved'));
      }
    } }, field(t('name'), name), field(t('model'), model), field(t('systemPrompt'), system),
    field(t('userPrompt'), user, t('userPromptHelp')), field(t('temperature'), temperature), field(t('maxOutputTokens'), maxTokens),
    field(t('responseFormat'), format),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('save')),
      block ? h('button', { type: 'button', class: 'danger', onclick: async () => {
        if (confirm(t('confirmDelete')) && await attempt(() => api('DELETE', `workspaces/${ws}/chatgpt/blocks/${block.id}`))) blocksPage(ws);
      } }, t('delete')) : null))));
  name.focus();
}

function runForm(ws, block, container) {
  const inputs = block.variables.map(v => h('textarea', { name: `variables.${v}`, rows: '2' }));
  const result = h('div', { id: 'run-result', 'aria-live': 'polite' });
  container.replaceChildren(h('section', { class: 'card' }, h('h2', {}, `${t('tryRun')}: ${block.name}`),
    h('form', { class: 'stack', id: 'run-form', onsubmit: async (event) => {
      event.preventDefault();
      const variables = Object.fromEntries(block.variables.map((v, i) => [v, inputs[i].value]));
      const ran = await attempt(() => api('POST', `workspaces/${ws}/chatgpt/blocks/${block.id}/runs`, { variables }), result);
      if (ran) {
        const out = typeof ran.data.output === 'string' ? ran.data.output : JSON.stringify(ran.data.output, null, 2);
        result.replaceChildren(h('h3', {}, t('output')), h('pre', { class: 'output', id: 'run-output' }, out),
          h('p', { id: 'run-tokens' }, `${t('tokensUsed')}: ${ran.data.usage.totalTokens} (${ran.data.usage.promptTokens} + ${ran.data.usage.completionTokens}) · ${ran.data.model}`));
      }
    } }, block.variables.map((v, i) => field(v, inputs[i])), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('run')))), result));
  (inputs[0] || container).focus?.();
}

// ------------------------------------------------------------------ usage

let chart = null;

async function usagePage(ws, month) {
  const info = await attempt(() => workspaceInfo(ws));
  const selected = month || new Date().toISOString().slice(0, 7);
  const report = await attempt(() => api('GET', `workspaces/${ws}/chatgpt/usage?month=${encodeURIComponent(selected)}`));
  if (!info || !report) return;
  const r = report.data;
  const monthInput = h('input', { type: 'month', name: 'month', value: selected });
  const canvas = h('canvas', { id: 'usage-chart', role: 'img', 'aria-label': t('perDay') });
  const table = (title, rows, id) => h('section', { class: 'card table-wrap' }, h('h2', {}, title), h('table', { id },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, t('requests')), h('th', {}, t('errors')), h('th', {}, t('promptTokens')),
      h('th', {}, t('completionTokens')), h('th', {}, t('totalTokens')))),
    h('tbody', {}, rows.map(x => h('tr', {}, h('td', {}, x.key), h('td', {}, x.requests), h('td', {}, x.errors), h('td', {}, x.promptTokens),
      h('td', {}, x.completionTokens), h('td', {}, x.totalTokens)))))) ;
  page(`${info.name}: ${t('usage')}`, tabs(ws, info.name, info.role),
    h('form', { class: 'actions card', onsubmit: (event) => { event.preventDefault(); usagePage(ws, monthInput.value); } },
      field(t('month'), monthInput), h('button', { type: 'submit' }, t('show')),
      h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => exportCsv(r) }, t('exportCsv'))),
    h('section', { class: 'card' }, h('h2', {}, t('total')), h('p', { id: 'usage-total' },
      `${r.total.totalTokens} ${t('totalTokens')} · ${r.total.requests} ${t('requests')} · ${r.total.errors} ${t('errors')}`,
      r.tokenLimit ? ` · ${Math.round(100 * r.total.totalTokens / r.tokenLimit)} % ${t('limitOf')} (${r.tokenLimit})` : '')),
    h('section', { class: 'card' }, h('h2', {}, t('perDay')), canvas),
    table(t('perBlock'), r.byBlock, 'by-block'), table(t('perModel'), r.byModel, 'by-model'), table(t('perError'), r.byErrorCode, 'by-error'));
  if (chart) chart.destroy();
  chart = new window.Chart(canvas, { type: 'bar', data: { labels: r.byDay.map(d => d.key),
    datasets: [{ label: t('totalTokens'), data: r.byDay.map(d => d.totalTokens), backgroundColor: '#1f5fbf' }] },
    options: { animation: false, scales: { y: { beginAtZero: true } } } });
}

function exportCsv(r) {
  const quote = v => `"${String(v).replaceAll('"', '""')}"`;
  const lines = [['group', 'key', 'requests', 'errors', 'promptTokens', 'completionTokens', 'totalTokens'].join(',')];
  for (const [group, rows] of [['day', r.byDay], ['block', r.byBlock], ['model', r.byModel], ['error', r.byErrorCode]]) {
    rows.forEach(x => lines.push([group, quote(x.key), x.requests, x.errors, x.promptTokens, x.completionTokens, x.totalTokens].join(',')));
  }
  const link = h('a', { href: URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' })), download: `usage-${r.month}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
}

// ------------------------------------------------------------------ operator console

async function operatorPage() {
  const all = await attempt(() => api('GET', 'workspaces'));
  if (!all) return;
  const transition = (w, method, path, question) => async () => {
    if (confirm(t(question, w.name)) && await attempt(() => api(method, `workspaces/${w.id}/chatgpt/${path}`))) {
      await operatorPage();
      ok(t('saved'));
    }
  };
  const row = w => h('tr', { 'data-workspace': w.name }, h('td', {}, h('a', { href: `#/ws/${w.id}` }, w.name)), h('td', {}, badge(w.chatgptStatus)),
    h('td', { class: 'actions' },
      w.chatgptStatus !== 'ACTIVE' ? h('button', { type: 'button', class: 'activate', onclick: transition(w, 'POST', 'activation', 'confirmActivate') }, t('activate')) : null,
      w.chatgptStatus === 'ACTIVE' ? h('button', { type: 'button', class: 'secondary', onclick: transition(w, 'POST', 'suspension', 'confirmSuspend') }, t('suspend')) : null,
      w.chatgptStatus !== 'DISABLED' ? h('button', { type: 'button', class: 'danger', onclick: transition(w, 'DELETE', 'activation', 'confirmDeactivate') }, t('deactivate')) : null));
  const requests = all.data.filter(w => w.chatgptStatus === 'REQUESTED');
  const listTable = (rows, id) => h('div', { class: 'table-wrap' }, h('table', { id }, h('thead', {}, h('tr', {}, h('th', {}, t('workspace')),
    h('th', {}, t('status')), h('th', {}, ''))), h('tbody', {}, rows.map(row))));
  page(t('operatorConsole'),
    h('section', { class: 'card' }, h('h2', {}, t('openRequests')), requests.length ? listTable(requests, 'requests') : h('p', {}, t('noRequests'))),
    h('div', { class: 'grid' }, createUserCard(), createWorkspaceCard(), vendorKeyCard(all.data)),
    h('section', { class: 'card' }, h('h2', {}, t('allWorkspaces')), listTable(all.data, 'all-workspaces')),
    auditCard(all.data));
}

function createUserCard() {
  const username = h('input', { name: 'username', autocomplete: 'off' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'new-password' });
  const operator = h('input', { name: 'operator', type: 'checkbox' });
  return h('section', { class: 'card' }, h('h2', {}, t('createUser')), h('form', { class: 'stack', id: 'create-user', onsubmit: async (event) => {
    event.preventDefault();
    if (await attempt(() => api('POST', 'users', { username: username.value, password: password.value, operator: operator.checked }))) {
      ok(`${t('saved')} ${username.value}`);
      username.value = '';
      password.value = '';
    }
  } }, field(t('username'), username), field(t('password'), password), h('label', {}, operator, ' ', t('operatorFlag')),
  h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('createUser')))));
}

function createWorkspaceCard() {
  const name = h('input', { name: 'name' });
  const admin = h('input', { name: 'admin', autocomplete: 'off' });
  return h('section', { class: 'card' }, h('h2', {}, t('createWorkspace')), h('form', { class: 'stack', id: 'create-workspace', onsubmit: async (event) => {
    event.preventDefault();
    const created = await attempt(() => api('POST', 'workspaces', { name: name.value }));
    if (created && admin.value.trim()) {
      await attempt(() => api('PUT', `workspaces/${created.data.id}/members/${encodeURIComponent(admin.value.trim())}`, { role: 'ADMIN' }));
    }
    if (created) {
      await operatorPage();
      ok(`${t('saved')} ${created.data.name}`);
    }
  } }, field(t('workspaceName'), name), field(t('adminUsername'), admin), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('createWorkspace')))));
}

function vendorKeyCard(workspaces) {
  const active = workspaces.filter(w => w.chatgptStatus === 'ACTIVE');
  const select = h('select', { name: 'workspace' }, active.map(w => h('option', { value: w.id }, w.name)));
  const key = h('input', { name: 'apiKey', type: 'password', autocomplete: 'off' });
  return h('section', { class: 'card' }, h('h2', {}, t('vendorKey')), h('form', { class: 'stack', id: 'vendor-key', onsubmit: async (event) => {
    event.preventDefault();
    const current = await attempt(() => api('GET', `workspaces/${select.value}/chatgpt`));
    if (current && await attempt(() => api('PUT', `workspaces/${select.value}/chatgpt/credentials`, { apiKey: key.value }, { 'If-Match': current.etag }))) {
      key.value = '';
      ok(t('saved'));
    }
  } }, field(t('workspace'), select), field(t('apiKey'), key), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('saveKey')))));
}

function auditCard(workspaces) {
  const select = h('select', { name: 'auditWorkspace' }, workspaces.map(w => h('option', { value: w.id }, w.name)));
  const actions = ['', 'ACTIVATION_REQUESTED', 'ACTIVATED', 'SUSPENDED', 'DEACTIVATED', 'KEY_STORED', 'KEY_REPLACED', 'KEY_REMOVED',
    'POLICY_CHANGED', 'TOKEN_CREATED', 'TOKEN_REVOKED', 'MEMBER_ADDED', 'MEMBER_REMOVED'];
  const action = h('select', { name: 'action' }, actions.map(a => h('option', { value: a }, a || t('allActions'))));
  const body = h('tbody');
  const load = async () => {
    if (!select.value) return;
    const events = await attempt(() => api('GET', `workspaces/${select.value}/chatgpt/audit${action.value ? `?action=${action.value}` : ''}`));
    if (events) body.replaceChildren(...events.data.map(e => h('tr', {}, h('td', {}, new Date(e.occurredAt).toLocaleString(lang())),
      h('td', {}, e.actor), h('td', {}, e.action), h('td', {}, e.detail || ''))));
  };
  select.addEventListener('change', load);
  action.addEventListener('change', load);
  setTimeout(load);
  return h('section', { class: 'card' }, h('h2', {}, t('audit')), h('div', { class: 'actions' }, field(t('workspace'), select), field(t('action'), action)),
    h('div', { class: 'table-wrap' }, h('table', { id: 'audit' }, h('thead', {}, h('tr', {}, h('th', {}, t('when')), h('th', {}, t('actor')),
      h('th', {}, t('action')), h('th', {}, t('detail')))), body)));
}

// ------------------------------------------------------------------ routing

/** Shows a page once: a changed hash renders through the hashchange event, an unchanged one here. */
function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  clearErrors();
  if (!me) {
    try {
      const session = await api('GET', 'session');
      me = session.data;
      setCsrf(me.csrfToken);
    } catch (error) {
      return signInPage();
    }
  }
  renderChrome();
  const [, first, id, sub] = (location.hash || '#/').split('/');
  if (first === 'operator' && me.operator) return operatorPage();
  if (first === 'ws' && id && sub === 'blocks') return blocksPage(id);
  if (first === 'ws' && id && sub === 'usage') return usagePage(id);
  if (first === 'ws' && id) return settingsPage(id);
  return workspacesPage();
}

document.getElementById('lang').addEventListener('change', (event) => {
  setLang(event.target.value);
  route();
});
document.getElementById('logout').addEventListener('click', async () => {
  await attempt(() => api('DELETE', 'session'));
  setCsrf(null);
  me = null;
  go('#/');
});
window.addEventListener('hashchange', route);
setLang(lang());
route();
