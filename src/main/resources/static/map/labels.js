// Chinese words of the page for the API's enum values, and the gap colours the map and the
// legend share.

import { quantity, t, word } from './i18n.js';

// each kind has a glyph too, so that a reader who cannot tell the colours apart still can
export const GAP_KINDS = [
  { kind: 'MISSING', zh: '缺失环节', color: '#c62828', glyph: '✕' },
  { kind: 'SHORTFALL', zh: '本地供给不足', color: '#ef6c00', glyph: '▽' },
  { kind: 'PIPELINE_ONLY', zh: '仅有在建/拟建', color: '#8e24aa', glyph: '◔' },
  { kind: 'SINGLE_SOURCE', zh: '单一来源', color: '#6d4c41', glyph: '①' },
  { kind: 'EXTENSION', zh: '产能外溢 (延链)', color: '#1565c0', glyph: '↗' },
  { kind: 'NO_INNOVATION_SUPPORT', zh: '无创新平台支撑 (环节)', color: '#00897b', glyph: '⚑' },
];

export const NO_GAP_COLOR = '#9fb3bf';

export function gapKind(kind) {
  return GAP_KINDS.find((k) => k.kind === kind) ?? { kind, zh: kind, color: NO_GAP_COLOR, glyph: '' };
}

/** A gap kind's name in the page's language. */
export function kindName(kind) {
  return word(kind, gapKind(kind).zh);
}

/** A production status (在产, 在建, 拟建) in the page's language. */
export function statusName(status) {
  return word(status, STATUS_ZH[status]);
}

export const STATUS_ZH = { OPERATING: '在产', UNDER_CONSTRUCTION: '在建', PLANNED: '拟建' };

export const STAGE_ZH = { UPSTREAM: '上游', MIDSTREAM: '中游', DOWNSTREAM: '下游', SUPPORTING: '配套' };

export const SCENARIO_ZH = { CURRENT: '现状', PLANNED: '规划', PIPELINE: '含招商线索' };

/** The name of a thing in the chosen language; the other one when that is missing. */
export function nameOf(thing, language) {
  if (!thing) {
    return '';
  }
  return (language === 'en' ? thing.name || thing.nameZh : thing.nameZh || thing.name) ?? thing.id;
}

/** A figure with its unit in the reader's language (1.2 万吨, 12,000 t); i18n.quantity writes it. */
export function figure(value, unit, productId) {
  return quantity(value, unit, productId);
}

export function percent(value) {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`;
}

/**
 * A figure with its bound (the API's Bound): never an unknown shown as 0. "≥ 5 t" for a lower
 * bound, "≤ 80%" for an upper one, "未知" for an unknown.
 */
export function bounded(value, bound, text) {
  if (value === null || value === undefined || bound === 'UNKNOWN') {
    return t('unknown');
  }
  if (bound === 'AT_LEAST') {
    return `≥ ${text}`;
  }
  if (bound === 'AT_MOST') {
    return `≤ ${text}`;
  }
  return text;
}

/**
 * What the map knows of a product's local capacity: 'known' (a figure, exact or a lower bound),
 * 'unknown' (made locally, no capacity known: 有生产、产能未知) or 'none' (not made locally).
 */
export function capacityState(balance) {
  if (!balance || balance.producerCount === 0) {
    return 'none';
  }
  return balance.capacityBound === 'UNKNOWN' ? 'unknown' : 'known';
}
