// Chinese words of the page for the API's enum values, and the gap colours the map and the
// legend share.

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

/** A figure with its unit, in a compact Chinese reading (1.2万 t). */
export function figure(value, unit) {
  if (value === null || value === undefined) {
    return '未知';
  }
  const abs = Math.abs(value);
  let text;
  if (abs >= 1e8) {
    text = `${trim(value / 1e8)}亿`;
  } else if (abs >= 1e4) {
    text = `${trim(value / 1e4)}万`;
  } else {
    text = trim(value);
  }
  return unit ? `${text} ${unit}` : text;
}

function trim(value) {
  return Number(value.toPrecision(4)).toLocaleString('zh-CN', { maximumFractionDigits: 3 });
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
    return '未知';
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
