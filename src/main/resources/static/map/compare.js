// 规划对比 (issue 14): which of the open chain's gaps the planned projects close (a gap now, none
// in PLANNED) and which they open or leave (a gap in PLANNED that is not one now), as a list and
// as a halo on the nodes. A gap is the same gap when its kind and its product agree; a segment
// without a platform is one gap whichever product the API names for it.

import { pick, t } from './i18n.js';
import { gapKind, kindName, nameOf } from './labels.js';
import { h } from './panels.js';

function key(gap) {
  return `${gap.kind}/${gap.kind === 'NO_INNOVATION_SUPPORT' ? `segment:${gap.segment.id}` : gap.product.id}`;
}

/** The set differences of the API's CURRENT and PLANNED gaps, each in the API's severity order. */
export function scenarioDiff(current, planned) {
  const now = new Set(current.map(key));
  const later = new Set(planned.map(key));
  return {
    closed: current.filter((g) => !later.has(key(g))),
    opened: planned.filter((g) => !now.has(key(g))),
    kept: planned.filter((g) => now.has(key(g))).length,
  };
}

// a halo around the node, with a dashed border for the opened ones: not colour alone
const MARKS = [
  {
    selector: 'node.gap-closed',
    style: { 'underlay-color': '#2e7d32', 'underlay-opacity': 0.35, 'underlay-padding': 9, 'underlay-shape': 'ellipse' },
  },
  {
    selector: 'node.gap-opened',
    style: {
      'underlay-color': '#c62828', 'underlay-opacity': 0.3, 'underlay-padding': 9, 'underlay-shape': 'ellipse',
      'border-style': 'dashed', 'border-width': 3, 'border-color': '#c62828',
    },
  },
];

/** Marks the products whose gaps the plan closes or opens; clearDiff takes the marks away. */
export function markDiff(cy, diff) {
  clearDiff(cy);
  const style = cy.style();
  for (const mark of MARKS) {
    style.selector(mark.selector).style(mark.style);
  }
  style.update();
  for (const gap of diff.closed) {
    cy.getElementById(gap.product.id).addClass('gap-closed');
  }
  for (const gap of diff.opened) {
    cy.getElementById(gap.product.id).addClass('gap-opened');
  }
}

export function clearDiff(cy) {
  cy.nodes().removeClass('gap-closed gap-opened');
}

function rows(gaps, model, language, onSelect, sign) {
  if (gaps.length === 0) {
    return h('p', { class: 'muted' }, t('none'));
  }
  return h('ul', { class: 'diff-rows' }, gaps.map((gap) => {
    const k = gapKind(gap.kind);
    const product = model.products.get(gap.product.id);
    const segment = model.segments.find((s) => s.id === gap.segment.id);
    const name = gap.kind === 'NO_INNOVATION_SUPPORT' && segment ? `${nameOf(segment, language)}${pick('（环节）', ' (segment)')}`
      : product ? nameOf(product, language) : gap.product.id;
    return h('li', {},
      h('button', {
        type: 'button',
        class: 'gap-row',
        'data-product-id': gap.product.id,
        'data-gap-kind': gap.kind,
        'data-segment-id': gap.segment.id,
        onclick: () => onSelect(gap.product.id),
      },
      h('span', { class: 'rank' }, sign),
      h('span', { class: 'glyph', title: kindName(gap.kind), style: { color: k.color } }, k.glyph),
      h('span', { class: 'gap-name' }, name, h('span', { class: 'muted' }, ` ${kindName(gap.kind)}`)),
      h('span', { class: 'severity' }, gap.severity.toFixed(1))));
  }));
}

/** The comparison as the side panel shows it. */
export function diffPanel({ diff, model, chainName, language, onSelect }) {
  return h('div', { class: 'scenario-diff', 'data-closed': String(diff.closed.length), 'data-opened': String(diff.opened.length) },
    h('h2', {}, `${chainName} · ${t('compareView')}`),
    h('p', { class: 'muted' },
      pick(`现状（在产）与规划（含在建、拟建项目）的缺口相比；${diff.kept} 项缺口在规划中仍在。图中绿色光晕：规划消除；红色虚线框：规划中新增。严重度为各自情景下的值。`,
        `The gaps now (operating) against the planned ones (with projects under construction and planned); ${diff.kept} gaps remain in the plan. On the map a green halo: closed by the plan; a red dashed ring: opened in the plan. Severities are those of each scenario.`)),
    h('section', { class: 'panel-section diff-closed' },
      h('h3', {}, pick(`✓ 规划项目消除的缺口（${diff.closed.length}）`, `✓ Gaps the planned projects close (${diff.closed.length})`)),
      rows(diff.closed, model, language, onSelect, '✓')),
    h('section', { class: 'panel-section diff-opened' },
      h('h3', {}, pick(`＋ 规划中新增的缺口（${diff.opened.length}）`, `＋ Gaps opened in the plan (${diff.opened.length})`)),
      rows(diff.opened, model, language, onSelect, '＋')));
}
