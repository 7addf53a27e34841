// A workspace's ChatGPT settings: status and activation request, the key, the connection test,
// the limits and the API tokens.
import { api } from '../api.js';
import { badge, field, h, hidden, mono, table } from '../dom.js';
import { act, clearAll, region, success, warning } from '../feedback.js';
import { dateTime, num, t } from '../i18n.js';
import { backLink, load, page, tabs, workspaceInfo } from '../shell.js';

export async function settingsPage(ws) {
  const loaded = await load(async () => [await workspaceInfo(ws), (await api('GET', `workspaces/${ws}/chatgpt`)).data]);
  if (!loaded) return;
  const [info, s] = loaded;
  const admin = info.role === 'ADMIN';
  const reload = () => settingsPage(ws);

  const status = h('section', { class: 'card', 'aria-labelledby': 'status-h' }, h('h2', { id: 'status-h' }, t('status'), ' ', badge(s.status)),
    h('p', { id: 'next-step' }, t(`next.${s.status}`)),
    admin && s.status === 'DISABLED' ? h('div', { class: 'actions' }, h('button', { type: 'button', id: 'request-activation', onclick: async () => {
      if (await act('status-feedback', () => api('POST', `workspaces/${ws}/chatgpt/activation-request`))) {
        await reload();
        success('status-feedback', t('activationRequested'));
      }
    } }, t('requestActivation'))) : null,
    region('status-feedback'));

  const sections = [backLink(), tabs(info, 'settings'), status];
  if (admin && s.status === 'ACTIVE') {
    sections.push(keyCard(ws, s, reload), testCard(ws), policyCard(ws, s, reload), await tokensCard(ws));
  } else if (s.keySource !== 'NONE') {
    sections.push(h('section', { class: 'card' }, h('h2', {}, t('storedKey')), h('p', { id: 'key-hint' }, keyText(s))));
  }
  page(info.name, ...sections);
}

function keyText(s) {
  return s.keySource === 'NONE' ? t('keyNone') : `…${s.keyHint} (${t('keySource')} ${t(`source.${s.keySource}`)})`;
}

const limitText = limit => limit === null || limit === undefined ? t('noLimit') : num(limit);
const modelsText = models => models && models.length ? models.join(', ') : t('allModels');

/**
 * What changed since the page was drawn, for a 409 version_conflict: each visible setting that
 * differs, who changed the status or key last, and a button that shows the current state.
 */
export async function settingsConflict(ws, before, where) {
  const now = (await api('GET', `workspaces/${ws}/chatgpt`)).data;
  const changes = [];
  const compare = (label, a, b) => { if (a !== b) changes.push(t('changedFromTo', label, a, b)); };
  compare(t('status'), t(`status.${before.status}`), t(`status.${now.status}`));
  compare(t('storedKey'), keyText(before), keyText(now));
  compare(t('field.organizationId'), before.organizationId || t('empty'), now.organizationId || t('empty'));
  compare(t('field.projectId'), before.projectId || t('empty'), now.projectId || t('empty'));
  compare(t('tokenLimit'), limitText(before.tokenLimit), limitText(now.tokenLimit));
  compare(t('allowedModels'), modelsText(before.allowedModels), modelsText(now.allowedModels));
  const who = [];
  if (now.status !== before.status && now.statusChangedBy) who.push(t('changedBy', now.statusChangedBy, dateTime(now.statusChangedAt)));
  if (now.keyHint !== before.keyHint && now.keyChangedBy) who.push(t('changedBy', now.keyChangedBy, dateTime(now.keyChangedAt)));
  return [
    h('p', {}, changes.length ? t('conflictChanged') : t('conflictUnseen')),
    changes.length ? h('ul', { class: 'changes' }, changes.map(c => h('li', {}, c)), who.map(w => h('li', { class: 'muted' }, w))) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'conflict-reload', onclick: async () => {
      clearAll();
      await settingsPage(ws);
      success(where, t('conflictReloaded'));
    } }, t('conflictReload')))
  ];
}

function keyCard(ws, s, reload) {
  const key = h('input', { name: 'apiKey', type: 'password', autocomplete: 'off', spellcheck: 'false' });
  const org = h('input', { name: 'organizationId', value: s.organizationId || '', placeholder: 'org-…', autocomplete: 'off' });
  const project = h('input', { name: 'projectId', value: s.projectId || '', placeholder: 'proj_…', autocomplete: 'off' });
  return h('section', { class: 'card', 'aria-labelledby': 'key-h' }, h('h2', { id: 'key-h' }, t('apiKey')),
    h('p', { id: 'key-hint' }, s.keySource === 'NONE' ? t('keyNone') : `${t('storedKey')}: ${keyText(s)}`),
    s.keyState === 'MUST_BE_REENTERED' ? h('p', { class: 'message problem' }, t('keyMustBeReentered')) : null,
    h('form', { class: 'stack', id: 'key-form', onsubmit: async (event) => {
      event.preventDefault();
      const saved = await act('key-result', () => api('PUT', `workspaces/${ws}/chatgpt/credentials`,
        { apiKey: key.value, organizationId: org.value, projectId: project.value }, { 'If-Match': String(s.version) }),
      { conflict: () => settingsConflict(ws, s, 'key-result') });
      if (saved) {
        key.value = '';
        await reload();
        const check = saved.data.verification;
        if (check && !check.ok) warning('key-result', t('keySavedUnchecked'), check.message);
        else success('key-result', check ? t('keySavedChecked') : t('keySaved'));
      }
    } }, field(t('apiKey'), key, t('apiKeyHelp')), field(t('organizationId'), org), field(t('projectId'), project),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-key' }, s.keySource === 'NONE' ? t('saveKey') : t('replaceKey')),
      s.keySource !== 'NONE' ? h('button', { type: 'button', class: 'danger', id: 'remove-key', onclick: async () => {
        if (!confirm(t('confirmRemoveKey'))) return;
        if (await act('key-result', () => api('DELETE', `workspaces/${ws}/chatgpt/credentials`, undefined, { 'If-Match': String(s.version) }),
          { conflict: () => settingsConflict(ws, s, 'key-result') })) {
          await reload();
          success('key-result', t('keyRemoved'));
        }
      } }, t('removeKey')) : null)), region('key-result'));
}

function testCard(ws) {
  return h('section', { class: 'card', 'aria-labelledby': 'test-h' }, h('h2', { id: 'test-h' }, t('testConnection')),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'test-connection', onclick: async () => {
      const tested = await act('test-result', () => api('POST', `workspaces/${ws}/chatgpt/connection-test`));
      if (tested) success('test-result', `${t('connectionOk')}: ${tested.data.message}`);
    } }, t('testConnection'))), region('test-result'));
}

function policyCard(ws, s, reload) {
  const limit = h('input', { name: 'tokenLimit', type: 'number', min: '0', inputmode: 'numeric', value: s.tokenLimit ?? '' });
  const models = h('input', { name: 'allowedModels', value: (s.allowedModels || []).join(', '), autocomplete: 'off' });
  return h('section', { class: 'card', 'aria-labelledby': 'policy-h' }, h('h2', { id: 'policy-h' }, t('policy')),
    h('form', { class: 'stack', id: 'policy-form', onsubmit: async (event) => {
      event.preventDefault();
      const body = { tokenLimit: limit.value === '' ? null : Number(limit.value),
        allowedModels: models.value.split(',').map(m => m.trim()).filter(Boolean) };
      if (await act('policy-feedback', () => api('PUT', `workspaces/${ws}/chatgpt/policy`, body, { 'If-Match': String(s.version) }),
        { conflict: () => settingsConflict(ws, s, 'policy-feedback') })) {
        await reload();
        success('policy-feedback', t('policySaved'));
      }
    } }, field(t('tokenLimit'), limit, t('tokenLimitHelp')), field(t('allowedModels'), models, t('allowedModelsHelp')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-policy' }, t('savePolicy')))), region('policy-feedback'));
}

async function tokensCard(ws) {
  const columns = [{ label: t('tokenName') }, { label: t('token') }, { label: t('created') }, { label: t('lastUsed') }, { label: t('actions'), hide: true }];
  const list = h('div', { id: 'token-list' });
  const draw = tokens => list.replaceChildren(tokens.length ? table('tokens-table', t('tokens'), columns, tokens.map(tok => ({
    attrs: { 'data-token': tok.name },
    cells: [tok.name, mono(`${tok.prefix}…`), dateTime(tok.createdAt), tok.lastUsedAt ? dateTime(tok.lastUsedAt) : t('never'),
      tok.revokedAt ? t('revoked') : h('button', { type: 'button', class: 'secondary revoke', onclick: async () => {
        if (!confirm(t('confirmRevoke'))) return;
        if (await act('token-list-feedback', () => api('DELETE', `workspaces/${ws}/chatgpt/tokens/${tok.id}`))) {
          await refresh();
          success('token-list-feedback', t('tokenRevoked', tok.name));
        }
      } }, t('revoke'), hidden(` ${tok.name}`))]
  }))) : h('p', {}, t('noTokens')));
  const refresh = async () => draw((await api('GET', `workspaces/${ws}/chatgpt/tokens`)).data);
  draw((await api('GET', `workspaces/${ws}/chatgpt/tokens`)).data);

  const name = h('input', { name: 'name', autocomplete: 'off' });
  const shown = h('div', { id: 'new-token' });
  return h('section', { class: 'card', 'aria-labelledby': 'tokens-h' }, h('h2', { id: 'tokens-h' }, t('tokens')),
    h('form', { class: 'inline-form', id: 'token-form', onsubmit: async (event) => {
      event.preventDefault();
      const created = await act('token-create-feedback', () => api('POST', `workspaces/${ws}/chatgpt/tokens`, { name: name.value }));
      if (created) {
        name.value = '';
        shown.replaceChildren(newToken(created.data.token));
        await refresh();
        success('token-create-feedback', t('tokenCreated', created.data.name));
      }
    } }, field(t('tokenName'), name), h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('createToken')))),
    region('token-create-feedback'), shown, list, region('token-list-feedback'));
}

/** The new token, shown this once, with a button that copies it. */
function newToken(token) {
  const secret = h('p', { class: 'secret', id: 'token-secret' }, token);
  return h('div', { class: 'stack' }, h('p', {}, t('tokenOnce')), secret,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'copy-token', onclick: async () => {
      const copied = await act('copy-feedback', () => copy(token, secret));
      if (copied) success('copy-feedback', t('copied'));
    } }, t('copy'))), region('copy-feedback'));
}

async function copy(text, element) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (denied) {
    // no clipboard permission (or no secure context): select the text, so Ctrl+C copies it
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    if (document.execCommand && document.execCommand('copy')) return true;
    warning('copy-feedback', t('copyFailed'));
    return undefined;
  }
}
