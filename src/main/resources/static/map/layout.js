// Where the products of a chain sit in their columns and how the edges between them run. A
// column must read like the process it shows (upstream on top, along FEEDS), and an edge must
// never be mistaken for passing through a product: both are claims the map makes to its reader.

// free space kept between an edge and a node's body or label
const CLEARANCE = 4;
// from a column's centre to the free gap between columns: past every body and label
const CHANNEL = 64;
// the same-segment edges of a column run beside its widest body or label, one track each,
// inside the segment's box (its padding is 18)
const TRACK = 5;
const TRACKS = 3;
const SWEEPS = 4;

/**
 * The ids of each column, reordered: inside a column every edge between two of its products
 * runs from top to bottom (a topological order; a cycle is broken where it must be), and
 * otherwise products sit near the mean row of their neighbours in other columns (barycentre
 * sweeps, alternately from the left and the right), so that fewer edges cross. Ties keep the
 * given order, so the same data always gives the same picture.
 */
export function orderColumns(columns, edges) {
  const columnOf = new Map();
  columns.forEach((ids, column) => ids.forEach((id) => columnOf.set(id, column)));
  const neighbours = new Map([...columnOf.keys()].map((id) => [id, []]));
  const inside = columns.map(() => []);
  for (const { source, target } of edges) {
    if (!columnOf.has(source) || !columnOf.has(target) || source === target) {
      continue;
    }
    if (columnOf.get(source) === columnOf.get(target)) {
      inside[columnOf.get(source)].push({ source, target });
    } else {
      neighbours.get(source).push(target);
      neighbours.get(target).push(source);
    }
  }
  const order = columns.map((ids) => [...ids]);
  const rank = new Map();
  const rankColumn = (column) => order[column].forEach((id, row) => rank.set(id, row - (order[column].length - 1) / 2));
  order.forEach((ids, column) => rankColumn(column));

  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    const rightwards = sweep % 2 === 0;
    // the first sweep looks at the columns already placed only, later ones at both sides
    const counts = (column, other) => (sweep < 2 ? (rightwards ? other < column : other > column) : other !== column);
    const sequence = order.map((ids, column) => column);
    if (!rightwards) {
      sequence.reverse();
    }
    for (const column of sequence) {
      const key = new Map(order[column].map((id) => {
        const ranks = neighbours.get(id).filter((other) => counts(column, columnOf.get(other))).map((other) => rank.get(other));
        return [id, ranks.length > 0 ? ranks.reduce((a, b) => a + b, 0) / ranks.length : rank.get(id)];
      }));
      order[column] = topologicalOrder(order[column], inside[column], key);
      rankColumn(column);
    }
  }
  return order;
}

/** Kahn's algorithm, taking the free product of the lowest key first (then the earlier one). */
function topologicalOrder(ids, edges, key) {
  const index = new Map(ids.map((id, i) => [id, i]));
  const before = (a, b) => (key.get(a) - key.get(b)) || (index.get(a) - index.get(b));
  const incoming = new Map(ids.map((id) => [id, 0]));
  for (const { target } of edges) {
    incoming.set(target, incoming.get(target) + 1);
  }
  const left = new Set(ids);
  const placed = [];
  while (left.size > 0) {
    const free = [...left].filter((id) => incoming.get(id) === 0);
    // a cycle leaves nothing free: the earliest by key goes first and its edge runs upwards
    const next = (free.length > 0 ? free : [...left]).sort(before)[0];
    left.delete(next);
    placed.push(next);
    for (const edge of edges) {
      if (edge.source === next && left.has(edge.target)) {
        incoming.set(edge.target, incoming.get(edge.target) - 1);
      }
    }
  }
  return placed;
}

/**
 * The bends of each edge, as cytoscape's segment weights and distances (relative to the line
 * from the source's centre to the target's), for the edges that a straight line would lead
 * through a node or a label; an edge that is clear stays straight and is not in the answer.
 *
 * A bent edge leaves its source sideways into the gap beside the column, crosses each column
 * between its ends through the free lane between two rows nearest to its straight line, and
 * enters its target from the gap beside it; bends that are not needed are then dropped (a
 * bend is kept only when the shortcut past it would touch something). An edge inside one
 * column runs on a track beside the column's widest body or label, inside the segment's box,
 * downwards on the right, upwards on the left.
 *
 * nodes: id → { x, y, column, half (half the body's width), label: { x1, y1, x2, y2 } or null }.
 */
export function routeEdges(nodes, edges, columnWidth) {
  const byColumn = new Map();
  for (const [id, node] of nodes) {
    const list = byColumn.get(node.column) ?? [];
    list.push({ id, ...node });
    byColumn.set(node.column, list);
  }
  const lanes = new Map([...byColumn].map(([column, list]) => [column, lanesOf(list)]));
  const extents = new Map([...byColumn].map(([column, list]) => [column,
    Math.max(...list.map((n) => Math.max(n.half, n.label ? (n.label.x2 - n.label.x1) / 2 : 0)))]));
  const obstacles = [...nodes].flatMap(([id, node]) => [
    { id, body: true, ...inflate(box(node.x, node.y, node.half, node.half), CLEARANCE) },
    ...(node.label ? [{ id, body: false, ...inflate(node.label, 1) }] : []),
  ]);
  const laneUse = new Map();
  const tracks = new Map();
  const links = new Set(edges.map((e) => `${e.source} ${e.target}`));
  const routes = new Map();
  // the shortest edges inside a column take the innermost tracks
  const span = (e) => (nodes.get(e.source)?.column === nodes.get(e.target)?.column
    ? Math.abs(nodes.get(e.source).y - nodes.get(e.target).y) : 0);
  for (const edge of [...edges].sort((a, b) => span(a) - span(b))) {
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      continue;
    }
    // an endpoint's own body is where the edge starts or ends; its label is still in the way
    const blocking = obstacles.filter((o) => !(o.body && (o.id === edge.source || o.id === edge.target)));
    const clear = (a, b) => blocking.every((o) => !crosses(a, b, o));
    let bends;
    if (source.column === target.column) {
      bends = trackBends(source, target, extents.get(source.column), tracks);
    } else if (clear(source, target) && !links.has(`${edge.target} ${edge.source}`)) {
      continue;
    } else {
      bends = pull([source, ...channelBends(source, target, lanes, laneUse, columnWidth), target], clear);
      if (bends.length === 0) {
        // a pair of edges both ways between two products: each bows to its own side
        bends = [offsetMiddle(source, target, 8)];
      }
    }
    routes.set(edge.id, segments(source, target, bends));
  }
  return routes;
}

/** The y of the free lanes of a column: above its first row, between rows, below its last. */
function lanesOf(list) {
  const rows = list.map((n) => ({
    top: n.y - n.half,
    bottom: Math.max(n.y + n.half, n.label ? n.label.y2 : n.y + n.half),
  })).sort((a, b) => a.top - b.top);
  if (rows.length === 0) {
    return [];
  }
  const lanes = [{ y: rows[0].top - 3 * CLEARANCE, room: 3 * CLEARANCE }];
  for (let i = 1; i < rows.length; i++) {
    lanes.push({ y: (rows[i - 1].bottom + rows[i].top) / 2, room: (rows[i].top - rows[i - 1].bottom) / 2 - CLEARANCE });
  }
  lanes.push({ y: rows[rows.length - 1].bottom + 3 * CLEARANCE, room: 3 * CLEARANCE });
  return lanes;
}

function channelBends(source, target, lanes, laneUse, columnWidth) {
  const step = Math.sign(target.column - source.column);
  const bends = [{ x: source.x + step * CHANNEL, y: source.y }];
  for (let column = source.column + step; column !== target.column; column += step) {
    const x = column * columnWidth;
    const wanted = source.y + ((target.y - source.y) * (x - source.x)) / (target.x - source.x);
    const candidates = lanes.get(column) ?? [];
    let y = wanted;
    if (candidates.length > 0) {
      const lane = candidates.reduce((best, l) => (Math.abs(l.y - wanted) < Math.abs(best.y - wanted) ? l : best));
      // edges sharing a lane are drawn side by side, not on top of each other
      const key = `${column}:${lane.y}`;
      const used = laneUse.get(key) ?? 0;
      laneUse.set(key, used + 1);
      const offset = Math.ceil(used / 2) * 4 * (used % 2 === 0 ? 1 : -1);
      y = lane.y + Math.max(-lane.room, Math.min(lane.room, offset));
    }
    bends.push({ x: x - step * CHANNEL, y }, { x: x + step * CHANNEL, y });
  }
  bends.push({ x: target.x - step * CHANNEL, y: target.y });
  return bends;
}

/** The fewest of the path's inner points that keep every leg clear (greedy string pulling). */
function pull(path, clear) {
  const kept = [];
  let from = 0;
  while (from < path.length - 1) {
    let to = path.length - 1;
    while (to > from + 1 && !clear(path[from], path[to])) {
      to -= 1;
    }
    if (to < path.length - 1) {
      kept.push(path[to]);
    }
    from = to;
  }
  return kept;
}

/**
 * Down the right of the column (up the left for an edge against the order), leaving the source
 * below its middle and entering the target above it, so that the edge is not read as one of
 * the edges to other columns that leave and enter at the middle.
 */
function trackBends(source, target, extent, tracks) {
  const side = target.y >= source.y ? 1 : -1;
  const from = Math.min(source.y, target.y);
  const to = Math.max(source.y, target.y);
  // the innermost track whose edges do not overlap this one (the outermost when all do)
  let track = 0;
  while (track < TRACKS - 1
    && (tracks.get(`${source.column}:${side}:${track}`) ?? []).some((t) => t.from < to && from < t.to)) {
    track += 1;
  }
  const key = `${source.column}:${side}:${track}`;
  tracks.set(key, [...(tracks.get(key) ?? []), { from, to }]);
  const x = source.x + side * (extent + TRACK * (1 + track));
  return [{ x, y: source.y + side * source.half * 0.6 }, { x, y: target.y - side * target.half * 0.6 }];
}

function offsetMiddle(source, target, distance) {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  return { x: (source.x + target.x) / 2 - (dy / length) * distance, y: (source.y + target.y) / 2 + (dx / length) * distance };
}

/** Points as cytoscape's segment weights (along source → target) and distances (across it). */
function segments(source, target, points) {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const square = dx * dx + dy * dy;
  const length = Math.sqrt(square);
  return {
    weights: points.map((p) => ((p.x - source.x) * dx + (p.y - source.y) * dy) / square),
    distances: points.map((p) => ((p.x - source.x) * -dy + (p.y - source.y) * dx) / length),
  };
}

function box(x, y, halfWidth, halfHeight) {
  return { x1: x - halfWidth, y1: y - halfHeight, x2: x + halfWidth, y2: y + halfHeight };
}

function inflate(b, by) {
  return { x1: b.x1 - by, y1: b.y1 - by, x2: b.x2 + by, y2: b.y2 + by };
}

/** Whether the segment a–b passes through the box (Liang–Barsky clipping). */
function crosses(a, b, o) {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [[-dx, a.x - o.x1], [dx, o.x2 - a.x], [-dy, a.y - o.y1], [dy, o.y2 - a.y]]) {
    if (p === 0) {
      if (q < 0) {
        return false;
      }
    } else {
      const t = q / p;
      if (p < 0) {
        t0 = Math.max(t0, t);
      } else {
        t1 = Math.min(t1, t);
      }
      if (t0 > t1) {
        return false;
      }
    }
  }
  return true;
}
