// What a company card adds for linked views (issue 14): its chains as links that open the chain
// with the company's products highlighted, its supply partners marked as observed (a recorded
// supply link) or inferred (derived from FEEDS between local sites), and 断供影响 — what loses
// local supply if its local sites stop.

import { pick, pickFrom, t } from './i18n.js';
import { bounded, nameOf, percent } from './labels.js';
import { h } from './panels.js';

// [中文, English] of a supply link's kind: its tag and the tag's tooltip
const KIND_TAG = { OBSERVED: ['已核实', 'verified'], POTENTIAL: ['推断', 'inferred'] };
const KIND_TITLE = {
  OBSERVED: ['有记录的供货关系（附来源）', 'A recorded supply link (with its source)'],
  POTENTIAL: ['由本地厂址间的上下游关系推断，未经核实', 'Inferred from upstream/downstream relations between local sites, not verified'],
};

/** The company's chains; a click opens the chain with the company's products highlighted. */
export function chainLinks(company, language, openChain) {
  const products = [...new Set(company.productions.map((p) => p.product.id))];
  return h('ul', { class: 'inline-list company-chains' }, company.chains.map((c) => h('li', {},
    h('button', {
      type: 'button',
      class: 'link',
      'data-chain-id': c.id,
      title: pick('在图谱中打开此链，并突出显示本企业的产品', 'Open this chain on the map with the company\'s products highlighted'),
      onclick: () => openChain(c.id, products),
    }, nameOf(c, language)))));
}

/** The company's supply links, each labelled observed or inferred. */
export function partnerLinks(company, language, direction, openCompany) {
  const links = company.links.filter((l) => l.direction === direction);
  if (links.length === 0) {
    return h('p', { class: 'muted' }, t('none'));
  }
  return h('ul', { class: 'partner-links' }, links.map((l) => h('li', { 'data-link-kind': l.kind },
    h('span', { class: `link-kind ${l.kind === 'OBSERVED' ? 'observed' : 'inferred'}`, title: pickFrom(KIND_TITLE, l.kind) },
      pickFrom(KIND_TAG, l.kind)),
    ' ',
    h('button', {
      type: 'button', class: 'link', 'data-company-id': l.company.id, onclick: () => openCompany(l.company.id),
    }, nameOf(l.company, language)),
    h('span', { class: 'muted' }, ` · ${nameOf(l.product, language)}`))));
}

function ratio(balance) {
  return balance ? bounded(balance.selfSufficiency, balance.selfSufficiencyBound ?? 'EXACT', percent(balance.selfSufficiency))
    : t('unknown');
}

/** 断供影响 as the card shows it, from the API's Impact. */
export function impactSection(impact, language, openCompany) {
  const before = new Map(impact.before.map((b) => [b.product.id, b]));
  return h('div', { class: 'impact', 'data-affected-products': String(impact.affectedProducts.length),
    'data-affected-companies': String(impact.affectedCompanies.length) },
  impact.affectedProducts.length === 0 ? h('p', { class: 'muted' }, pick('停产不影响本地其他企业的供给', 'A stop would not affect the supply of other local companies'))
    : h('table', { class: 'producers impact-products' },
      h('thead', {}, h('tr', {}, h('th', {}, t('colProduct')), h('th', {}, pick('本地自给率 现', 'Self-sufficiency now')),
        h('th', {}, pick('停产后', 'After the stop')))),
      h('tbody', {}, impact.affectedProducts.map((p) => h('tr', { 'data-product-id': p.product.id },
        h('td', {}, nameOf(p.product, language)),
        h('td', { class: 'before' }, ratio(before.get(p.product.id))),
        h('td', { class: 'after' }, ratio(p)))))),
  h('p', {}, pick(`受影响的本地企业 ${impact.affectedCompanies.length} 家`, `Local companies affected: ${impact.affectedCompanies.length}`),
    impact.affectedCompanies.length === 0 ? null : pick('：', ': '),
    impact.affectedCompanies.slice(0, 12).flatMap((c, i) => [i > 0 ? pick('、', ', ') : '', h('button', {
      type: 'button', class: 'link', 'data-company-id': c.id, onclick: () => openCompany(c.id),
    }, nameOf(c, language))]),
    impact.affectedCompanies.length > 12 ? pick(' 等', ' and more') : null));
}

// the company's products on the chain it was opened from: a thick ring, the rest faded
const MARK = {
  selector: 'node.company-product',
  style: { 'border-width': 4, 'border-color': '#1a237e', 'border-style': 'double' },
};

/** Highlights these products on the map (none: nothing changes). */
export function markProducts(cy, productIds) {
  const nodes = cy.nodes().filter((n) => productIds.includes(n.id()));
  if (nodes.empty()) {
    return;
  }
  cy.style().selector(MARK.selector).style(MARK.style).update();
  nodes.addClass('company-product');
  const shown = nodes.union(nodes.ancestors());
  cy.elements().not(shown).addClass('faded');
}

/** For a product of other chains than the open one: a link to each of them. */
export function otherChains(product, chainId, language, openChain) {
  const others = product.chains.filter((c) => c.id !== chainId);
  if (others.length === 0 || product.chains.some((c) => c.id === chainId)) {
    return null;
  }
  return h('p', { class: 'other-chains' }, pick('本产品属于其他产业链：', 'This product belongs to other chains: '),
    others.flatMap((c, i) => [i > 0 ? pick('、', ', ') : '',
    h('button', { type: 'button', class: 'link', 'data-chain-id': c.id, onclick: () => openChain(c.id) },
      pick(`在“${nameOf(c, language)}”中查看`, `see it in “${nameOf(c, language)}”`))]));
}
