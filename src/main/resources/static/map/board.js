// The 招商 pipeline board (seed §21): a column per stage, a card per lead with its company,
// products, amount, owner and next step (overdue ones marked), and the forms that move a lead on,
// record a contact or drop it. Every change goes through the public mutations; their refusals are
// shown as they come.

import { figure, nameOf } from './labels.js';
import { h } from './panels.js';
import { pick, unitName, word } from './i18n.js';

export const STAGES = [
  { id: 'RESERVE', zh: '谋划储备' },
  { id: 'PRELIMINARY', zh: '前期推进' },
  { id: 'SIGNED', zh: '签约落地' },
  { id: 'CONSTRUCTION', zh: '开工建设' },
  { id: 'PRODUCTION', zh: '竣工投产' },
  { id: 'DROPPED', zh: '已放弃' },
];

export const STAGE_ZH = Object.fromEntries(STAGES.map((s) => [s.id, s.zh]));

const today = () => new Date().toISOString().slice(0, 10);

export function field(label, input) {
  return h('label', { class: 'form-field' }, h('span', {}, label), input);
}

export function input(name, attributes = {}) {
  return h('input', { name, ...attributes });
}

/** A form whose submit calls {@code action(values)} and shows a refusal inside it (also edit.js's). */
export function form(className, children, submitLabel, action) {
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const element = h('form', {
    class: `lead-form ${className}`,
    onsubmit: async (event) => {
      event.preventDefault();
      const values = Object.fromEntries(new FormData(element).entries());
      error.hidden = true;
      try {
        await action(values);
      } catch (failure) {
        error.textContent = (failure.messages ?? [String(failure.message ?? failure)]).join('；');
        error.hidden = false;
      }
    },
  }, ...children, h('button', { type: 'submit' }, submitLabel), error);
  return element;
}

function nextStages(stage) {
  const at = STAGES.findIndex((s) => s.id === stage);
  return STAGES.filter((s, index) => index > at && s.id !== 'DROPPED');
}

function card(lead, language, actions) {
  const active = lead.stage !== 'DROPPED' && lead.stage !== 'PRODUCTION';
  const last = lead.history[lead.history.length - 1];
  const forms = h('div', { class: 'card-forms' });
  const show = (content) => forms.replaceChildren(content);
  const buttons = active ? h('div', { class: 'card-actions' },
    h('button', {
      type: 'button',
      class: 'move',
      onclick: () => show(form('move-form', [
        field(pick('推进到', 'Move to'), h('select', { name: 'stage' },
          nextStages(lead.stage).map((s) => h('option', { value: s.id }, s.zh)))),
        field(pick('日期', 'Date'), input('on', { type: 'date', value: today(), required: true })),
        field(pick('来源', 'Source'), input('source', { placeholder: 'public: 签约仪式报道, 2024-05-01', required: true })),
      ], pick('确认推进', 'Move on'), (v) => actions.move(lead, v))),
    }, pick('推进 →', 'Move on →')),
    h('button', {
      type: 'button',
      class: 'contact',
      onclick: () => show(form('contact-form', [
        field(pick('日期', 'Date'), input('on', { type: 'date', value: today(), required: true })),
        field(pick('对接人', 'Met with'), input('who', { placeholder: '市商务局 某某 / 公司副总 某某', required: true })),
        field(pick('达成事项', 'Agreed'), input('agreed', { required: true })),
        field(pick('下一步', 'Next step'), input('nextStep')),
        field(pick('截止', 'Due'), input('due', { type: 'date' })),
      ], pick('记录对接', 'Record contact'), (v) => actions.contact(lead, v))),
    }, pick('记录对接', 'Record contact')),
    h('button', {
      type: 'button',
      class: 'drop',
      onclick: () => show(form('drop-form', [
        field(pick('放弃原因', 'Reason'), input('reason', { required: true })),
        field(pick('日期', 'Date'), input('on', { type: 'date', value: today(), required: true })),
      ], pick('确认放弃', 'Drop it'), (v) => actions.drop(lead, v))),
    }, pick('放弃', 'Drop'))) : null;
  return h('article', {
    class: `lead-card${lead.overdue ? ' overdue' : ''}`,
    'data-lead-id': lead.id,
    'data-stage': lead.stage,
  },
  h('h4', {}, nameOf(lead.company, language)),
  h('p', { class: 'lead-title' }, lead.title),
  h('ul', { class: 'lead-products' }, lead.products.map((p) => h('li', {},
    nameOf(p.product, language), ' ',
    h('span', { class: 'muted' }, p.capacity === null ? pick('计划产能未知', 'planned capacity unknown') : figure(p.capacity, p.unit, p.product.id))))),
  h('p', { class: 'lead-meta' },
    lead.investment === null ? pick('投资额未知', 'investment unknown') : `${pick('投资', 'investment')} ${figure(lead.investment, '亿元')}`,
    ' · ', lead.owner.nameZh, ' · ', lead.ownerLogin),
  lead.nextStep ? h('p', { class: 'lead-next' },
    lead.overdue ? h('strong', { class: 'overdue-badge' }, pick('⚠ 已逾期 ', '⚠ overdue ')) : null,
    `${pick('下一步：', 'Next step: ')}${lead.nextStep}`, lead.nextStepDue ? pick(`（截止 ${lead.nextStepDue}）`, ` (due ${lead.nextStepDue})`) : '') : null,
  h('p', { class: 'muted' }, `${word(last.stage, STAGE_ZH[last.stage])} ${last.on}`,
    lead.project ? ` · ${pick('项目', 'project')} ${lead.project.id}` : ''),
  buttons, forms);
}

/** The board of a chain's leads. */
export function board({ leads, total, chainName, language, actions, exportLedger }) {
  const byStage = new Map(STAGES.map((s) => [s.id, []]));
  leads.forEach((lead) => byStage.get(lead.stage)?.push(lead));
  return h('div', { class: 'board', 'data-leads': String(leads.length) },
    h('p', { class: 'board-head' }, pick(`${chainName} · 招商线索 ${total} 条`, `${chainName} · ${total} leads`),
      total > leads.length ? h('span', { class: 'muted' }, pick(`（显示最新 ${leads.length} 条）`, ` (the latest ${leads.length} shown)`)) : null,
      h('span', { class: 'muted' }, pick(' · 阶段按市委1号文件第21条：谋划储备、前期推进、签约落地、开工建设、竣工投产',
        ' · stages of the policy document, item 21')),
      h('button', { type: 'button', class: 'export-ledger', onclick: exportLedger }, pick('导出招商项目台账 XLSX', 'Export the lead ledger XLSX'))),
    h('div', { class: 'board-columns' }, STAGES.map((stage) => h('section', {
      class: `board-column stage-${stage.id.toLowerCase()}`,
      'data-stage': stage.id,
    },
    h('h3', {}, `${word(stage.id, stage.zh)}（${byStage.get(stage.id).length}）`),
    byStage.get(stage.id).length === 0
      ? h('p', { class: 'muted' }, pick('暂无', 'none yet'))
      : byStage.get(stage.id).map((lead) => card(lead, language, actions))))));
}

/** The form that records a candidate of a gap as a lead. */
export function newLeadForm({ candidate, language, owners, create }) {
  return form('new-lead-form', [
    h('p', { class: 'muted' }, `将 ${nameOf(candidate.company, language)} 录为 ${nameOf(candidate.product, language)} 的招商线索`),
    field('阶段', h('select', { name: 'stage' },
      h('option', { value: 'RESERVE' }, '谋划储备'), h('option', { value: 'PRELIMINARY' }, '前期推进'))),
    field('计划产能', input('capacity', { type: 'number', min: '0', step: 'any' })),
    // the API's unit codes, each shown as the reader says it (units → 台)
    field(pick('单位', 'Unit'), h('select', { name: 'unit' },
      [candidate.product.unit, ...(candidate.product.unit === 't' ? ['万t'] : [])]
        .map((code) => h('option', { value: code }, unitName(code, candidate.product.id))))),
    field('投资额（亿元）', input('investment', { type: 'number', min: '0', step: 'any' })),
    field('负责单位', h('select', { name: 'ownerUnitId' },
      owners.map((o) => h('option', { value: o.id }, o.nameZh)))),
    field(pick('来源', 'Source'), input('source', { placeholder: 'public: 企业公告 / estimate: 依据', required: true })),
  ], '加入招商线索', (v) => create(candidate, v));
}
