// A workspace's members, for its admins and operators: list, add, change role, remove. The
// server keeps the last administrator (409 last_admin); the page says the rule up front too.
import { api } from '../api.js';
import { field, h, hidden, table } from '../dom.js';
import { act, region, success } from '../feedback.js';
import { dateTime, t } from '../i18n.js';
import { backLink, go, load, page, session, tabs, workspaceInfo } from '../shell.js';

const ROLES = ['ADMIN', 'MEMBER'];

function roleSelect(name, value) {
  const select = h('select', { name }, ROLES.map(r => h('option', { value: r }, t(`role.${r}`))));
  select.value = value;
  return select;
}

const rowFeedback = username => `member-feedback-${username.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export async function membersPage(ws, route) {
  const loaded = await load(async () => [await workspaceInfo(ws), (await api('GET', `workspaces/${ws}/members`)).data]);
  if (!loaded) return;
  const [info, members] = loaded;
  const redraw = () => membersPage(ws, route);
  const path = username => `workspaces/${ws}/members/${encodeURIComponent(username)}`;
  /** A change that takes away the caller's own admin rights ends on the settings page. */
  const afterChange = async (username, role, where, text) => {
    if (username === session.me.username && role !== 'ADMIN' && !session.me.operator) {
      go(`#/ws/${ws}`, route);
      return;
    }
    await redraw();
    success(document.getElementById(where) ? where : 'members-feedback', text);
  };

  const columns = [{ label: t('username') }, { label: t('role') }, { label: t('added') }, { label: t('actions'), hide: true }];
  const rows = members.map(m => {
    const role = roleSelect('role', m.role);
    role.setAttribute('aria-label', `${t('role')} ${m.username}`);
    const where = rowFeedback(m.username);
    return { attrs: { 'data-member': m.username }, cells: [
      [m.username, m.username === session.me.username ? ` ${t('you')}` : ''],
      role,
      dateTime(m.addedAt),
      h('div', { class: 'row-actions' }, h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'secondary change-role', onclick: async () => {
          if (await act(where, () => api('PUT', path(m.username), { role: role.value }))) {
            await afterChange(m.username, role.value, where, t('roleChanged', m.username, t(`role.${role.value}`)));
          }
        } }, t('changeRole'), hidden(` ${m.username}`)),
        h('button', { type: 'button', class: 'danger remove-member', onclick: async () => {
          if (!confirm(t('confirmRemoveMember', m.username))) return;
          if (await act(where, () => api('DELETE', path(m.username)))) {
            await afterChange(m.username, null, 'members-feedback', t('memberRemoved', m.username));
          }
        } }, t('remove'), hidden(` ${m.username}`))), region(where))] };
  });

  const username = h('input', { name: 'username', autocomplete: 'off', required: true });
  const newRole = roleSelect('newRole', 'MEMBER');
  page(`${info.name}: ${t('members')}`, backLink(), tabs(info, 'members'),
    h('section', { class: 'card', 'aria-labelledby': 'members-h' }, h('h2', { id: 'members-h' }, t('membersOf')),
      h('p', { class: 'muted', id: 'last-admin-rule' }, t('lastAdminRule')),
      members.length ? table('member-list', t('members'), columns, rows) : h('p', {}, t('noMembers')),
      region('members-feedback')),
    h('section', { class: 'card', 'aria-labelledby': 'add-member-h' }, h('h2', { id: 'add-member-h' }, t('addMember')),
      h('form', { class: 'inline-form', id: 'add-member', onsubmit: async (event) => {
        event.preventDefault();
        const name = username.value.trim();
        const added = await act('add-member-feedback', () => api('PUT', path(name), { role: newRole.value }));
        if (added) {
          await redraw();
          success('add-member-feedback', t(added.status === 201 ? 'memberAdded' : 'roleChanged', name, t(`role.${newRole.value}`)));
        }
      } }, field(t('username'), username), field(t('role'), newRole), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'add-member-submit' }, t('add')))),
      region('add-member-feedback')));
}
