// Chain-lead units (链长制牵头单位) keep their chains current in place (issue 14, item 7): after a
// login, the product panel and the company card get forms for capacities, project status,
// platforms and supply links — only for things of chains the login may write (Chain.editable);
// other chains' data stay read-only. Every form calls a public mutation with a required source,
// shows the server's refusal next to it as it comes, and after a write the page reads the map
// and the open panel again from the server.

import { pick, pickFrom } from './i18n.js';
import { figure, nameOf, statusName } from './labels.js';
import { h } from './panels.js';
import { field, form, input } from './board.js';
import {
  ADD_SUPPLY_LINK, CHANGE_PROJECT_STATUS, CREATE_PLATFORM, EDIT_COMPANY, EDIT_PRODUCT, REMOVE_SUPPLY_LINK,
  SET_CAPACITY, UPDATE_PLATFORM, UPDATE_PROJECT, graphql,
} from './queries.js';

const STATUSES = ['OPERATING', 'UNDER_CONSTRUCTION', 'PLANNED'];

// the order a project may move in (the server refuses any other)
const NEXT_STATUSES = { PLANNED: ['UNDER_CONSTRUCTION', 'OPERATING'], UNDER_CONSTRUCTION: ['OPERATING'], OPERATING: [] };

// [中文, English] of a platform's kind
const PLATFORM_KINDS = {
  LAB: ['重点实验室', 'Key laboratory'],
  RD_CENTRE: ['研发中心', 'R&D centre'],
  TESTING_CENTRE: ['检验检测中心', 'Testing centre'],
  PILOT_BASE: ['中试基地', 'Pilot base'],
  CERTIFICATION_CENTRE: ['认证中心', 'Certification centre'],
  EXCHANGE: ['交易中心', 'Exchange'],
  PARK: ['产业园区', 'Industrial park'],
  ENCLAVE: ['飞地园区', 'Enclave park'],
  ALLIANCE: ['产业联盟', 'Industry alliance'],
  SERVICE_PLATFORM: ['公共服务平台', 'Public service platform'],
  EVENT: ['会展活动', 'Exhibition or event'],
};

function sourceHint() {
  return pick('来源必填：seed §N，或 public: 出处、日期、网址，或 estimate: 估算依据',
    'Source required: seed §N, or public: publisher, date, URL, or estimate: the basis of the estimate');
}

/**
 * Sends one write; a refusal keeps the server's words, after a lead-in in the page's language, so the officer
 * sees both that it was refused and exactly why.
 */
async function mutate(mutation, variables) {
  try {
    return await graphql(mutation, variables);
  } catch (failure) {
    throw { messages: (failure.messages ?? [String(failure.message ?? failure)]).map((m) => `${pick('服务器拒绝了这次修改：', 'The server refused this change: ')}${m}`) };
  }
}

/** Every chain of a thing may be written by this login: a write touches all of them. */
function editable(chains) {
  return chains.length > 0 && chains.every((c) => c.editable);
}

function chainNames(chains, language) {
  return chains.map((c) => nameOf(c, language)).join(pick('、', ', '));
}

function statusSelect(name, statuses, selected) {
  return h('select', { name }, statuses.map((s) => h('option', { value: s, selected: s === selected }, statusName(s))));
}

function sourceField() {
  return [field(pick('来源', 'Source'), input('source', {
    placeholder: pick('public: 企业公告, 2024-06-01, 网址', 'public: company notice, 2024-06-01, URL'),
  })),
  h('p', { class: 'edit-hint' }, sourceHint())];
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
    pick(`只读：本产品属于${chainNames(chains, language)}产业链，当前登录不是其牵头单位，不能修改。`,
      `Read-only: this product belongs to the ${chainNames(chains, language)} chain, whose lead unit is not this login.`));
}

/** The capacity form of one line: amount, unit from the product's accepted ones, status, source. */
function capacityForm(product, line, save) {
  return form('capacity-form', [
    h('input', { type: 'hidden', name: 'companyId', value: line.company.id }),
    h('input', { type: 'hidden', name: 'productId', value: product.id }),
    h('input', { type: 'hidden', name: 'siteId', value: line.site.id }),
    h('input', { type: 'hidden', name: 'region', value: line.region }),
    field(pick('产能', 'Capacity'), input('capacity', { type: 'number', min: '0', step: 'any', value: line.capacity ?? '' })),
    field(pick('单位', 'Unit'), h('select', { name: 'unit' }, product.acceptedUnits.map((u) => h('option', { value: u, selected: u === product.unit }, u)))),
    field(pick('状态', 'Status'), statusSelect('status', STATUSES, line.status)),
    ...sourceField(),
  ], pick('保存产能', 'Save capacity'), (v) => {
    if (amount(v.capacity) === null) {
      // setCapacity needs a figure; an unknown capacity is left as it is
      throw {
        messages: [pick('请填写产能数值；产能不详时请保持原状（未知），不要填 0',
          'Enter a capacity; where it is not known leave it as it is (unknown), never 0')],
      };
    }
    return save(pick(`${nameOf(line.company, 'zh')} ${product.nameZh} 产能`,
      `${nameOf(line.company, 'en')} ${nameOf(product, 'en')} capacity`), () => mutate(SET_CAPACITY, {
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
    field(pick('名称', 'Name (Chinese)'), input('nameZh', { value: platform.nameZh })),
    field(pick('类型', 'Kind'), h('select', { name: 'kind' }, Object.keys(PLATFORM_KINDS)
      .map((kind) => h('option', { value: kind, selected: kind === platform.kind }, pickFrom(PLATFORM_KINDS, kind))))),
    field(pick('状态', 'Status'), statusSelect('status', STATUSES, platform.status ?? 'PLANNED')),
    ...sourceField(),
  ], pick('保存平台', 'Save platform'), (v) => save(`${pick('平台', 'Platform')} ${v.nameZh}`, () => mutate(UPDATE_PLATFORM, {
    input: { id: v.id, nameZh: v.nameZh, kind: v.kind, status: v.status, source: v.source },
  })));
}

function newPlatformForm(segment, save) {
  return form('new-platform-form', [
    h('p', { class: 'muted' }, `${pick('支撑环节：', 'Segment supported: ')}${nameOf(segment, pick('zh', 'en'))}`),
    field(pick('中文名称', 'Chinese name'), input('nameZh', { placeholder: pick('例：稀土永磁中试基地', 'e.g. 稀土永磁中试基地') })),
    field(pick('英文名称', 'English name'), input('name', { placeholder: 'e.g. NdFeB pilot base' })),
    field(pick('类型', 'Kind'), h('select', { name: 'kind' },
      Object.keys(PLATFORM_KINDS).map((kind) => h('option', { value: kind }, pickFrom(PLATFORM_KINDS, kind))))),
    field(pick('状态', 'Status'), statusSelect('status', STATUSES, 'PLANNED')),
    ...sourceField(),
  ], pick('新增平台', 'Add platform'), (v) => save(`${pick('平台', 'Platform')} ${v.nameZh}`, () => mutate(CREATE_PLATFORM, {
    input: {
      nameZh: v.nameZh, name: v.name, kind: v.kind, status: v.status, segmentIds: [segment.id], source: v.source,
    },
  })));
}

function platformItem(platform, language, save) {
  const kind = pickFrom(PLATFORM_KINDS, platform.kind);
  return h('li', { class: 'edit-item', 'data-platform-id': platform.id },
    `${nameOf(platform, language)} · ${kind} · ${platform.status ? statusName(platform.status) : pick('状态未知', 'status unknown')}`,
    editable(platform.chains) ? opener(pick('修改', 'Edit'), 'edit-platform', () => platformForm(platform, save))
      : h('span', { class: 'muted' }, pick(`（跨链平台，涉及${chainNames(platform.chains, language) || '无产业链'}，只读）`,
        ` (a platform of several chains: ${chainNames(platform.chains, language) || 'no chain'}; read-only)`)));
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
    editSection(pick('维护本地产能（牵头单位）', 'Local capacities (lead unit)'),
      lines.length === 0 ? h('p', { class: 'muted' }, pick('本地暂无产线；新产线请在企业卡片中录入。', 'No local lines yet; enter a new line on the company card.'))
        : h('ul', { class: 'edit-list' }, lines.map((line) => h('li', {
          class: 'edit-item',
          'data-company-id': line.company.id,
          'data-site-id': line.site.id,
          'data-status': line.status,
        },
        `${nameOf(line.company, language)} · ${[line.region, line.district].filter(Boolean).join(' · ')} · ${statusName(line.status)} · ${line.capacity === null ? pick('产能未知', 'capacity unknown') : figure(line.capacity, line.unit)}`,
        opener(pick('修改产能', 'Edit capacity'), 'edit-capacity', () => capacityForm(product, line, save)))))),
    editSection(pick('维护创新平台（本环节）', 'Innovation platforms (this segment)'),
      product.segments.map((segment) => h('div', { class: 'edit-segment', 'data-segment-id': segment.id },
        h('h4', {}, nameOf(segment, language)),
        segment.platforms.length === 0 ? h('p', { class: 'muted' }, pick('暂无平台', 'No platform yet'))
          : h('ul', { class: 'edit-list' }, segment.platforms.map((p) => platformItem(p, language, save))),
        opener(pick('＋新增平台', '＋Add platform'), 'new-platform', () => newPlatformForm(segment, save))))));
}

function projectForm(project, save) {
  const product = project.products[0];
  return form('project-form', [
    h('input', { type: 'hidden', name: 'id', value: project.id }),
    field(pick('推进到', 'Move to'), h('select', { name: 'status' },
      h('option', { value: '' }, pick(`不变（${statusName(project.status)}）`, `unchanged (${statusName(project.status)})`)),
      (NEXT_STATUSES[project.status] ?? []).map((s) => h('option', { value: s }, statusName(s))))),
    product ? field(pick('计划产能（不改则留空）', 'Planned capacity (empty: unchanged)'),
      input('capacity', { type: 'number', min: '0', step: 'any' })) : null,
    product ? field(pick('单位', 'Unit'), h('select', { name: 'unit' }, product.acceptedUnits.map((u) => h('option', { value: u, selected: u === product.unit }, u)))) : null,
    ...sourceField(),
  ], pick('保存项目', 'Save project'), (v) => save(`${pick('项目', 'Project')} ${project.nameZh}`, async () => {
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
    field(pick('产品', 'Product'), h('select', { name: 'productId' }, products.map((p) => h('option', { value: p.id }, p.nameZh)))),
    field(pick('客户', 'Customer'), h('select', { name: 'customerId' }, customers.map((c) => h('option', { value: c.id }, c.nameZh)))),
    ...sourceField(),
  ], pick('记录供货关系', 'Record supply link'), (v) => save(pick('供货关系', 'Supply link'), () => mutate(ADD_SUPPLY_LINK, {
    input: { supplierId: v.supplierId, customerId: v.customerId, productId: v.productId, source: v.source },
  })));
}

function removeLinkForm(link, ids, save) {
  return form('remove-link-form', [
    field(pick('结束原因（来源）', 'Why it ended (source)'), input('source', {
      placeholder: pick('public: 合同到期公告, 2024-06-01', 'public: contract expiry notice, 2024-06-01'),
    })),
    h('p', { class: 'edit-hint' }, sourceHint()),
  ], pick('删除供货关系', 'Remove supply link'), (v) => save(pick('供货关系', 'Supply link'), () => mutate(REMOVE_SUPPLY_LINK, { input: { ...ids, productId: link.product.id, source: v.source } })));
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
      h('p', { class: 'edit-read-only' }, pick('只读：本企业没有当前登录牵头的产业链的数据可改。',
        'Read-only: this company has no data of a chain this login leads.')));
  }
  return h('div', { class: 'edit-area', 'data-editable': 'true' },
    editSection(pick(`维护项目（${projects.length}）`, `Projects (${projects.length})`),
      projects.length === 0 ? h('p', { class: 'muted' }, pick('无可修改的项目', 'No project to edit'))
      : h('ul', { class: 'edit-list' }, projects.map((p) => h('li', { class: 'edit-item', 'data-project-id': p.id },
        `${p.nameZh} · ${statusName(p.status)}${p.capacity === null ? pick(' · 产能未知', ' · capacity unknown') : ` · ${figure(p.capacity, p.unit)}`}`,
        (NEXT_STATUSES[p.status] ?? []).length > 0 ? opener(pick('修改', 'Edit'), 'edit-project', () => projectForm(p, save))
          : h('span', { class: 'muted' }, pick('（已投产）', ' (in production)')))))),
    editSection(pick(`维护创新平台（${platforms.length}）`, `Innovation platforms (${platforms.length})`),
      platforms.length === 0 ? h('p', { class: 'muted' }, pick('无可修改的平台', 'No platform to edit'))
      : h('ul', { class: 'edit-list' }, platforms.map((p) => platformItem(p, language, save)))),
    editSection(pick(`维护供货关系（已核实 ${links.length} 条）`, `Supply links (${links.length} verified)`),
      h('ul', { class: 'edit-list' }, links.map((l) => {
        const ids = l.direction === 'CUSTOMER' ? { supplierId: company.id, customerId: l.company.id }
          : { supplierId: l.company.id, customerId: company.id };
        return h('li', { class: 'edit-item', 'data-link-company-id': l.company.id, 'data-product-id': l.product.id },
          `${l.direction === 'CUSTOMER' ? pick('供给', 'supplies') : pick('采购自', 'buys from')} ${l.company.nameZh} · ${l.product.nameZh}`,
          opener(pick('删除', 'Remove'), 'remove-link', () => removeLinkForm(l, ids, save)));
      })),
      products.length > 0 && company.customers.length > 0
        ? opener(pick('＋记录供货关系', '＋Record supply link'), 'new-link', () => supplyForm(company, products, company.customers, save))
        : h('p', { class: 'muted' }, pick('无可记录的本地客户', 'No local customer to record'))));
}
