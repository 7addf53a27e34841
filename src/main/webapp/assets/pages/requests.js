// A workspace's latest requests toward OpenAI, newest first, filterable by outcome, a page at a
// time ("Older requests" appends the next page); the same data as JSON from the REST API.
import { api } from '../api.js';
import { field, h, mono, table, tableRow } from '../dom.js';
import { act, region, success } from '../feedback.js';
import { dateTime, has, num, t } from '../i18n.js';
import { backLink, load, page, tabs, workspaceInfo } from '../shell.js';

const PAGE_SIZE = 20;
const ERROR_CODES = ['rate_limited', 'insufficient_quota', 'api_key_invalid', 'api_key_missing', 'token_limit_reached',
  'openai_unavailable', 'openai_timeout', 'invalid_request', 'upstream_error', 'chatgpt_not_activated'];

export function outcomeText(code) {
  return has(`outcome.${code}`) ? t(`outcome.${code}`) : code;
}

/** Where the request went: the block it ran, else the endpoint of the compatible API it called. */
function target(r) {
  if (r.blockName) return `${t('block')}: ${r.blockName}`;
  if (r.blockId) return `${t('block')}: ${t('deletedBlock')}`;
  if (r.endpoint) return mono(r.endpoint);
  return t('direct');
}

function query(outcome, before) {
  const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (outcome) params.set('outcome', outcome);
  if (before) params.set('before', before);
  return params.toString();
}

export async function requestsPage(ws, outcome = '') {
  const loaded = await load(async () => [await workspaceInfo(ws), (await api('GET', `workspaces/${ws}/chatgpt/requests?${query(outcome)}`)).data]);
  if (!loaded) return;
  const [info, first] = loaded;
  const filter = h('select', { name: 'outcome' },
    h('option', { value: '' }, t('allOutcomes')), h('option', { value: 'ok' }, t('onlyOk')), h('option', { value: 'error' }, t('onlyErrors')),
    ERROR_CODES.map(code => h('option', { value: code }, outcomeText(code))));
  filter.value = outcome;
  const columns = [{ label: t('when') }, { label: t('endpointOrBlock') }, { label: t('model') }, { label: t('outcome') },
    { label: t('totalTokens') }, { label: t('latency') }, { label: t('openaiRequestId') }, { label: t('caller') }];
  const row = r => ({ attrs: { 'data-outcome': r.outcome },
    cells: [dateTime(r.occurredAt), target(r), r.model || t('noModel'),
      h('span', { class: `badge outcome-${r.outcome === 'ok' ? 'ok' : 'error'}` }, outcomeText(r.outcome)),
      num(r.totalTokens), t('ms', num(r.latencyMs)), r.openaiRequestId ? mono(r.openaiRequestId) : '—',
      r.callerType === 'token' ? t('callerToken', r.caller) : r.caller] });
  let next = first.next;
  const list = first.items.length ? table('request-list', t('requestList'), columns, first.items.map(row)) : h('p', { id: 'request-list-empty' }, t('noRequestsYet'));
  const shown = h('p', { class: 'muted', id: 'requests-shown' }, t('shownRequests', num(first.items.length)));
  const older = h('button', { type: 'button', class: 'secondary', id: 'older-requests', hidden: !next, onclick: async () => {
    const more = await act('requests-feedback', () => api('GET', `workspaces/${ws}/chatgpt/requests?${query(outcome, next)}`));
    if (!more) return;
    const body = list.querySelector('tbody');
    more.data.items.forEach(r => body.append(tableRow(columns, row(r))));
    next = more.data.next;
    older.hidden = !next;
    shown.textContent = t('shownRequests', num(body.children.length));
    success('requests-feedback', t('moreLoaded', num(more.data.items.length)));
  } }, t('olderRequests'));
  page(`${info.name}: ${t('requestsPage')}`, backLink(), tabs(info, 'requests'),
    h('form', { class: 'inline-form card', id: 'requests-filter', onsubmit: (event) => { event.preventDefault(); requestsPage(ws, filter.value); } },
      field(t('outcome'), filter), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'requests-show' }, t('show')),
        h('a', { class: 'button-link', id: 'requests-json', href: `api/workspaces/${ws}/chatgpt/requests?${query(outcome)}`, type: 'application/json' }, t('asJson')))),
    h('section', { class: 'card', 'aria-labelledby': 'requests-h' }, h('h2', { id: 'requests-h' }, t('requestList')), shown, list,
      h('div', { class: 'actions' }, older), region('requests-feedback')));
}
