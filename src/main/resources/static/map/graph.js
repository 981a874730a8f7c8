// Turns the ChainMap answer into cytoscape elements with positions of its own: one column a
// segment (by position), products stacked in rows, products of other chains as ghost columns at
// either edge. A computed preset layout keeps the same data drawing the same picture; layout.js
// orders each column along FEEDS and bends the edges that would cross a node.

import { NO_GAP_COLOR, capacityState, gapKind, nameOf } from './labels.js';
import { orderColumns, routeEdges } from './layout.js';

const FONT_SIZE = 14;
const LINE_HEIGHT = 17;
const LABEL_WIDTH = 118;
const COLUMN_WIDTH = 172;
const ROW_GAP = 22;
const MIN_SIZE = 24;
const MAX_SIZE = 60;
const GHOST_SIZE = 22;

/** Everything the map and the panels need about one chain in one scenario. */
export function chainModel(data) {
  const chain = data.chain;
  const segments = [...chain.segments].sort((a, b) => a.position - b.position);
  const products = new Map();
  for (const segment of segments) {
    for (const product of segment.products) {
      // a product listed under two segments of the chain is drawn once, in the first
      if (!products.has(product.id)) {
        products.set(product.id, { ...product, segment });
      }
    }
  }
  const balances = new Map(data.balance.map((b) => [b.product.id, b]));
  const gapsByProduct = new Map();
  const unsupportedSegments = new Set();
  for (const gap of data.gaps) {
    if (gap.kind === 'NO_INNOVATION_SUPPORT') {
      unsupportedSegments.add(gap.segment.id);
    }
    const list = gapsByProduct.get(gap.product.id) ?? [];
    list.push(gap);
    gapsByProduct.set(gap.product.id, list);
  }
  return { chain, segments, products, balances, gapsByProduct, unsupportedSegments, gaps: data.gaps };
}

/** The kinds of the product's own gaps, most severe first, each once. */
export function productGapKinds(model, productId) {
  return [...new Set((model.gapsByProduct.get(productId) ?? [])
    .filter((gap) => gap.kind !== 'NO_INNOVATION_SUPPORT')
    .map((gap) => gap.kind))];
}

/** The gap a product node is coloured by: its most severe one about the product itself. */
export function colourGap(model, productId) {
  return (model.gapsByProduct.get(productId) ?? []).find((gap) => gap.kind !== 'NO_INNOVATION_SUPPORT');
}

export function elements(model, language) {
  const nodes = [];
  const edges = [];
  const columns = model.segments.map((segment) => [...new Set(segment.products.map((p) => p.id))]
    .filter((id) => model.products.get(id).segment.id === segment.id));
  const ghostsIn = new Map();
  const ghostsOut = new Map();
  const seenEdges = new Set();

  for (const product of model.products.values()) {
    for (const link of product.inputs) {
      if (!model.products.has(link.product.id)) {
        ghostsIn.set(link.product.id, link.product);
        addEdge(edges, seenEdges, link.product.id, product.id, link.basis, true);
      }
    }
    for (const link of product.outputs) {
      const inChain = model.products.has(link.product.id);
      if (!inChain && !ghostsIn.has(link.product.id)) {
        ghostsOut.set(link.product.id, link.product);
      }
      addEdge(edges, seenEdges, product.id, link.product.id, link.basis, !inChain);
    }
  }
  // a product of another chain both feeding and fed by this one sits with the inputs
  for (const id of ghostsIn.keys()) {
    ghostsOut.delete(id);
  }

  const sizes = nodeSizes(model);
  const labels = new Map([...model.products.values()].map((p) => [p.id, nameOf(p, language)]));
  // every gap kind of the product, as glyphs under its name (the colour shows the first only)
  const badges = new Map([...model.products.keys()].map((id) => [id, productGapKinds(model, id)
    .map((kind) => gapKind(kind).glyph).join(' ')]));
  const shown = (id) => (badges.get(id) ? `${labels.get(id)}\n${badges.get(id)}` : labels.get(id));
  const ghostLabels = new Map([...ghostsIn, ...ghostsOut].map(([id, p]) => [id, ghostLabel(p, language)]));
  const placed = placeRows(orderColumns([[...ghostsIn.keys()], ...columns, [...ghostsOut.keys()]],
    edges.map((e) => e.data)), (id) => (sizes.has(id)
    ? { size: sizes.get(id), border: 4, label: shown(id) }
    : { size: GHOST_SIZE, border: 2, label: ghostLabels.get(id) }));
  const rows = placed.rows.slice(1, -1);
  model.segments.forEach((segment, column) => {
    const unsupported = model.unsupportedSegments.has(segment.id);
    const segmentNode = {
      data: {
        id: `segment:${segment.id}`,
        kind: 'segment',
        label: segmentLabel(segment, language, false),
        // shown only with the legend's platform layer on: most segments have no platform
        markedLabel: segmentLabel(segment, language, unsupported),
        nameZh: segment.nameZh,
        name: segment.name,
        unsupported,
      },
      classes: withLanguage(unsupported ? 'segment unsupported' : 'segment', language),
    };
    if (rows[column].length === 0) {
      // a parent takes its place from its products; an empty segment needs one of its own
      segmentNode.position = { x: column * COLUMN_WIDTH, y: 0 };
    }
    nodes.push(segmentNode);
    for (const { id, y } of rows[column]) {
      const product = model.products.get(id);
      const gap = colourGap(model, id);
      const balance = model.balances.get(id);
      nodes.push({
        data: {
          id,
          parent: `segment:${segment.id}`,
          kind: 'product',
          label: labels.get(id),
          display: shown(id),
          gapKinds: productGapKinds(model, id).join(' '),
          nameZh: product.nameZh,
          name: product.name,
          size: sizes.get(id),
          color: gap ? gapKind(gap.kind).color : NO_GAP_COLOR,
          gapKind: gap ? gap.kind : '',
          // null when unknown: a product made locally of unknown capacity is not an empty one
          capacity: balance ? balance.localCapacity : null,
          capacityState: capacityState(balance),
        },
        classes: withLanguage(productClasses(balance), language),
        position: { x: column * COLUMN_WIDTH, y },
      });
    }
  });
  ghostColumn(nodes, placed.rows[0], ghostsIn, -1, language);
  ghostColumn(nodes, placed.rows[placed.rows.length - 1], ghostsOut, model.segments.length, language);
  const routes = routeEdges(placed.geometry, edges.map((e) => e.data), COLUMN_WIDTH);
  for (const edge of edges) {
    const route = routes.get(edge.data.id);
    if (route) {
      // a style of its own (cytoscape draws on a canvas: no inline CSS), bends around nodes
      edge.classes += ' routed';
      edge.style = { 'segment-weights': route.weights.join(' '), 'segment-distances': route.distances.join(' ') };
    }
  }
  return [...nodes, ...edges];
}

/**
 * Filled: a known local capacity; dashed ring: made locally, capacity unknown (有生产、产能未知);
 * hollow: not made locally.
 */
function productClasses(balance) {
  const state = capacityState(balance);
  if (state === 'unknown') {
    return 'product capacity-unknown';
  }
  return state === 'known' && balance.localCapacity > 0 ? 'product' : 'product empty';
}

export function segmentLabel(segment, language, unsupported) {
  const name = nameOf(segment, language);
  return unsupported ? `${name}\n${language === 'en' ? '(no innovation platform)' : '（无创新平台）'}` : name;
}

export function ghostLabel(product, language) {
  const chains = product.chains.map((c) => nameOf(c, language)).join(language === 'en' ? ', ' : '、')
    || (language === 'en' ? 'other' : '其他');
  return language === 'en' ? `${nameOf(product, language)}\n[${chains}]` : `${nameOf(product, language)}\n〔${chains}〕`;
}

function ghostColumn(nodes, rows, ghosts, column, language) {
  for (const { id, y } of rows) {
    const product = ghosts.get(id);
    nodes.push({
      data: {
        id: product.id,
        kind: 'ghost',
        label: ghostLabel(product, language),
        nameZh: product.nameZh,
        name: product.name,
        chains: product.chains,
        size: GHOST_SIZE,
      },
      classes: withLanguage('ghost', language),
      position: { x: column * COLUMN_WIDTH, y },
    });
  }
}

/** Chinese labels wrap between any two characters, English ones between words. */
function withLanguage(classes, language) {
  return language === 'en' ? `${classes} latin` : classes;
}

function addEdge(edges, seen, source, target, basis, crossChain) {
  const id = `${source}->${target}`;
  if (seen.has(id)) {
    return;
  }
  seen.add(id);
  const classes = [basis === 'STOCK' ? 'stock' : 'flow', crossChain ? 'cross' : 'inner'].join(' ');
  edges.push({ data: { id, source, target, basis }, classes });
}

/**
 * The centre of each item stacked top to bottom with a gap, the stack centred on y = 0;
 * heights include the label under a node.
 */
function stack(heights) {
  const total = heights.reduce((a, b) => a + b, 0) + ROW_GAP * Math.max(0, heights.length - 1);
  let top = -total / 2;
  return heights.map((height) => {
    const centre = top + height / 2;
    top += height + ROW_GAP;
    return centre;
  });
}

/** Lines a label wraps to at LABEL_WIDTH. */
export function lineCount(label) {
  return label.split('\n').reduce((lines, part) => lines + Math.max(1, Math.ceil(textWidth(part) / LABEL_WIDTH)), 0);
}

/** CJK characters are about twice as wide as Latin ones. */
function textWidth(text) {
  let width = 0;
  for (const char of text) {
    width += char.charCodeAt(0) > 0x2e80 ? FONT_SIZE : FONT_SIZE * 0.56;
  }
  return width;
}

/**
 * Each column's nodes (the ghost columns first and last), top to bottom in the given order,
 * with their y; and the geometry the edges are routed around: a node's body and its label,
 * which sits under it.
 */
function placeRows(columns, shapeOf) {
  const geometry = new Map();
  const rows = columns.map((ids, index) => {
    const shapes = ids.map(shapeOf);
    // the label sits under the node; the node's own half-height is above its centre
    const ys = stack(shapes.map((s) => s.size + 6 + lineCount(s.label) * LINE_HEIGHT));
    const x = (index - 1) * COLUMN_WIDTH;
    return ids.map((id, row) => {
      const { size, border, label } = shapes[row];
      const y = ys[row] - (lineCount(label) * LINE_HEIGHT) / 2;
      const top = y + size / 2 + 5;
      const half = labelWidth(label) / 2;
      geometry.set(id, {
        x,
        y,
        column: index - 1,
        half: size / 2 + border,
        label: { x1: x - half, y1: top, x2: x + half, y2: top + lineCount(label) * LINE_HEIGHT + 2 },
      });
      return { id, y };
    });
  });
  return { rows, geometry };
}

/** The width of a label's widest wrapped line, as lineCount measures characters. */
function labelWidth(label) {
  return Math.max(...label.split('\n').map((part) => Math.min(LABEL_WIDTH, textWidth(part)))) + 2;
}

/**
 * Node size by local capacity, compared among the chain's products of the same unit (tonnes
 * and gigawatts do not compare); area grows with capacity.
 */
function nodeSizes(model) {
  const largest = new Map();
  for (const balance of model.balances.values()) {
    largest.set(balance.unit, Math.max(largest.get(balance.unit) ?? 0, balance.localCapacity ?? 0));
  }
  const sizes = new Map();
  for (const id of model.products.keys()) {
    const balance = model.balances.get(id);
    const max = balance ? largest.get(balance.unit) : 0;
    const share = balance && max > 0 ? (balance.localCapacity ?? 0) / max : 0;
    // an unknown capacity is drawn at the smallest size of a producing node, not as none
    const unknown = capacityState(balance) === 'unknown';
    sizes.set(id, share > 0 ? MIN_SIZE + 8 + (MAX_SIZE - MIN_SIZE - 8) * Math.sqrt(share) : MIN_SIZE + (unknown ? 8 : 0));
  }
  return sizes;
}

export const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif',
      'font-size': FONT_SIZE,
      'line-height': LINE_HEIGHT / FONT_SIZE,
      color: '#1f2d3a',
      'text-wrap': 'wrap',
      'text-overflow-wrap': 'anywhere',
      'text-max-width': LABEL_WIDTH,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 5,
      'min-zoomed-font-size': 6,
      // labels stay legible where edges pass under them
      'text-background-color': '#eef3f7',
      'text-background-opacity': 0.85,
      'text-background-padding': 1,
    },
  },
  {
    selector: 'node.product',
    style: {
      label: 'data(display)',
      width: 'data(size)',
      height: 'data(size)',
      'background-color': 'data(color)',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  {
    selector: 'node.product.empty',
    style: {
      'background-color': '#ffffff',
      'border-width': 4,
      'border-color': 'data(color)',
    },
  },
  {
    selector: 'node.product.capacity-unknown',
    style: {
      'background-color': 'data(color)',
      'background-opacity': 0.35,
      'border-width': 3,
      'border-style': 'dashed',
      'border-color': 'data(color)',
    },
  },
  {
    selector: 'node.segment',
    style: {
      shape: 'round-rectangle',
      'background-color': '#eef3f7',
      'background-opacity': 1,
      'border-width': 1,
      'border-color': '#c9d6e0',
      padding: 18,
      'text-valign': 'top',
      'text-margin-y': -6,
      'font-size': FONT_SIZE,
      'font-weight': 'bold',
      color: '#30475e',
      'text-max-width': COLUMN_WIDTH - 30,
      'text-background-opacity': 0,
    },
  },
  {
    // a quiet marker: a dotted border; the platform layer names it
    selector: 'node.segment.unsupported',
    style: {
      'border-width': 1.5,
      'border-style': 'dotted',
      'border-color': '#5f9e96',
    },
  },
  {
    selector: 'node.segment.unsupported.platform-layer',
    style: {
      label: 'data(markedLabel)',
      'border-width': 3,
      'border-style': 'dashed',
      'border-color': '#00897b',
    },
  },
  {
    selector: 'node.ghost',
    style: {
      shape: 'round-rectangle',
      width: GHOST_SIZE,
      height: GHOST_SIZE,
      'background-color': '#ffffff',
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': '#8a99a6',
      color: '#5b6b78',
      'font-style': 'italic',
      'text-background-color': '#f6f8fa',
    },
  },
  {
    selector: 'edge',
    style: {
      width: 1.6,
      'curve-style': 'straight',
      'line-color': '#7d8d99',
      'target-arrow-color': '#7d8d99',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      opacity: 0.85,
    },
  },
  { selector: 'node.latin', style: { 'text-overflow-wrap': 'whitespace' } },
  { selector: 'edge.cross', style: { 'line-color': '#b0bcc5', 'target-arrow-color': '#b0bcc5' } },
  { selector: 'edge.stock', style: { 'line-style': 'dashed' } },
  // the bends themselves are each edge's own (graph.js routes them), relative to the centres
  { selector: 'edge.routed', style: { 'curve-style': 'segments', 'edge-distances': 'node-position' } },
  {
    selector: 'node:selected',
    style: { 'overlay-color': '#1e88e5', 'overlay-opacity': 0.18, 'overlay-padding': 6 },
  },
  { selector: '.faded', style: { opacity: 0.25 } },
];
