// The chain's gaps ranked by severity (the API's order: most severe first, comparable across
// chains), filtered by kind; a click selects the product on the map. "Where are we weakest?"
// in one look instead of a click per node.

import { GAP_KINDS, gapKind, kindName, nameOf } from './labels.js';
import { pick, t, word } from './i18n.js';
import { h } from './panels.js';

export function gapList({ model, language, kind, onKind, onSelect }) {
  const gaps = model.gaps.filter((gap) => !kind || gap.kind === kind);
  const counts = new Map(GAP_KINDS.map((k) => [k.kind, model.gaps.filter((g) => g.kind === k.kind).length]));
  return h('div', { class: 'gap-list-body', 'data-gaps': String(gaps.length) },
    h('h2', {}, t('gapListTitle', { count: model.gaps.length })),
    h('select', {
      'aria-label': t('gapFilter'),
      onchange: (event) => onKind(event.target.value || null),
    },
    h('option', { value: '' }, t('allKinds')),
    GAP_KINDS.filter((k) => counts.get(k.kind) > 0).map((k) => h('option', {
      value: k.kind, selected: k.kind === kind,
    }, `${k.glyph} ${kindName(k.kind)}${pick(`（${counts.get(k.kind)}）`, ` (${counts.get(k.kind)})`)}`))),
    h('p', { class: 'muted' }, t('gapListHint')),
    gaps.length === 0 ? h('p', { class: 'muted' }, t('noGapOfKind')) : h('ol', { class: 'gap-rows' },
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
          h('span', { class: 'glyph', title: kindName(gap.kind), style: { color: k.color } }, k.glyph),
          h('span', { class: 'gap-name' }, product ? nameOf(product, language) : gap.product.id,
            h('span', { class: 'muted' }, ` ${kindName(gap.kind)} · ${word(gap.action, gap.action)}`)),
          h('span', { class: 'severity' }, gap.severity.toFixed(1))));
      })));
}
