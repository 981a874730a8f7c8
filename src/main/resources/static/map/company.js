// What a company card adds for linked views (issue 14): its chains as links that open the chain
// with the company's products highlighted, its supply partners marked as observed (a recorded
// supply link) or inferred (derived from FEEDS between local sites), and 断供影响 — what loses
// local supply if its local sites stop.

import { bounded, nameOf, percent } from './labels.js';
import { h } from './panels.js';

const KIND_ZH = { OBSERVED: '已核实', POTENTIAL: '推断' };
const KIND_TITLE = {
  OBSERVED: '有记录的供货关系（附来源）',
  POTENTIAL: '由本地厂址间的上下游关系推断，未经核实',
};

/** The company's chains; a click opens the chain with the company's products highlighted. */
export function chainLinks(company, language, openChain) {
  const products = [...new Set(company.productions.map((p) => p.product.id))];
  return h('ul', { class: 'inline-list company-chains' }, company.chains.map((c) => h('li', {},
    h('button', {
      type: 'button',
      class: 'link',
      'data-chain-id': c.id,
      title: '在图谱中打开此链，并突出显示本企业的产品',
      onclick: () => openChain(c.id, products),
    }, nameOf(c, language)))));
}

/** The company's supply links, each labelled observed or inferred. */
export function partnerLinks(company, language, direction, openCompany) {
  const links = company.links.filter((l) => l.direction === direction);
  if (links.length === 0) {
    return h('p', { class: 'muted' }, '无');
  }
  return h('ul', { class: 'partner-links' }, links.map((l) => h('li', { 'data-link-kind': l.kind },
    h('span', { class: `link-kind ${l.kind === 'OBSERVED' ? 'observed' : 'inferred'}`, title: KIND_TITLE[l.kind] },
      KIND_ZH[l.kind] ?? l.kind),
    ' ',
    h('button', {
      type: 'button', class: 'link', 'data-company-id': l.company.id, onclick: () => openCompany(l.company.id),
    }, nameOf(l.company, language)),
    h('span', { class: 'muted' }, ` · ${nameOf(l.product, language)}`))));
}

function ratio(balance) {
  return balance ? bounded(balance.selfSufficiency, balance.selfSufficiencyBound ?? 'EXACT', percent(balance.selfSufficiency))
    : '未知';
}

/** 断供影响 as the card shows it, from the API's Impact. */
export function impactSection(impact, language, openCompany) {
  const before = new Map(impact.before.map((b) => [b.product.id, b]));
  return h('div', { class: 'impact', 'data-affected-products': String(impact.affectedProducts.length),
    'data-affected-companies': String(impact.affectedCompanies.length) },
  impact.affectedProducts.length === 0 ? h('p', { class: 'muted' }, '停产不影响本地其他企业的供给')
    : h('table', { class: 'producers impact-products' },
      h('thead', {}, h('tr', {}, h('th', {}, '产品'), h('th', {}, '本地自给率 现'), h('th', {}, '停产后'))),
      h('tbody', {}, impact.affectedProducts.map((p) => h('tr', { 'data-product-id': p.product.id },
        h('td', {}, nameOf(p.product, language)),
        h('td', { class: 'before' }, ratio(before.get(p.product.id))),
        h('td', { class: 'after' }, ratio(p)))))),
  h('p', {}, `受影响的本地企业 ${impact.affectedCompanies.length} 家`,
    impact.affectedCompanies.length === 0 ? null : '：',
    impact.affectedCompanies.slice(0, 12).flatMap((c, i) => [i > 0 ? '、' : '', h('button', {
      type: 'button', class: 'link', 'data-company-id': c.id, onclick: () => openCompany(c.id),
    }, nameOf(c, language))]),
    impact.affectedCompanies.length > 12 ? ` 等` : null));
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
  return h('p', { class: 'other-chains' }, '本产品属于其他产业链：', others.flatMap((c, i) => [i > 0 ? '、' : '',
    h('button', { type: 'button', class: 'link', 'data-chain-id': c.id, onclick: () => openChain(c.id) },
      `在“${nameOf(c, language)}”中查看`)]));
}
