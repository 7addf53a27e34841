// A workspace's usage of one month: totals compared with the month before, tokens on every day
// of the month (days without requests count as zero), and totals by block, model, endpoint
// (where the server reports it) and kind of error; the same as CSV.
import { api } from '../api.js';
import { field, h, table } from '../dom.js';
import { act, region, success } from '../feedback.js';
import { count, has, lang, num, t } from '../i18n.js';
import { backLink, load, page, tabs, workspaceInfo } from '../shell.js';

let chart = null;

export function previousMonth(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export function daysIn(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Tokens on each day 1 … n of the month, zero where the report has no entry. */
export function dailyTokens(report) {
  const byDate = new Map((report.byDay || []).map(d => [d.key, d.totalTokens]));
  return Array.from({ length: daysIn(report.month) }, (_, i) => byDate.get(`${report.month}-${String(i + 1).padStart(2, '0')}`) || 0);
}

function monthName(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString(lang(), { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** A group's key as a person reads it: block names, "OpenAI-compatible endpoint", error titles. */
function keyText(group, key) {
  if (group === 'block') return key === '(direct)' ? t('direct') : key;
  if (group === 'model') return key === '(none)' ? t('noModel') : key;
  if (group === 'error') return has(`outcome.${key}`) ? t(`outcome.${key}`) : key;
  return key;
}

function comparison(now, before) {
  if (!before) return '';
  const last = before.total.totalTokens;
  if (last === 0) return t('comparedNone');
  const change = Math.round(100 * (now.total.totalTokens - last) / last);
  if (change === 0) return t('comparedSame', count('tokens', last));
  return t(change > 0 ? 'comparedUp' : 'comparedDown', num(Math.abs(change)), count('tokens', last));
}

export async function usagePage(ws, month) {
  const selected = month || new Date().toISOString().slice(0, 7);
  const loaded = await load(async () => {
    const [info, report, before] = await Promise.all([workspaceInfo(ws),
      api('GET', `workspaces/${ws}/chatgpt/usage?month=${encodeURIComponent(selected)}`),
      api('GET', `workspaces/${ws}/chatgpt/usage?month=${encodeURIComponent(previousMonth(selected))}`).catch(() => null)]);
    return [info, report.data, before && before.data];
  });
  if (!loaded) return;
  const [info, r, before] = loaded;
  const monthInput = h('input', { type: 'month', name: 'month', value: r.month, required: true });
  const days = dailyTokens(r);
  const lastDays = before ? dailyTokens(before) : [];
  const canvas = h('canvas', { id: 'usage-chart', role: 'img',
    'aria-label': t('chartLabel', monthName(r.month), count('tokens', r.total.totalTokens), before ? count('tokens', before.total.totalTokens) : '—') });
  const columns = first => [{ label: first }, { label: t('requests') }, { label: t('errors') }, { label: t('promptTokens') },
    { label: t('completionTokens') }, { label: t('totalTokens') }];
  const totals = (title, group, first, rows, id) => h('section', { class: 'card', 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h` }, title),
    rows.length ? table(id, title, columns(first), rows.map(x => [keyText(group, x.key), num(x.requests), num(x.errors), num(x.promptTokens),
      num(x.completionTokens), num(x.totalTokens)])) : h('p', { class: 'muted' }, t('noUsage')));
  const dayColumns = [{ label: t('day') }, { label: t('thisMonth') }, { label: t('lastMonth') }];
  page(`${info.name}: ${t('usage')}`, backLink(), tabs(info, 'usage'),
    h('form', { class: 'inline-form card', id: 'usage-month', onsubmit: (event) => { event.preventDefault(); usagePage(ws, monthInput.value); } },
      field(t('month'), monthInput), h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'usage-show' }, t('show')),
        h('button', { type: 'button', class: 'secondary', id: 'export-csv', onclick: () => act('csv-feedback', () => exportCsv(r)) }, t('exportCsv'))),
      region('csv-feedback')),
    h('section', { class: 'card', 'aria-labelledby': 'total-h' }, h('h2', { id: 'total-h' }, `${t('total')}: ${monthName(r.month)}`),
      h('p', { id: 'usage-total', class: 'total' }, [count('tokens', r.total.totalTokens), count('requests', r.total.requests), count('errors', r.total.errors)].join(' · ')),
      r.tokenLimit ? h('p', { id: 'usage-limit' }, t('limitOf', num(Math.round(100 * r.total.totalTokens / r.tokenLimit)), num(r.tokenLimit))) : null,
      h('p', { id: 'usage-comparison' }, `${t('lastMonth')} (${monthName(before ? before.month : previousMonth(r.month))}): ${before ? comparison(r, before) : '—'}`)),
    h('section', { class: 'card', 'aria-labelledby': 'chart-h' }, h('h2', { id: 'chart-h' }, t('perDay')), h('div', { class: 'chart' }, canvas),
      h('details', {}, h('summary', {}, t('dayTable')),
        table('by-day', t('perDay'), dayColumns, days.map((tokens, i) => [String(i + 1), num(tokens), i < lastDays.length ? num(lastDays[i]) : '—'])))),
    r.byEndpoint ? totals(t('perEndpoint'), 'endpoint', t('endpoint'), r.byEndpoint, 'by-endpoint') : null,
    totals(t('perBlock'), 'block', t('block'), r.byBlock, 'by-block'),
    totals(t('perModel'), 'model', t('model'), r.byModel, 'by-model'),
    totals(t('perError'), 'error', t('error'), r.byErrorCode, 'by-error'));
  if (chart) chart.destroy();
  // the page's text colour, not Chart.js's light grey
  window.Chart.defaults.color = '#3d4757';
  window.Chart.defaults.font.size = 13;
  chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels: days.map((_, i) => String(i + 1)),
      datasets: [
        { label: `${t('thisMonth')} (${monthName(r.month)})`, data: days, backgroundColor: '#1f5fbf' },
        { label: `${t('lastMonth')} (${monthName(previousMonth(r.month))})`, data: lastDays.slice(0, days.length), type: 'line',
          borderColor: '#5b6576', backgroundColor: '#5b6576', borderDash: [6, 4], pointRadius: 0 }
      ]
    },
    options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { labels: { boxHeight: 12 } } } }
  });
}

function exportCsv(r) {
  const quote = v => `"${String(v).replaceAll('"', '""')}"`;
  const lines = [['group', 'key', 'requests', 'errors', 'promptTokens', 'completionTokens', 'totalTokens'].join(',')];
  const groups = [['day', r.byDay], ['block', r.byBlock], ['model', r.byModel], ['endpoint', r.byEndpoint || []], ['error', r.byErrorCode]];
  for (const [group, rows] of groups) {
    rows.forEach(x => lines.push([group, quote(x.key), x.requests, x.errors, x.promptTokens, x.completionTokens, x.totalTokens].join(',')));
  }
  const link = h('a', { href: URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' })), download: `usage-${r.month}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  return success('csv-feedback', `usage-${r.month}.csv`);
}
