// 地区对比 (issue 16): a chain's products across the provinces that make most of it — what each
// province makes of each product, its known capacity and producers. A capacity nobody publishes
// is 未知, never 0; a product a province does not make is an empty cell.

import { figure, nameOf } from './labels.js';
import { h } from './panels.js';
import { pick, unitName } from './i18n.js';

/** The matrix as a table: provinces as rows (most producers first), the chain's products as columns. */
export function regionMatrix({ matrix, chainName, scenarioZh, focusRegion, language, openProduct }) {
  const cells = new Map(matrix.cells.map((c) => [`${c.region.id}/${c.product.id}`, c]));
  const made = matrix.products.filter((p) => matrix.cells.some((c) => c.product.id === p.id));
  const cell = (region, product) => {
    const c = cells.get(`${region.id}/${product.id}`);
    if (!c) {
      return h('td', { class: 'cell empty' }, '');
    }
    const unknown = c.linesWithUnknownCapacity;
    return h('td', {
      class: c.knownCapacity === null ? 'cell unknown' : 'cell',
      'data-region-id': region.id,
      'data-product-id': product.id,
      title: `${nameOf(region, language)} · ${nameOf(product, language)}：${c.producers} 家企业、${c.sites} 个厂址`
        + (unknown > 0 ? `，${unknown} 条产线产能未知` : ''),
    },
    h('span', { class: 'figure' }, figure(c.knownCapacity, product.unit, product.id)),
    h('span', { class: 'muted' }, pick(` ${c.producers}家`, ` ${c.producers} cos.`)),
    c.knownCapacity !== null && unknown > 0 ? h('span', { class: 'muted' }, pick(` +${unknown}未知`, ` +${unknown} unknown`)) : null);
  };
  return h('div', { class: 'region-matrix', 'data-chain-id': matrix.chainId },
    h('p', { class: 'board-head' }, pick(`${chainName} · 各省份产能对比（${scenarioZh}；前 ${matrix.regions.length} 个省份，按生产企业数排序）`,
      `${chainName} · capacity by province (${scenarioZh}; top ${matrix.regions.length} provinces by producers)`)),
    h('p', { class: 'muted' },
      pick('每格：已知产能合计 · 生产企业数；“未知”表示有生产但产能未公开，不按 0 计；空格表示该省无此产品的生产。点击产品名在图谱中打开。',
        'Each cell: known capacity · producers; "unknown": made there, capacity not published (never counted as 0); empty: not made there. A product name opens it on the map.')),
    h('div', { class: 'matrix-scroll' },
      h('table', { class: 'matrix' },
        h('thead', {}, h('tr', {}, h('th', { class: 'region-head' }, pick('省份', 'Province')),
          made.map((p) => h('th', { 'data-product-id': p.id },
            h('button', { type: 'button', class: 'link', onclick: () => openProduct(p.id) }, nameOf(p, language)),
            h('div', { class: 'muted' }, unitName(p.unit, p.id)))))),
        h('tbody', {}, matrix.regions.map((r) => h('tr', {
          'data-region-id': r.id,
          class: r.id === focusRegion ? 'focus-region' : null,
        },
        h('th', { class: 'region-head' }, nameOf(r, language)),
        made.map((p) => cell(r, p))))))));
}
