// ChatGPT Connector's web pages: plain ES modules on the same REST API that tools use. This
// module draws the header, the sign-in page and the workspace list, and routes by the hash.
import { api, setCsrf } from './api.js';
import { badge, field, h, table } from './dom.js';
import { act, clearAll, onUnauthorized, region } from './feedback.js';
import { lang, setLang, t } from './i18n.js';
import { blocksPage } from './pages/blocks.js';
import { membersPage } from './pages/members.js';
import { operatorPage } from './pages/operator.js';
import { requestsPage } from './pages/requests.js';
import { settingsPage } from './pages/settings.js';
import { usagePage } from './pages/usage.js';
import { load, navigation, page, session } from './shell.js';

// ------------------------------------------------------------------ sign-in

function signInPage() {
  session.me = null;
  setCsrf(null);
  renderChrome();
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'stack card narrow', id: 'sign-in', onsubmit: async (event) => {
    event.preventDefault();
    // a failed sign-in (401, or 429 while throttled) is said here, whatever the problem's code
    const signedIn = await act('sign-in-feedback', () => api('POST', 'session', { username: username.value, password: password.value }),
      { signIn: true });
    if (!signedIn) {
      password.select();
    } else {
      setCsrf(signedIn.data.csrfToken);
      session.me = signedIn.data;
      navigation();
      go(session.me.operator ? '#/operator' : '#/');
    }
  } }, field(t('username'), username), field(t('password'), password),
  h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'sign-in-submit' }, t('signIn'))), region('sign-in-feedback'));
  // single sign-on (issue 31): a button to the company's provider above the password form
  const sso = h('section', { class: 'stack card narrow', id: 'sso', hidden: true });
  navigation();
  page(t('signInTitle'), h('div', { class: 'stack' }, sso, form));
  api('GET', 'oidc').then(({ data }) => {
    if (!data || !data.enabled) return;
    const failedBefore = new URLSearchParams(location.search).get('sso') === 'failed';
    sso.replaceChildren(...[failedBefore ? h('p', { role: 'alert', id: 'sso-failed' }, t('ssoFailed')) : null,
      h('div', { class: 'actions' }, h('button', { type: 'button', id: 'sso-sign-in',
        onclick: () => { location.href = 'api/oidc/sign-in'; } }, t('ssoSignIn', data.provider)))].filter(Boolean));
    sso.hidden = false;
  }).catch(() => { /* no provider: the password form alone */ });
}

function renderChrome() {
  const me = session.me;
  document.getElementById('lang-label').textContent = t('language');
  document.getElementById('lang').value = lang();
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('mainNav'));
  const [, first] = (location.hash || '#/').split('/');
  const link = (hash, label, current) => h('a', { href: hash, 'aria-current': current ? 'page' : null }, label);
  nav.replaceChildren(...(me ? [link('#/', t('workspaces'), first !== 'operator'),
    me.operator ? link('#/operator', t('operatorConsole'), first === 'operator') : null].filter(Boolean) : []));
  document.getElementById('who').textContent = me ? me.username : '';
  const logout = document.getElementById('logout');
  logout.hidden = !me;
  logout.textContent = t('signOut');
}

// ------------------------------------------------------------------ workspaces

async function workspacesPage() {
  const list = await load(async () => (await api('GET', 'workspaces')).data);
  if (!list) return;
  const columns = [{ label: t('workspace') }, { label: t('role') }, { label: t('status') }];
  page(t('workspaces'), list.length === 0 ? h('p', { class: 'card' }, t('noWorkspaces')) : h('section', { class: 'card' },
    table('workspace-list', t('workspaces'), columns, list.map(w => ({ attrs: { 'data-workspace': w.name },
      cells: [h('a', { href: `#/ws/${w.id}` }, w.name), t(w.role ? `role.${w.role}` : 'role.none'), badge(w.chatgptStatus)] })))));
}

// ------------------------------------------------------------------ routing

function go(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

async function route() {
  clearAll();
  navigation();
  if (!session.me) {
    try {
      session.me = (await api('GET', 'session')).data;
      setCsrf(session.me.csrfToken);
    } catch (error) {
      return signInPage();
    }
  }
  renderChrome();
  const [, first, id, sub] = (location.hash || '#/').split('/');
  if (first === 'operator' && session.me.operator) return operatorPage();
  if (first === 'ws' && id && sub === 'blocks') return blocksPage(id);
  if (first === 'ws' && id && sub === 'usage') return usagePage(id);
  if (first === 'ws' && id && sub === 'requests') return requestsPage(id);
  if (first === 'ws' && id && sub === 'members') return membersPage(id, route);
  if (first === 'ws' && id) return settingsPage(id);
  return workspacesPage();
}

onUnauthorized(() => signInPage());
document.getElementById('lang').addEventListener('change', (event) => {
  setLang(event.target.value);
  if (session.me) route();
  else signInPage();
});
document.getElementById('logout').addEventListener('click', async () => {
  const out = await act('page-feedback', () => api('DELETE', 'session'));
  session.me = null;
  setCsrf(null);
  // a single sign-on session ends at the provider too, which sends the browser back here
  if (out && out.data && out.data.endSessionUrl) {
    location.href = out.data.endSessionUrl;
    return;
  }
  go('#/');
});
window.addEventListener('hashchange', route);
setLang(lang());
route();
