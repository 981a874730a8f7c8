// 地区对比 (issue 16): a chain's products across the provinces that make most of it — what each
// province makes of each product, its known capacity and producers, its self-sufficiency there
// and the gaps the province's own analysis finds. A capacity nobody publishes is 未知, never 0; a
// product a province does not make is an empty cell.

import { GAP_KINDS, bounded, figure, gapKind, kindName, nameOf, percent } from './labels.js';
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
    // a segment without a platform is a gap of nearly every province: marked on the map, not here
    const gaps = c.gaps.filter((kind) => kind !== 'NO_INNOVATION_SUPPORT').map(gapKind);
    return h('td', {
      class: c.knownCapacity === null ? 'cell unknown' : 'cell',
      'data-region-id': region.id,
      'data-product-id': product.id,
      title: `${nameOf(region, language)} · ${nameOf(product, language)}${pick(`：${c.producers} 家企业、${c.sites} 个厂址`, `: ${c.producers} companies, ${c.sites} sites`)}`
        + (unknown > 0 ? `，${unknown} 条产线产能未知` : '')
        + selfSufficiencyWords(c)
        + (gaps.length > 0 ? `${pick('；缺口：', '; gaps: ')}${gaps.map((k) => kindName(k.kind)).join(pick('、', ', '))}` : ''),
    },
    h('span', { class: 'figure' }, figure(c.knownCapacity, product.unit, product.id)),
    h('span', { class: 'muted' }, pick(` ${c.producers}家`, ` ${c.producers} cos.`)),
    c.knownCapacity !== null && unknown > 0 ? h('span', { class: 'muted' }, pick(` +${unknown}未知`, ` +${unknown} unknown`)) : null,
    c.selfSufficiencyBound ? h('div', { class: 'self-sufficiency' }, `${pick('自给率', 'Self-sufficiency')} ${selfSufficiency(c)}`) : null,
    gaps.length > 0 ? h('div', { class: 'cell-gaps' }, gaps.map((k) => h('span', {
      class: 'glyph', 'data-gap-kind': k.kind, title: kindName(k.kind), style: { color: k.color },
    }, k.glyph))) : null);
  };
  return h('div', { class: 'region-matrix', 'data-chain-id': matrix.chainId },
    h('p', { class: 'board-head' }, pick(`${chainName} · 各省份产能对比（${scenarioZh}；前 ${matrix.regions.length} 个省份，按生产企业数排序）`,
      `${chainName} · capacity by province (${scenarioZh}; top ${matrix.regions.length} provinces by producers)`)),
    h('p', { class: 'muted' },
      pick('每格：已知产能合计 · 生产企业数；自给率 = 本省产能 ÷ 本省下游需求（无本省需求时不列）；符号为本省分析得出的缺口（同图谱图例，环节缺创新平台不在此标出）。'
        + '“未知”表示有生产但产能或需求未公开，不按 0 计；空格表示该省无此产品的生产。点击产品名在图谱中打开。',
        'Each cell: known capacity · producers; self-sufficiency = the province\'s capacity ÷ its own downstream demand (left out where it has none); '
        + 'the glyphs are the gaps the province\'s own analysis finds (as in the map legend). "unknown": made there, capacity or demand not published (never counted as 0); '
        + 'empty: not made there. A product name opens it on the map.')),
    legend(matrix.cells),
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

/** The province's self-sufficiency in the product: ≥ / ≤ for a bound, 未知 for an unknown. */
function selfSufficiency(c) {
  return bounded(c.selfSufficiency, c.selfSufficiencyBound, percent(c.selfSufficiency));
}

function selfSufficiencyWords(c) {
  return c.selfSufficiencyBound ? `${pick('；本省自给率 ', '; self-sufficiency ')}${selfSufficiency(c)}` : pick('；本省无下游需求', '; no demand in the province');
}

/** The glyphs of the gap kinds the matrix shows, with their names: the map's legend is not in view. */
function legend(cells) {
  const shown = GAP_KINDS.filter((k) => k.kind !== 'NO_INNOVATION_SUPPORT'
    && cells.some((c) => c.gaps.includes(k.kind)));
  return shown.length === 0 ? null : h('p', { class: 'matrix-legend' }, pick('缺口：', 'Gaps: '), shown.map((k) => h('span', {},
    h('span', { class: 'glyph', title: kindName(k.kind), style: { color: k.color } }, k.glyph), ` ${kindName(k.kind)}`)));
}
