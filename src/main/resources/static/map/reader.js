// For every reader: the chain as a table a keyboard can walk, and a PNG that says what it shows
// (chain, scenario, city, the data's date), with its legend and source, so that a picture pasted
// into a briefing still reads on its own.

import { bounded, capacityState, figure, kindName, percent, nameOf } from './labels.js';
import { productGapKinds } from './graph.js';
import { t } from './i18n.js';
import { h } from './panels.js';

/** The one line a PNG or a print is titled with. */
export function printTitle({ chain, scenario, city, date }) {
  return [chain, scenario, city, date ? t('dataDate', { date }) : ''].filter(Boolean).join(' · ');
}

function capacityCell(balance, product) {
  const state = capacityState(balance);
  if (state === 'none') {
    return t('notMadeLocally', { figure: figure(0, product.unit, product.id) });
  }
  if (state === 'unknown') {
    return t('unknown');
  }
  return bounded(balance.localCapacity, balance.capacityBound, figure(balance.localCapacity, product.unit, product.id));
}

function selfSufficiencyCell(balance) {
  if (!balance || balance.selfSufficiencyBound === null || balance.selfSufficiencyBound === undefined) {
    return t('noDemand');
  }
  return bounded(balance.selfSufficiency, balance.selfSufficiencyBound, percent(balance.selfSufficiency));
}

/**
 * The chain's products as rows (segment, product, local capacity, self-sufficiency, gap kinds,
 * severity). Only one row is in the Tab order at a time (a roving tabindex): Tab enters and
 * leaves the table, the arrow keys, Home and End move inside it, Enter opens the product.
 */
export function chainTable({ model, language, caption, onOpen }) {
  const rows = [];
  for (const segment of model.segments) {
    for (const product of model.products.values()) {
      if (product.segment.id !== segment.id) {
        continue;
      }
      const balance = model.balances.get(product.id);
      const gaps = model.gapsByProduct.get(product.id) ?? [];
      const severity = gaps.length === 0 ? null : Math.max(...gaps.map((g) => g.severity));
      const kinds = productGapKinds(model, product.id);
      rows.push(h('tr', {
        tabindex: rows.length === 0 ? '0' : '-1',
        'data-product-id': product.id,
        'aria-label': `${nameOf(segment, language)} · ${nameOf(product, language)}`,
      },
      h('td', {}, nameOf(segment, language)),
      h('th', { scope: 'row' }, nameOf(product, language)),
      h('td', { class: 'number' }, capacityCell(balance, product)),
      h('td', { class: 'number' }, selfSufficiencyCell(balance)),
      h('td', {}, kinds.map(kindName).join('、') || '—'),
      h('td', { class: 'number' }, severity === null ? '—' : severity.toFixed(1))));
    }
  }
  const move = (from, to) => {
    const target = rows[Math.max(0, Math.min(rows.length - 1, to))];
    if (!target || target === from) {
      return;
    }
    from.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  };
  const keys = (event) => {
    const row = event.target.closest('tr[data-product-id]');
    if (!row) {
      return;
    }
    const at = rows.indexOf(row);
    const step = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      move(row, step);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(row.dataset.productId);
    }
  };
  const click = (event) => {
    const row = event.target.closest('tr[data-product-id]');
    if (row) {
      onOpen(row.dataset.productId);
    }
  };
  return h('table', { class: 'chain-rows', onkeydown: keys, onclick: click },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ['colSegment', 'colProduct', 'colCapacity', 'colSelfSufficiency', 'colGaps', 'colSeverity']
      .map((key) => h('th', { scope: 'col' }, t(key))))),
    h('tbody', {}, rows));
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** Lines of text no wider than {@code width}, broken between characters where need be. */
function wrap(context, text, width) {
  const lines = [];
  let line = '';
  for (const character of text) {
    if (context.measureText(line + character).width > width && line) {
      lines.push(line);
      line = character;
    } else {
      line += character;
    }
  }
  return line ? [...lines, line] : lines;
}

/**
 * The map as a PNG with a title band (chain · scenario · city · data date) above it and the
 * legend and source line below it. Resolves to the PNG's blob; what it drew is left on
 * document.body.dataset (pngTitle, pngSize) for the browser tests.
 */
export async function exportPng(cy, { chain, scenario, city, date, legend, source }) {
  const map = await createImageBitmap(cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }));
  const width = Math.max(map.width, 1400);
  const pad = 32;
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  const title = printTitle({ chain, scenario, city, date });
  context.font = `24px ${FONT}`;
  const legendRows = Math.ceil(legend.length / 4);
  const sourceLines = wrap(context, source, width - 2 * pad);
  const top = 84;
  const bottom = 24 + legendRows * 36 + sourceLines.length * 32 + 24;
  canvas.width = width;
  canvas.height = top + map.height + bottom;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#1f2d3a';
  context.font = `bold 36px ${FONT}`;
  context.textBaseline = 'middle';
  context.fillText(title, pad, top / 2, width - 2 * pad);
  context.fillStyle = '#d5dee6';
  context.fillRect(pad, top - 2, width - 2 * pad, 2);
  context.drawImage(map, Math.round((width - map.width) / 2), top);
  let y = top + map.height + 24 + 18;
  context.font = `24px ${FONT}`;
  const column = (width - 2 * pad) / 4;
  legend.forEach((entry, index) => {
    const x = pad + (index % 4) * column;
    const rowY = y + Math.floor(index / 4) * 36;
    context.fillStyle = entry.color;
    context.beginPath();
    context.arc(x + 10, rowY, 10, 0, 2 * Math.PI);
    context.fill();
    context.fillStyle = '#1f2d3a';
    context.fillText(`${entry.glyph ? `${entry.glyph} ` : ''}${entry.text}`, x + 28, rowY, column - 36);
  });
  y += legendRows * 36;
  context.fillStyle = '#5f6f7c';
  for (const line of sourceLines) {
    context.fillText(line, pad, y);
    y += 32;
  }
  document.body.dataset.pngTitle = title;
  document.body.dataset.pngSize = `${canvas.width}x${canvas.height}`;
  document.body.dataset.pngMapSize = `${map.width}x${map.height}`;
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}
