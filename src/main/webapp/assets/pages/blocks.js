// A workspace's building blocks: the list, the editor (admins) and "Try it" (members).
import { api } from '../api.js';
import { field, h, hidden } from '../dom.js';
import { act, clearAll, region, success } from '../feedback.js';
import { num, t } from '../i18n.js';
import { backLink, load, page, tabs, workspaceInfo } from '../shell.js';

/** {@code editing}: a block (or {} for a new one) whose editor is open after the redraw. */
export async function blocksPage(ws, editing) {
  const loaded = await load(async () => [await workspaceInfo(ws), (await api('GET', `workspaces/${ws}/chatgpt`)).data,
    (await api('GET', `workspaces/${ws}/chatgpt/blocks`)).data]);
  if (!loaded) return;
  const [info, settings, blocks] = loaded;
  const admin = info.role === 'ADMIN';
  const active = settings.status === 'ACTIVE';
  const context = { ws, allowed: settings.allowedModels || [], editor: h('div', { id: 'block-editor' }), runner: h('div', { id: 'block-runner' }) };
  const items = blocks.map(b => h('li', { class: 'block-item', 'data-block': b.name },
    h('h3', {}, b.name),
    h('p', { class: 'muted' }, `${t('model')}: ${b.model} · ${t('variables')}: ${b.variables.length ? b.variables.join(', ') : t('noVariables')}`),
    notAllowed(context, b.model) ? h('p', { class: 'message warning' }, t('modelNotAllowed', b.model)) : null,
    active ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondary try', onclick: () => runForm(context, b) }, t('tryRun'), hidden(`: ${b.name}`)),
      admin ? h('button', { type: 'button', class: 'secondary edit', onclick: () => blockForm(context, b) }, t('edit'), hidden(`: ${b.name}`)) : null)
      : null));
  page(`${info.name}: ${t('blocks')}`, backLink(), tabs(info, 'blocks'),
    active ? null : h('div', { class: 'message warning', id: 'blocks-idle' }, h('p', {}, t(`blocksIdle.${settings.status}`))),
    h('section', { class: 'card', 'aria-labelledby': 'blocks-h' }, h('h2', { id: 'blocks-h' }, t('blocks')),
      blocks.length ? h('ul', { class: 'block-list', id: 'block-list' }, items) : h('p', {}, t('noBlocks')),
      admin && active ? h('div', { class: 'actions' }, h('button', { type: 'button', id: 'new-block', onclick: () => blockForm(context, null) }, t('newBlock'))) : null,
      region('blocks-feedback')),
    context.editor, context.runner);
  if (editing && admin && active) blockForm(context, editing, false);
}

function notAllowed(context, model) {
  return context.allowed.length > 0 && !context.allowed.includes(model);
}

function blockForm(context, block, focus = true) {
  const { ws, editor } = context;
  const v = block || { name: '', model: context.allowed[0] || 'gpt-4o-mini', systemPrompt: '', userPrompt: '', temperature: '', maxOutputTokens: '', responseFormat: 'text' };
  const name = h('input', { name: 'name', value: v.name, autocomplete: 'off' });
  const model = h('input', { name: 'model', value: v.model, autocomplete: 'off', list: context.allowed.length ? 'allowed-models' : null });
  const modelWarning = h('p', { class: 'field-warning', id: 'model-warning', 'aria-live': 'polite' });
  const checkModel = () => modelWarning.replaceChildren(notAllowed(context, model.value.trim()) ? t('modelNotAllowed', model.value.trim()) : '');
  model.addEventListener('input', checkModel);
  checkModel();
  const system = h('textarea', { name: 'systemPrompt' });
  system.value = v.systemPrompt || '';
  const user = h('textarea', { name: 'userPrompt' });
  user.value = v.userPrompt || '';
  const temperature = h('input', { name: 'temperature', type: 'number', step: '0.1', min: '0', max: '2', inputmode: 'decimal', value: v.temperature ?? '' });
  const maxTokens = h('input', { name: 'maxOutputTokens', type: 'number', min: '1', inputmode: 'numeric', value: v.maxOutputTokens ?? '' });
  const format = h('select', { name: 'responseFormat' }, h('option', { value: 'text' }, t('formatText')), h('option', { value: 'json' }, t('formatJson')));
  format.value = v.responseFormat;
  const save = async (event) => {
    event.preventDefault();
    const body = { name: name.value, model: model.value.trim(), systemPrompt: system.value, userPrompt: user.value,
      temperature: temperature.value === '' ? null : Number(temperature.value),
      maxOutputTokens: maxTokens.value === '' ? null : Number(maxTokens.value), responseFormat: format.value };
    const saved = await act('block-form-feedback', () => block
      ? api('PUT', `workspaces/${ws}/chatgpt/blocks/${block.id}`, body, { 'If-Match': String(block.version) })
      : api('POST', `workspaces/${ws}/chatgpt/blocks`, body), { conflict: () => blockConflict(context, block) });
    if (saved) {
      await blocksPage(ws, saved.data);
      success('block-form-feedback', t('blockSaved', saved.data.name),
        notAllowed(context, saved.data.model) ? h('p', { class: 'warning-text' }, t('modelNotAllowed', saved.data.model)) : '');
    }
  };
  editor.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'editor-h' }, h('h2', { id: 'editor-h' }, block ? `${t('edit')}: ${block.name}` : t('newBlock')),
    h('form', { class: 'stack', id: 'block-form', onsubmit: save }, field(t('name'), name),
      field(t('model'), model, context.allowed.length ? t('modelsAllowedHere', context.allowed.join(', ')) : null), modelWarning,
      context.allowed.length ? h('datalist', { id: 'allowed-models' }, context.allowed.map(m => h('option', { value: m }))) : null,
      field(t('systemPrompt'), system), field(t('userPrompt'), user, t('userPromptHelp')),
      h('div', { class: 'grid-2' }, field(t('temperature'), temperature), field(t('maxOutputTokens'), maxTokens)),
      field(t('responseFormat'), format),
      h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'save-block' }, t('save')),
        block ? h('button', { type: 'button', class: 'danger', id: 'delete-block', onclick: async () => {
          if (!confirm(t('confirmDelete'))) return;
          if (await act('block-form-feedback', () => api('DELETE', `workspaces/${ws}/chatgpt/blocks/${block.id}`))) {
            await blocksPage(ws);
            success('blocks-feedback', t('blockDeleted', block.name));
          }
        } }, t('delete')) : null,
        h('button', { type: 'button', class: 'secondary', onclick: () => { clearAll(); editor.replaceChildren(); } }, t('close'))),
      region('block-form-feedback'))));
  if (focus) {
    editor.scrollIntoView({ block: 'start' });
    name.focus({ preventScroll: true });
  }
}

/** What another admin changed in the block meanwhile, and a button that opens the current version. */
async function blockConflict(context, before) {
  const now = (await api('GET', `workspaces/${context.ws}/chatgpt/blocks/${before.id}`)).data;
  const shown = value => value === null || value === undefined || value === '' ? t('empty') : typeof value === 'number' ? num(value) : String(value);
  const labels = { name: t('name'), model: t('model'), systemPrompt: t('systemPrompt'), userPrompt: t('userPrompt'),
    temperature: t('temperature'), maxOutputTokens: t('maxOutputTokens'), responseFormat: t('responseFormat') };
  const changes = Object.entries(labels).filter(([key]) => (before[key] ?? '') !== (now[key] ?? ''))
    .map(([key, label]) => t('changedFromTo', label, shown(before[key]), shown(now[key])));
  return [
    h('p', {}, changes.length ? t('conflictChanged') : t('conflictUnseen')),
    changes.length ? h('ul', { class: 'changes' }, changes.map(c => h('li', {}, c))) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', id: 'conflict-reload', onclick: async () => {
      clearAll();
      await blocksPage(context.ws, now);
      success('block-form-feedback', t('conflictReloaded'));
    } }, t('conflictReload')))
  ];
}

function runForm(context, block) {
  const { ws, runner } = context;
  const inputs = block.variables.map(v => h('textarea', { name: `variables.${v}`, rows: '2' }));
  runner.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'run-h' }, h('h2', { id: 'run-h' }, `${t('tryRun')}: ${block.name}`),
    h('form', { class: 'stack', id: 'run-form', onsubmit: async (event) => {
      event.preventDefault();
      const variables = Object.fromEntries(block.variables.map((v, i) => [v, inputs[i].value]));
      const ran = await act('run-result', () => api('POST', `workspaces/${ws}/chatgpt/blocks/${block.id}/runs`, { variables }));
      if (ran) {
        const out = typeof ran.data.output === 'string' ? ran.data.output : JSON.stringify(ran.data.output, null, 2);
        const usage = ran.data.usage;
        success('run-result', h('h3', {}, t('output')), h('pre', { class: 'output', id: 'run-output' }, out),
          h('p', { id: 'run-tokens' }, `${t('tokensUsed')}: ${num(usage.totalTokens)} (${num(usage.promptTokens)} + ${num(usage.completionTokens)}) · ${ran.data.model}`));
      }
    } }, block.variables.map((v, i) => field(v, inputs[i])),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'run-block' }, t('run')),
      h('button', { type: 'button', class: 'secondary', onclick: () => { clearAll(); runner.replaceChildren(); } }, t('close')))),
    region('run-result')));
  runner.scrollIntoView({ block: 'start' });
  (inputs[0] || runner.querySelector('button')).focus({ preventScroll: true });
}

