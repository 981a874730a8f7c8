// Chain-lead units (链长制牵头单位) keep their chains current in place (issue 14, item 7): after a
// login, the product panel and the company card get forms for capacities, project status,
// platforms and supply links — only for things of chains the login may write (Chain.editable);
// other chains' data stay read-only. Every form calls a public mutation with a required source,
// shows the server's refusal next to it as it comes, and after a write the page reads the map
// and the open panel again from the server.

import { STATUS_ZH, figure, nameOf } from './labels.js';
import { h } from './panels.js';
import { field, form, input } from './board.js';
import {
  ADD_SUPPLY_LINK, CHANGE_PROJECT_STATUS, CREATE_PLATFORM, EDIT_COMPANY, EDIT_PRODUCT, REMOVE_SUPPLY_LINK,
  SET_CAPACITY, UPDATE_PLATFORM, UPDATE_PROJECT, graphql,
} from './queries.js';

const STATUSES = ['OPERATING', 'UNDER_CONSTRUCTION', 'PLANNED'];

// the order a project may move in (the server refuses any other)
const NEXT_STATUSES = { PLANNED: ['UNDER_CONSTRUCTION', 'OPERATING'], UNDER_CONSTRUCTION: ['OPERATING'], OPERATING: [] };

const PLATFORM_KINDS = {
  LAB: '重点实验室',
  RD_CENTRE: '研发中心',
  TESTING_CENTRE: '检验检测中心',
  PILOT_BASE: '中试基地',
  CERTIFICATION_CENTRE: '认证中心',
  EXCHANGE: '交易中心',
  PARK: '产业园区',
  ENCLAVE: '飞地园区',
  ALLIANCE: '产业联盟',
  SERVICE_PLATFORM: '公共服务平台',
  EVENT: '会展活动',
};

const SOURCE_HINT = '来源必填：seed §N，或 public: 出处、日期、网址，或 estimate: 估算依据';

/**
 * Sends one write; a refusal keeps the server's words, after a Chinese lead-in, so the officer
 * sees both that it was refused and exactly why.
 */
async function mutate(mutation, variables) {
  try {
    return await graphql(mutation, variables);
  } catch (failure) {
    throw { messages: (failure.messages ?? [String(failure.message ?? failure)]).map((m) => `服务器拒绝了这次修改：${m}`) };
  }
}

/** Every chain of a thing may be written by this login: a write touches all of them. */
function editable(chains) {
  return chains.length > 0 && chains.every((c) => c.editable);
}

function chainNames(chains, language) {
  return chains.map((c) => nameOf(c, language)).join('、');
}

function statusSelect(name, statuses, selected) {
  return h('select', { name }, statuses.map((s) => h('option', { value: s, selected: s === selected }, STATUS_ZH[s])));
}

function sourceField() {
  return [field('来源', input('source', { placeholder: 'public: 企业公告, 2024-06-01, 网址' })),
    h('p', { class: 'edit-hint' }, SOURCE_HINT)];
}

/** A number of a form, or null for an empty field (an unknown capacity stays unknown, never 0). */
function amount(text) {
  return text === undefined || text.trim() === '' ? null : Number(text);
}

/** A button that opens one form below it (a second click closes it). */
function opener(label, className, make) {
  const holder = h('div', { class: 'edit-form-holder' });
  const button = h('button', {
    type: 'button',
    class: `edit-open ${className}`,
    onclick: () => holder.replaceChildren(...(holder.childElementCount > 0 ? [] : [make()])),
  }, label);
  return [button, holder];
}

function editSection(title, ...content) {
  return h('section', { class: 'panel-section edit-section' }, h('h3', {}, title), ...content);
}

function readOnly(chains, language) {
  return h('p', { class: 'edit-read-only' },
    `只读：本产品属于${chainNames(chains, language)}产业链，当前登录不是其牵头单位，不能修改。`);
}

/** The capacity form of one line: amount, unit from the product's accepted ones, status, source. */
function capacityForm(product, line, save) {
  return form('capacity-form', [
    h('input', { type: 'hidden', name: 'companyId', value: line.company.id }),
    h('input', { type: 'hidden', name: 'productId', value: product.id }),
    h('input', { type: 'hidden', name: 'siteId', value: line.site.id }),
    h('input', { type: 'hidden', name: 'region', value: line.region }),
    field('产能', input('capacity', { type: 'number', min: '0', step: 'any', value: line.capacity ?? '' })),
    field('单位', h('select', { name: 'unit' }, product.acceptedUnits.map((u) => h('option', { value: u, selected: u === product.unit }, u)))),
    field('状态', statusSelect('status', STATUSES, line.status)),
    ...sourceField(),
  ], '保存产能', (v) => {
    if (amount(v.capacity) === null) {
      // setCapacity needs a figure; an unknown capacity is left as it is
      throw { messages: ['请填写产能数值；产能不详时请保持原状（未知），不要填 0'] };
    }
    return save(`${nameOf(line.company, 'zh')} ${product.nameZh} 产能`, () => mutate(SET_CAPACITY, {
      input: {
        companyId: v.companyId,
        productId: v.productId,
        siteId: v.siteId,
        region: v.region,
        capacity: amount(v.capacity),
        unit: v.unit,
        status: v.status,
        source: v.source,
      },
    }));
  });
}

function platformForm(platform, save) {
  return form('platform-form', [
    h('input', { type: 'hidden', name: 'id', value: platform.id }),
    field('名称', input('nameZh', { value: platform.nameZh })),
    field('类型', h('select', { name: 'kind' }, Object.entries(PLATFORM_KINDS)
      .map(([kind, zh]) => h('option', { value: kind, selected: kind === platform.kind }, zh)))),
    field('状态', statusSelect('status', STATUSES, platform.status ?? 'PLANNED')),
    ...sourceField(),
  ], '保存平台', (v) => save(`平台 ${v.nameZh}`, () => mutate(UPDATE_PLATFORM, {
    input: { id: v.id, nameZh: v.nameZh, kind: v.kind, status: v.status, source: v.source },
  })));
}

function newPlatformForm(segment, save) {
  return form('new-platform-form', [
    h('p', { class: 'muted' }, `支撑环节：${segment.nameZh}`),
    field('中文名称', input('nameZh', { placeholder: '例：稀土永磁中试基地' })),
    field('英文名称', input('name', { placeholder: 'e.g. NdFeB pilot base' })),
    field('类型', h('select', { name: 'kind' }, Object.entries(PLATFORM_KINDS).map(([kind, zh]) => h('option', { value: kind }, zh)))),
    field('状态', statusSelect('status', STATUSES, 'PLANNED')),
    ...sourceField(),
  ], '新增平台', (v) => save(`平台 ${v.nameZh}`, () => mutate(CREATE_PLATFORM, {
    input: {
      nameZh: v.nameZh, name: v.name, kind: v.kind, status: v.status, segmentIds: [segment.id], source: v.source,
    },
  })));
}

function platformItem(platform, language, save) {
  const kind = PLATFORM_KINDS[platform.kind] ?? platform.kind;
  return h('li', { class: 'edit-item', 'data-platform-id': platform.id },
    `${nameOf(platform, language)} · ${kind} · ${STATUS_ZH[platform.status] ?? '状态未知'}`,
    editable(platform.chains) ? opener('修改', 'edit-platform', () => platformForm(platform, save))
      : h('span', { class: 'muted' }, `（跨链平台，涉及${chainNames(platform.chains, language) || '无产业链'}，只读）`));
}

/**
 * The editing part of a product panel: its local lines' capacities and its segments'
 * platforms. {@code save(what, write)} runs the write, then redraws the map and the panel.
 */
export async function productEditing({ productId, language, save }) {
  const { product } = await graphql(EDIT_PRODUCT, { productId });
  if (!product) {
    return null;
  }
  if (!editable(product.chains)) {
    return h('div', { class: 'edit-area', 'data-editable': 'false' }, readOnly(product.chains, language));
  }
  const lines = product.producers;
  return h('div', { class: 'edit-area', 'data-editable': 'true' },
    editSection('维护本地产能（牵头单位）',
      lines.length === 0 ? h('p', { class: 'muted' }, '本地暂无产线；新产线请在企业卡片中录入。')
        : h('ul', { class: 'edit-list' }, lines.map((line) => h('li', {
          class: 'edit-item',
          'data-company-id': line.company.id,
          'data-site-id': line.site.id,
          'data-status': line.status,
        },
        `${nameOf(line.company, language)} · ${[line.region, line.district].filter(Boolean).join(' · ')} · ${STATUS_ZH[line.status]} · ${line.capacity === null ? '产能未知' : figure(line.capacity, line.unit)}`,
        opener('修改产能', 'edit-capacity', () => capacityForm(product, line, save)))))),
    editSection('维护创新平台（本环节）',
      product.segments.map((segment) => h('div', { class: 'edit-segment', 'data-segment-id': segment.id },
        h('h4', {}, segment.nameZh),
        segment.platforms.length === 0 ? h('p', { class: 'muted' }, '暂无平台')
          : h('ul', { class: 'edit-list' }, segment.platforms.map((p) => platformItem(p, language, save))),
        opener('＋新增平台', 'new-platform', () => newPlatformForm(segment, save))))));
}

function projectForm(project, save) {
  const product = project.products[0];
  return form('project-form', [
    h('input', { type: 'hidden', name: 'id', value: project.id }),
    field('推进到', h('select', { name: 'status' }, h('option', { value: '' }, `不变（${STATUS_ZH[project.status]}）`),
      (NEXT_STATUSES[project.status] ?? []).map((s) => h('option', { value: s }, STATUS_ZH[s])))),
    product ? field('计划产能（不改则留空）', input('capacity', { type: 'number', min: '0', step: 'any' })) : null,
    product ? field('单位', h('select', { name: 'unit' }, product.acceptedUnits.map((u) => h('option', { value: u, selected: u === product.unit }, u)))) : null,
    ...sourceField(),
  ], '保存项目', (v) => save(`项目 ${project.nameZh}`, async () => {
    if (amount(v.capacity) !== null) {
      await mutate(UPDATE_PROJECT, { input: { id: v.id, capacity: amount(v.capacity), unit: v.unit, source: v.source } });
    }
    if (v.status) {
      await mutate(CHANGE_PROJECT_STATUS, { input: { id: v.id, status: v.status, source: v.source } });
    }
  }));
}

function supplyForm(company, products, customers, save) {
  return form('supply-form', [
    h('input', { type: 'hidden', name: 'supplierId', value: company.id }),
    field('产品', h('select', { name: 'productId' }, products.map((p) => h('option', { value: p.id }, p.nameZh)))),
    field('客户', h('select', { name: 'customerId' }, customers.map((c) => h('option', { value: c.id }, c.nameZh)))),
    ...sourceField(),
  ], '记录供货关系', (v) => save('供货关系', () => mutate(ADD_SUPPLY_LINK, {
    input: { supplierId: v.supplierId, customerId: v.customerId, productId: v.productId, source: v.source },
  })));
}

function removeLinkForm(link, ids, save) {
  return form('remove-link-form', [
    field('结束原因（来源）', input('source', { placeholder: 'public: 合同到期公告, 2024-06-01' })),
    h('p', { class: 'edit-hint' }, SOURCE_HINT),
  ], '删除供货关系', (v) => save('供货关系', () => mutate(REMOVE_SUPPLY_LINK, { input: { ...ids, productId: link.product.id, source: v.source } })));
}

/**
 * The editing part of a company card: its projects' status, the platforms it runs and its
 * observed supply links, each where every chain it touches is the login's.
 */
export async function companyEditing({ companyId, language, save }) {
  const { company } = await graphql(EDIT_COMPANY, { id: companyId });
  if (!company) {
    return null;
  }
  const products = [...new Map(company.productions.map((p) => [p.product.id, p.product])).values()]
    .filter((p) => editable(p.chains));
  const projects = company.projects.filter((p) => p.products.length > 0 && p.products.every((x) => editable(x.chains)));
  const platforms = company.platforms.filter((p) => editable(p.chains));
  const links = company.links.filter((l) => l.kind === 'OBSERVED' && editable(l.product.chains));
  if (products.length === 0 && projects.length === 0 && platforms.length === 0 && links.length === 0) {
    return h('div', { class: 'edit-area', 'data-editable': 'false' },
      h('p', { class: 'edit-read-only' }, '只读：本企业没有当前登录牵头的产业链的数据可改。'));
  }
  return h('div', { class: 'edit-area', 'data-editable': 'true' },
    editSection(`维护项目（${projects.length}）`, projects.length === 0 ? h('p', { class: 'muted' }, '无可修改的项目')
      : h('ul', { class: 'edit-list' }, projects.map((p) => h('li', { class: 'edit-item', 'data-project-id': p.id },
        `${p.nameZh} · ${STATUS_ZH[p.status]}${p.capacity === null ? ' · 产能未知' : ` · ${figure(p.capacity, p.unit)}`}`,
        (NEXT_STATUSES[p.status] ?? []).length > 0 ? opener('修改', 'edit-project', () => projectForm(p, save))
          : h('span', { class: 'muted' }, '（已投产）'))))),
    editSection(`维护创新平台（${platforms.length}）`, platforms.length === 0 ? h('p', { class: 'muted' }, '无可修改的平台')
      : h('ul', { class: 'edit-list' }, platforms.map((p) => platformItem(p, language, save)))),
    editSection(`维护供货关系（已核实 ${links.length} 条）`,
      h('ul', { class: 'edit-list' }, links.map((l) => {
        const ids = l.direction === 'CUSTOMER' ? { supplierId: company.id, customerId: l.company.id }
          : { supplierId: l.company.id, customerId: company.id };
        return h('li', { class: 'edit-item', 'data-link-company-id': l.company.id, 'data-product-id': l.product.id },
          `${l.direction === 'CUSTOMER' ? '供给' : '采购自'} ${l.company.nameZh} · ${l.product.nameZh}`,
          opener('删除', 'remove-link', () => removeLinkForm(l, ids, save)));
      })),
      products.length > 0 && company.customers.length > 0
        ? opener('＋记录供货关系', 'new-link', () => supplyForm(company, products, company.customers, save))
        : h('p', { class: 'muted' }, '无可记录的本地客户')));
}
