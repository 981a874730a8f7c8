// The side panel's two contents: a product (producers, balance, gaps, candidates) and a
// company card. Built with DOM calls, never from HTML strings, so names in the data cannot
// inject markup.

import { chainLinks, partnerLinks } from './company.js';
import { bounded, capacityState, figure, gapKind, kindName, nameOf, percent, statusName } from './labels.js';
import { pick, t, unitName, unitsInText, word } from './i18n.js';

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
  // lists of lists too (a cell of names and separators)
  for (const child of children.flat(Infinity)) {
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

function producerTable(producers, language, openCompany, productId) {
  if (producers.length === 0) {
    return empty(t('none'));
  }
  return h('table', { class: 'producers' },
    h('thead', {}, h('tr', {}, h('th', {}, t('companyCol')), h('th', {}, t('capacityCol')), h('th', {}, t('statusCol')),
      h('th', {}, t('regionCol')))),
    h('tbody', {}, producers.map((p) => h('tr', {},
      h('td', {}, companyLink(p.company, language, openCompany)),
      h('td', { class: 'number', title: p.writtenAs ?? '' }, figure(p.capacity, p.unit, productId)),
      h('td', {}, statusName(p.status)),
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

function subtotalText(total, unit, productId) {
  if (total.unknown > 0 && total.known === 0) {
    return pick(`产能未知（${total.unknown} 条）`, `capacity unknown (${total.unknown} lines)`);
  }
  return `${total.unknown > 0 ? '≥ ' : ''}${figure(total.known, unit, productId)}${total.unknown > 0 ? pick(`（${total.unknown} 条产能未知）`, ` (${total.unknown} lines of unknown capacity)`) : ''}`;
}

/**
 * The local lines grouped 在产 / 在建 / 拟建, each with its subtotal; the groups the scenario counts,
 * with the co-product output, add up to the balance's local capacity above.
 */
function localProducers(lines, balance, scenario, language, openCompany, productId) {
  if (lines.length === 0) {
    return empty(t('none'));
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
        h('h4', {}, pick(`${statusName(group.status)}（${some.length} 条）：`, `${statusName(group.status)} (${some.length} lines): `),
          subtotalText(subtotal(some), unit, productId),
          h('span', { class: 'muted' }, inScenario ? pick(' · 计入本情景', ' · counted in this scenario')
            : pick(' · 不计入本情景', ' · not counted in this scenario'))),
        producerTable(some, language, openCompany, productId));
    }),
    h('p', {
      class: 'subtotal',
      'data-counted': String(total.known + yielded),
      'data-unknown': String(total.unknown),
    }, `${pick('本情景计入：', 'Counted in this scenario: ')}${subtotalText({ known: total.known + yielded, unknown: total.unknown }, unit, productId)}`,
    yielded > 0 ? pick(`（含联产 ${figure(yielded, unit, productId)}）`, ` (incl. co-product ${figure(yielded, unit, productId)})`) : '',
    scenario === 'PIPELINE' ? pick('（另计招商线索）', ' (leads counted apart)') : pick(' = 上方「本地产能」', ' = "Local capacity" above')));
}

function candidateList(candidates, language, openCompany, addLead) {
  if (candidates.length === 0) {
    return empty(pick('暂无候选企业', 'No candidates yet'));
  }
  return h('ol', { class: 'candidates' }, candidates.map((c) => {
    const form = h('div', { class: 'add-lead' });
    return h('li', { class: 'candidate', 'data-company-id': c.company.id },
      h('div', { class: 'candidate-head' },
        companyLink(c.company, language, openCompany),
        h('span', { class: 'score' }, `${pick('评分', 'score')} ${c.score.toFixed(2)}`),
        c.capacity !== null ? h('span', { class: 'muted' }, `${t('capacityCol')} ${figure(c.capacity, c.product.unit, c.product.id)}`) : null,
        h('span', { class: 'muted' }, `→ ${nameOf(c.product, language)}`),
        c.lead ? h('span', { class: 'lead-badge', 'data-lead-id': c.lead.id }, `${pick('已是招商线索', 'already a lead')} · ${word(c.lead.stage, STAGE_NAMES[c.lead.stage])}`)
          : null,
        addLead && !c.lead ? h('button', {
          type: 'button',
          class: 'add-lead-button',
          onclick: () => form.replaceChildren(addLead(c)),
        }, pick('＋招商线索', '+ lead')) : null),
      // the sentence to say in a meeting; how the score was made behind a toggle
      h('p', { class: 'candidate-summary' }, c.summary),
      h('details', { class: 'breakdown' }, h('summary', {}, pick('评分依据', 'How the score was made')),
        h('ul', { class: 'reasons' }, c.breakdown.map((reason) => h('li', {}, unitsInText(reason, c.product.id))))),
      form);
  }));
}

function capacityText(balance, productId) {
  const state = capacityState(balance);
  if (state === 'none') {
    return t('notMadeLocally', { figure: figure(0, balance.unit, productId) });
  }
  if (state === 'unknown') {
    return pick(`未知（有生产、产能未知：${balance.unknownCapacityProducers} 家企业）`,
      `unknown (made locally, capacity unknown: ${balance.unknownCapacityProducers} companies)`);
  }
  const text = bounded(balance.localCapacity, balance.capacityBound, figure(balance.localCapacity, balance.unit, productId));
  return balance.capacityBound === 'AT_LEAST' ? `${text}${pick(`（${balance.sitesWithUnknownCapacity} 个厂址产能未知）`,
    ` (${balance.sitesWithUnknownCapacity} sites of unknown capacity)`)}` : text;
}

function estimateText(balance, productId) {
  if (balance.estimatedCapacity === null || balance.estimatedCapacity === undefined) {
    return '—';
  }
  if (balance.estimatedCapacity === 0) {
    return pick('无（均有来源）', 'none (all sourced)');
  }
  const share = percent(balance.estimateShare);
  return `${figure(balance.estimatedCapacity, balance.unit, productId)}${pick(`（${share}）`, ` (${share})`)}`;
}

function selfSufficiencyText(balance) {
  if (balance.selfSufficiencyBound === null || balance.selfSufficiencyBound === undefined) {
    return t('noDemand');
  }
  return bounded(balance.selfSufficiency, balance.selfSufficiencyBound, percent(balance.selfSufficiency));
}

function balanceFigures(balance, productId) {
  if (!balance) {
    return empty(pick('无平衡数据', 'No balance data'));
  }
  const rows = [
    [t('capacityTerm'), capacityText(balance, productId)],
    [t('estimateTerm'), estimateText(balance, productId)],
    [t('demandTerm'), bounded(balance.localDemand, balance.demandBound, figure(balance.localDemand, balance.unit, productId))],
    [t('selfSufficiencyTerm'), selfSufficiencyText(balance)],
    [t('producersTerm'), String(balance.producerCount)],
    [t('completeTerm'), balance.complete ? pick('是', 'yes') : pick(`否（${balance.sitesWithUnknownCapacity} 个生产厂址、${balance.consumerSitesWithUnknownCapacity} 个使用厂址产能未知）`,
      `no (${balance.sitesWithUnknownCapacity} producing and ${balance.consumerSitesWithUnknownCapacity} using sites of unknown capacity)`)],
  ];
  return h('dl', { class: 'figures' }, rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** The panel of one product of the chain drawn (or of another chain, a ghost node). */
/**
 * Where in the country the product is made: provinces by known capacity, unknown ones last
 * and never as 0, with the lines of unknown capacity each figure leaves out.
 */
function regionRankingTable(ranking, language, openCompany, productId) {
  if (ranking === null || ranking === undefined) {
    return empty(pick('全国分布暂不可用', 'The national ranking is not available'));
  }
  if (ranking.length === 0) {
    return empty(pick('图谱中没有已定位到省份的生产企业', 'No producer located in a province'));
  }
  return h('table', { class: 'producers region-ranking' },
    h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, t('provinceCol')), h('th', {}, t('capacityCol')),
      h('th', {}, t('companyCol')), h('th', {}, t('leadersCol')))),
    h('tbody', {}, ranking.map((r) => h('tr', { 'data-region-id': r.region.id },
      h('td', { class: 'number' }, r.rank),
      h('td', {}, nameOf(r.region, language)),
      h('td', { class: 'number' }, figure(r.knownCapacity, r.unit, productId),
        r.linesWithUnknownCapacity > 0
          ? h('span', { class: 'muted' }, r.knownCapacity === null ? '' : pick(` +${r.linesWithUnknownCapacity} 条未知`, ` +${r.linesWithUnknownCapacity} unknown`))
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
      h('h4', {}, swatch(kind.color), `${kindName(gap.kind)} · ${word(gap.action, gap.action)}`,
        h('span', { class: 'muted' }, ` ${t('severity', { value: gap.severity.toFixed(1) })}`)),
      h('p', { class: 'explanation' }, unitsInText(gap.explanation, product.id)),
      gap.kind === 'NO_INNOVATION_SUPPORT'
        ? null
        : h('div', { class: 'gap-candidates' }, h('h5', {}, t('panelSuggested')),
          candidateList(withCandidates ? withCandidates.candidates : [], language, openCompany, addLead)));
  });
  return h('div', { class: 'product-panel', 'data-product-id': product.id },
    h('h2', {}, nameOf(product, language)),
    h('p', { class: 'muted' }, `${nameOf(product, language === 'en' ? 'zh' : 'en')} · ${t('unit')} ${unitName(product.unit, product.id)} · ${product.chains.map((c) => nameOf(c, language)).join(language === 'en' ? ', ' : '、')}`),
    model.products.has(product.id)
      ? [section(t('panelBalance', { scenario: scenarioZh }), balanceFigures(model.balances.get(product.id), product.id)),
        section(t('panelGaps', { count: mapGaps.length }), mapGaps.length === 0 ? empty(t('panelNoGaps')) : gapSections)]
      : h('p', { class: 'note' }, t('panelOtherChain')),
    elsewhere,
    mapGaps.length === 0 ? section(t('panelCandidatesOutside'), candidateList(detail.candidates, language, openCompany, addLead)) : null,
    section(t('panelLocalLines', { count: local.length }), localProducers(local, model.balances.get(product.id), scenario,
      language, openCompany, product.id)),
    section(t('panelOutsideProducers', { count: outside.length }), producerTable(outside, language, openCompany, product.id)),
    section(t('panelNational'), regionRankingTable(ranking, language, openCompany, product.id)));
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
      company.local ? t('localCompany') : t('outsideCompany'),
      company.headquarters ? t('headquarters', { place: nameOf(company.headquarters, language) }) : null,
      company.aliases.length > 0 ? `${pick('又名', 'also')} ${company.aliases.join('、')}` : null,
    ].filter(Boolean).join(' · ')),
    section(t('panelSites', { count: company.sites.length }), company.sites.length === 0 ? empty(t('none'))
      : h('ul', { class: 'sites' }, company.sites.map((site) => h('li', { class: 'site', 'data-site-id': site.id },
        h('strong', {}, [site.name || site.id, site.region, site.district].filter(Boolean).join(' · ')),
        h('ul', {}, (productionsBySite.get(site.id) ?? []).map((p) => h('li', {},
          `${nameOf(p.product, language)} · ${figure(p.capacity, p.unit, p.product.id)} · ${statusName(p.status)}`))))))),
    section(t('panelProducts', { count: products.length }), products.length === 0 ? empty(t('none'))
      : h('ul', { class: 'inline-list' }, products.map((p) => h('li', {}, nameOf(p, language))))),
    section(t('panelChains', { count: company.chains.length }), company.chains.length === 0 ? empty(t('none'))
      : chainLinks(company, language, openChain)),
    section(t('panelProjects', { count: company.projects.length }), company.projects.length === 0 ? empty(t('none'))
      : h('ul', {}, company.projects.map((p) => h('li', {},
        `${nameOf(p, language)} · ${statusName(p.status)}`,
        p.capacity !== null ? ` · ${figure(p.capacity, p.unit)}` : '',
        p.district ? ` · ${p.district}` : '')))),
    section(t('panelPlatforms', { count: company.platforms.length }), company.platforms.length === 0 ? empty(t('none'))
      : h('ul', {}, company.platforms.map((p) => h('li', {}, `${nameOf(p, language)} · ${p.kind}`)))),
    section(t('panelSuppliers', { count: company.links.filter((l) => l.direction === 'SUPPLIER').length }),
      partnerLinks(company, language, 'SUPPLIER', openCompany)),
    section(t('panelCustomers', { count: company.links.filter((l) => l.direction === 'CUSTOMER').length }),
      partnerLinks(company, language, 'CUSTOMER', openCompany)),
    section(pick('断供影响（本地厂址停产时）', 'If its local sites stop'), impact));
}
