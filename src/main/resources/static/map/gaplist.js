// The chain's gaps ranked by severity (the API's order: most severe first, comparable across
// chains), filtered by kind; a click selects the product on the map. "Where are we weakest?"
// in one look instead of a click per node.

import { GAP_KINDS, gapKind, nameOf } from './labels.js';
import { h } from './panels.js';

export function gapList({ model, language, kind, onKind, onSelect }) {
  const gaps = model.gaps.filter((gap) => !kind || gap.kind === kind);
  const counts = new Map(GAP_KINDS.map((k) => [k.kind, model.gaps.filter((g) => g.kind === k.kind).length]));
  return h('div', { class: 'gap-list-body', 'data-gaps': String(gaps.length) },
    h('h2', {}, `缺口清单（${model.gaps.length}）`),
    h('select', {
      'aria-label': '按缺口类型筛选',
      onchange: (event) => onKind(event.target.value || null),
    },
    h('option', { value: '' }, '全部类型'),
    GAP_KINDS.filter((k) => counts.get(k.kind) > 0).map((k) => h('option', {
      value: k.kind, selected: k.kind === kind,
    }, `${k.glyph} ${k.zh}（${counts.get(k.kind)}）`))),
    h('p', { class: 'muted' }, '按严重度排序（各链可比）；点击定位到图谱'),
    gaps.length === 0 ? h('p', { class: 'muted' }, '本情景下无此类缺口') : h('ol', { class: 'gap-rows' },
      gaps.map((gap, index) => {
        const k = gapKind(gap.kind);
        const product = model.products.get(gap.product.id);
        return h('li', {},
          h('button', {
            type: 'button',
            class: 'gap-row',
            'data-product-id': gap.product.id,
            'data-gap-kind': gap.kind,
            'data-severity': String(gap.severity),
            onclick: () => onSelect(gap.product.id),
          },
          h('span', { class: 'rank' }, String(index + 1)),
          h('span', { class: 'glyph', title: k.zh, style: { color: k.color } }, k.glyph),
          h('span', { class: 'gap-name' }, product ? nameOf(product, language) : gap.product.id,
            h('span', { class: 'muted' }, ` ${k.zh} · ${gap.action}`)),
          h('span', { class: 'severity' }, gap.severity.toFixed(1))));
      })));
}
