// The side panel's two contents: a product (producers, balance, gaps, candidates) and a
// company card. Built with DOM calls, never from HTML strings, so names in the data cannot
// inject markup.

import { chainLinks, partnerLinks } from './company.js';
import { STATUS_ZH, bounded, capacityState, figure, gapKind, nameOf, percent } from './labels.js';

/** An element with attributes (on* functions become listeners) and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'style') {
      // CSSOM, not a style attribute: the page's Content-Security-Policy allows no inline styles
      Object.assign(element.style, value);
    } else if (key === 'class') {
      element.className = value;
    } else {
      element.setAttribute(key, value === true ? '' : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

export function swatch(color) {
  return h('span', { class: 'swatch', style: { backgroundColor: color } });
}

function section(title, ...content) {
  return h('section', { class: 'panel-section' }, h('h3', {}, title), ...content);
}

function empty(text) {
  return h('p', { class: 'muted' }, text);
}

function companyLink(company, language, openCompany) {
  return h('button', {
    type: 'button',
    class: 'link',
    'data-company-id': company.id,
    onclick: () => openCompany(company.id),
  }, nameOf(company, language));
}

function producerTable(producers, language, openCompany) {
  if (producers.length === 0) {
    return empty('无');
  }
  return h('table', { class: 'producers' },
    h('thead', {}, h('tr', {}, h('th', {}, '企业'), h('th', {}, '产能'), h('th', {}, '状态'), h('th', {}, '地区'))),
    h('tbody', {}, producers.map((p) => h('tr', {},
      h('td', {}, companyLink(p.company, language, openCompany)),
      h('td', { class: 'number', title: p.writtenAs ?? '' }, figure(p.capacity, p.unit)),
      h('td', {}, STATUS_ZH[p.status] ?? p.status),
      h('td', {}, [p.region, p.district].filter(Boolean).join(' · '))))));
}

const STAGE_NAMES = {
  RESERVE: '谋划储备', PRELIMINARY: '前期推进', SIGNED: '签约落地', CONSTRUCTION: '开工建设', PRODUCTION: '竣工投产',
};

const STATUS_GROUPS = [
  { status: 'OPERATING', zh: '在产', counted: ['CURRENT', 'PLANNED', 'PIPELINE'] },
  { status: 'UNDER_CONSTRUCTION', zh: '在建', counted: ['PLANNED', 'PIPELINE'] },
  { status: 'PLANNED', zh: '拟建', counted: ['PLANNED', 'PIPELINE'] },
];

/** The sum of the known capacities of some lines, and how many are unknown. */
function subtotal(lines) {
  const known = lines.filter((l) => l.capacity !== null && l.capacity !== undefined);
  return { known: known.reduce((sum, l) => sum + l.capacity, 0), unknown: lines.length - known.length };
}

function subtotalText(total, unit) {
  if (total.unknown > 0 && total.known === 0) {
    return `产能未知（${total.unknown} 条）`;
  }
  return `${total.unknown > 0 ? '≥ ' : ''}${figure(total.known, unit)}${total.unknown > 0 ? `（${total.unknown} 条产能未知）` : ''}`;
}

/**
 * The local lines grouped 在产 / 在建 / 拟建, each with its subtotal; the groups the scenario counts,
 * with the co-product output, add up to the balance's local capacity above.
 */
function localProducers(lines, balance, scenario, language, openCompany) {
  if (lines.length === 0) {
    return empty('无');
  }
  const unit = lines[0].unit ?? balance?.unit;
  const counted = lines.filter((l) => STATUS_GROUPS.find((g) => g.status === l.status)?.counted.includes(scenario));
  const total = subtotal(counted);
  const yielded = balance && balance.yieldedCapacity > 0 ? balance.yieldedCapacity : 0;
  return h('div', { class: 'local-producers' },
    STATUS_GROUPS.map((group) => {
      const some = lines.filter((l) => l.status === group.status);
      if (some.length === 0) {
        return null;
      }
      const inScenario = group.counted.includes(scenario);
      return h('div', { class: 'status-group', 'data-status': group.status },
        h('h4', {}, `${group.zh}（${some.length} 条）：${subtotalText(subtotal(some), unit)}`,
          h('span', { class: 'muted' }, inScenario ? ' · 计入本情景' : ' · 不计入本情景')),
        producerTable(some, language, openCompany));
    }),
    h('p', {
      class: 'subtotal',
      'data-counted': String(total.known + yielded),
      'data-unknown': String(total.unknown),
    }, `本情景计入：${subtotalText({ known: total.known + yielded, unknown: total.unknown }, unit)}`,
    yielded > 0 ? `（含联产 ${figure(yielded, unit)}）` : '', scenario === 'PIPELINE' ? '（另计招商线索）' : ' = 上方「本地产能」'));
}

function candidateList(candidates, language, openCompany, addLead) {
  if (candidates.length === 0) {
    return empty('暂无候选企业');
  }
  return h('ol', { class: 'candidates' }, candidates.map((c) => {
    const form = h('div', { class: 'add-lead' });
    return h('li', { class: 'candidate', 'data-company-id': c.company.id },
      h('div', { class: 'candidate-head' },
        companyLink(c.company, language, openCompany),
        h('span', { class: 'score' }, `评分 ${c.score.toFixed(2)}`),
        c.capacity !== null ? h('span', { class: 'muted' }, `产能 ${figure(c.capacity, c.product.unit)}`) : null,
        h('span', { class: 'muted' }, `→ ${nameOf(c.product, language)}`),
        c.lead ? h('span', { class: 'lead-badge', 'data-lead-id': c.lead.id }, `已是招商线索 · ${STAGE_NAMES[c.lead.stage]}`)
          : null,
        addLead && !c.lead ? h('button', {
          type: 'button',
          class: 'add-lead-button',
          onclick: () => form.replaceChildren(addLead(c)),
        }, '＋招商线索') : null),
      // the sentence to say in a meeting; how the score was made behind a toggle
      h('p', { class: 'candidate-summary' }, c.summary),
      h('details', { class: 'breakdown' }, h('summary', {}, '评分依据'),
        h('ul', { class: 'reasons' }, c.breakdown.map((reason) => h('li', {}, reason)))),
      form);
  }));
}

function capacityText(balance) {
  const state = capacityState(balance);
  if (state === 'none') {
    return `${figure(0, balance.unit)}（本地无生产）`;
  }
  if (state === 'unknown') {
    return `未知（有生产、产能未知：${balance.unknownCapacityProducers} 家企业）`;
  }
  const text = bounded(balance.localCapacity, balance.capacityBound, figure(balance.localCapacity, balance.unit));
  return balance.capacityBound === 'AT_LEAST' ? `${text}（${balance.sitesWithUnknownCapacity} 个厂址产能未知）` : text;
}

function estimateText(balance) {
  if (balance.estimatedCapacity === null || balance.estimatedCapacity === undefined) {
    return '—';
  }
  if (balance.estimatedCapacity === 0) {
    return '无（均有来源）';
  }
  return `${figure(balance.estimatedCapacity, balance.unit)}（${percent(balance.estimateShare)}）`;
}

function selfSufficiencyText(balance) {
  if (balance.selfSufficiencyBound === null || balance.selfSufficiencyBound === undefined) {
    return '—（无本地需求）';
  }
  return bounded(balance.selfSufficiency, balance.selfSufficiencyBound, percent(balance.selfSufficiency));
}

function balanceFigures(balance) {
  if (!balance) {
    return empty('无平衡数据');
  }
  const rows = [
    ['本地产能', capacityText(balance)],
    ['其中估算', estimateText(balance)],
    ['本地需求', bounded(balance.localDemand, balance.demandBound, figure(balance.localDemand, balance.unit))],
    ['自给率', selfSufficiencyText(balance)],
    ['本地生产企业', String(balance.producerCount)],
    ['数据完整', balance.complete ? '是' : `否（${balance.sitesWithUnknownCapacity} 个生产厂址、${balance.consumerSitesWithUnknownCapacity} 个使用厂址产能未知）`],
  ];
  return h('dl', { class: 'figures' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** The panel of one product of the chain drawn (or of another chain, a ghost node). */
/**
 * Where in the country the product is made: provinces by known capacity, unknown ones last
 * and never as 0, with the lines of unknown capacity each figure leaves out.
 */
function regionRankingTable(ranking, language, openCompany) {
  if (ranking === null || ranking === undefined) {
    return empty('全国分布暂不可用');
  }
  if (ranking.length === 0) {
    return empty('图谱中没有已定位到省份的生产企业');
  }
  return h('table', { class: 'producers region-ranking' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, '省份'), h('th', {}, '已知产能'),
      h('th', {}, '企业'), h('th', {}, '领先企业'))),
    h('tbody', {}, ranking.map((r) => h('tr', { 'data-region-id': r.region.id },
      h('td', { class: 'number' }, r.rank),
      h('td', {}, nameOf(r.region, language)),
      h('td', { class: 'number' }, figure(r.knownCapacity, r.unit),
        r.linesWithUnknownCapacity > 0
          ? h('span', { class: 'muted' }, r.knownCapacity === null ? '' : ` +${r.linesWithUnknownCapacity} 条未知`)
          : null),
      h('td', { class: 'number' }, r.producers),
      h('td', {}, r.leaders.map((l, i) => [i > 0 ? '、' : '', companyLink(l.company, language, openCompany)]))))));
}

export function productPanel({ detail, ranking, model, language, openCompany, scenario, scenarioZh, addLead, elsewhere }) {
  const product = detail.product;
  // by where the site is, not where the company has its seat
  const local = product.producers.filter((p) => p.local);
  const outside = product.producers.filter((p) => !p.local);
  const mapGaps = model.gapsByProduct.get(product.id) ?? [];
  const gapCandidates = detail.gaps.filter((g) => g.product.id === product.id);
  const gapSections = mapGaps.map((gap) => {
    const kind = gapKind(gap.kind);
    const withCandidates = gapCandidates.find((g) => g.kind === gap.kind);
    return h('article', { class: 'gap', 'data-gap-kind': gap.kind },
      h('h4', {}, swatch(kind.color), `${kind.zh} · ${gap.action}`,
        h('span', { class: 'muted' }, ` 严重度 ${gap.severity.toFixed(1)}`)),
      h('p', { class: 'explanation' }, gap.explanation),
      gap.kind === 'NO_INNOVATION_SUPPORT'
        ? null
        : h('div', { class: 'gap-candidates' }, h('h5', {}, '建议招引企业'),
          candidateList(withCandidates ? withCandidates.candidates : [], language, openCompany, addLead)));
  });
  return h('div', { class: 'product-panel', 'data-product-id': product.id },
    h('h2', {}, nameOf(product, language)),
    h('p', { class: 'muted' }, `${nameOf(product, language === 'en' ? 'zh' : 'en')} · 单位 ${product.unit} · ${product.chains.map((c) => nameOf(c, language)).join('、')}`),
    model.products.has(product.id)
      ? [section(`产能与需求（${scenarioZh}）`, balanceFigures(model.balances.get(product.id))),
        section(`缺口（${mapGaps.length}）`, mapGaps.length === 0 ? empty('本情景下无缺口') : gapSections)]
      : h('p', { class: 'note' }, '其他产业链的产品：它的产能平衡和缺口在所属产业链的图谱中。'),
    elsewhere,
    mapGaps.length === 0 ? section('外地候选企业', candidateList(detail.candidates, language, openCompany, addLead)) : null,
    section(`本地产线（${local.length}）`, localProducers(local, model.balances.get(product.id), scenario,
      language, openCompany)),
    section(`外地生产企业（${outside.length}）`, producerTable(outside, language, openCompany)),
    section('全国产地（按省份，已知产能排序）', regionRankingTable(ranking, language, openCompany)));
}

/** A company card: sites, products, chains, projects, platforms, supply partners and 断供影响. */
export function companyCard({ company, language, openCompany, openChain, impact }) {
  const productionsBySite = new Map();
  for (const production of company.productions) {
    const list = productionsBySite.get(production.site.id) ?? [];
    list.push(production);
    productionsBySite.set(production.site.id, list);
  }
  const products = [...new Map(company.productions.map((p) => [p.product.id, p.product])).values()];
  return h('div', { class: 'company-card', 'data-company-id': company.id },
    h('h2', {}, nameOf(company, language)),
    h('p', { class: 'muted' }, [
      nameOf(company, language === 'en' ? 'zh' : 'en'),
      company.local ? '本地企业' : '外地企业',
      company.headquarters ? `总部 ${nameOf(company.headquarters, language)}` : null,
      company.aliases.length > 0 ? `又名 ${company.aliases.join('、')}` : null,
    ].filter(Boolean).join(' · ')),
    section(`厂址（${company.sites.length}）`, company.sites.length === 0 ? empty('无')
      : h('ul', { class: 'sites' }, company.sites.map((site) => h('li', { class: 'site', 'data-site-id': site.id },
        h('strong', {}, [site.name || site.id, site.region, site.district].filter(Boolean).join(' · ')),
        h('ul', {}, (productionsBySite.get(site.id) ?? []).map((p) => h('li', {},
          `${nameOf(p.product, language)} · ${p.capacity === null ? '产能未知' : figure(p.capacity, p.unit)} · ${STATUS_ZH[p.status] ?? p.status}`))))))),
    section(`产品（${products.length}）`, products.length === 0 ? empty('无')
      : h('ul', { class: 'inline-list' }, products.map((p) => h('li', {}, nameOf(p, language))))),
    section(`产业链（${company.chains.length}）`, company.chains.length === 0 ? empty('无')
      : chainLinks(company, language, openChain)),
    section(`项目（${company.projects.length}）`, company.projects.length === 0 ? empty('无')
      : h('ul', {}, company.projects.map((p) => h('li', {},
        `${nameOf(p, language)} · ${STATUS_ZH[p.status] ?? p.status}`,
        p.capacity !== null ? ` · ${figure(p.capacity, p.unit)}` : '',
        p.district ? ` · ${p.district}` : '')))),
    section(`创新平台（${company.platforms.length}）`, company.platforms.length === 0 ? empty('无')
      : h('ul', {}, company.platforms.map((p) => h('li', {}, `${nameOf(p, language)} · ${p.kind}`)))),
    section(`本地供应商（${company.links.filter((l) => l.direction === 'SUPPLIER').length}）`,
      partnerLinks(company, language, 'SUPPLIER', openCompany)),
    section(`本地客户（${company.links.filter((l) => l.direction === 'CUSTOMER').length}）`,
      partnerLinks(company, language, 'CUSTOMER', openCompany)),
    section('断供影响（本地厂址停产时）', impact));
}
