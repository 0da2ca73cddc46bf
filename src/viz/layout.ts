// Geometry of the cluster stage, in virtual units (the SVG viewBox and the particle canvas share
// them): controllers on top, producers left, consumers right, broker cards in a grid between.

export const STAGE_WIDTH = 1000;
export const STAGE_HEIGHT = 580;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface NodeBox extends Box {
  /** where messages leave and arrive */
  cx: number;
  cy: number;
}

export interface StageLayout {
  brokers: Record<number, NodeBox>;
  controllers: Record<number, NodeBox>;
  clients: Record<string, NodeBox>;
  chip: { w: number; h: number; gap: number; perRow: number };
}

export interface LayoutInput {
  brokers: number[];
  controllers: number[];
  producers: string[];
  consumers: string[];
  /** the most replicas any broker hosts (sizes the chips) */
  maxReplicasPerBroker: number;
}

const SIDE = 120;
const TOP = 78;
const GAP = 14;

function centered(b: Box): NodeBox {
  return { ...b, cx: b.x + b.w / 2, cy: b.y + b.h / 2 };
}

function column(ids: string[], x: number, top: number, bottom: number): Record<string, NodeBox> {
  const out: Record<string, NodeBox> = {};
  const h = 86;
  const span = bottom - top;
  ids.forEach((id, i) => {
    const cy = top + (span * (i + 1)) / (ids.length + 1);
    out[id] = centered({ x, y: cy - h / 2, w: SIDE - 20, h });
  });
  return out;
}

/** Grid with the aspect of the area: 6 brokers -> 3 x 2, 12 -> 4 x 3. */
export function gridShape(n: number, w: number, h: number): { cols: number; rows: number } {
  let best = { cols: n, rows: 1, score: -Infinity };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const cellW = w / cols;
    const cellH = h / rows;
    const score = Math.min(cellW / 1.25, cellH) - (cols * rows - n) * 2;
    if (score > best.score) best = { cols, rows, score };
  }
  return { cols: best.cols, rows: best.rows };
}

export function layoutStage(input: LayoutInput): StageLayout {
  const areaX = SIDE + 10;
  const areaW = STAGE_WIDTH - 2 * (SIDE + 10);
  const areaY = TOP + 10;
  const areaH = STAGE_HEIGHT - areaY - 10;
  const n = Math.max(1, input.brokers.length);
  const { cols, rows } = gridShape(n, areaW, areaH);
  const w = (areaW - GAP * (cols - 1)) / cols;
  const h = (areaH - GAP * (rows - 1)) / rows;
  const brokers: Record<number, NodeBox> = {};
  input.brokers.forEach((id, i) => {
    const col = i % cols;
    const row = Math.floor(i / cols);
    const lastRowCount = n - (rows - 1) * cols;
    const shift = row === rows - 1 ? ((cols - lastRowCount) * (w + GAP)) / 2 : 0;
    brokers[id] = centered({
      x: areaX + shift + col * (w + GAP),
      y: areaY + row * (h + GAP),
      w,
      h,
    });
  });

  const controllers: Record<number, NodeBox> = {};
  const cw = 118;
  const totalCw = input.controllers.length * cw + (input.controllers.length - 1) * 16;
  input.controllers.forEach((id, i) => {
    controllers[id] = centered({
      x: STAGE_WIDTH / 2 - totalCw / 2 + i * (cw + 16),
      y: 12,
      w: cw,
      h: 46,
    });
  });

  const clients = {
    ...column(input.producers, 10, TOP, STAGE_HEIGHT),
    ...column(input.consumers, STAGE_WIDTH - SIDE + 10, TOP, STAGE_HEIGHT),
  };

  // Chips: two groups (leaders, followers) inside the card below its 44-unit header.
  const inner = w - 16;
  const perRow = Math.max(3, Math.floor(inner / 46));
  const chipW = Math.min(52, (inner - (perRow - 1) * 4) / perRow);
  // header 46, two group labels, the actions row (30) at the bottom
  const rowsNeeded = Math.max(2, Math.ceil(input.maxReplicasPerBroker / perRow) + 1);
  const chipH = Math.max(14, Math.min(28, (h - 46 - 28 - 30) / rowsNeeded - 4));
  return { brokers, controllers, clients, chip: { w: chipW, h: chipH, gap: 4, perRow } };
}

/** Position of chip `i` of a group starting at `top` within a card. */
export function chipPosition(
  card: Box,
  chip: StageLayout['chip'],
  top: number,
  i: number,
): { x: number; y: number } {
  const col = i % chip.perRow;
  const row = Math.floor(i / chip.perRow);
  return { x: card.x + 8 + col * (chip.w + chip.gap), y: card.y + top + row * (chip.h + chip.gap) };
}

/** Rows needed for `count` chips. */
export function chipRows(chip: StageLayout['chip'], count: number): number {
  return Math.max(1, Math.ceil(count / chip.perRow));
}

/** Point at fraction `f` (0..1) between two nodes, leaving from and arriving at their centres. */
export function pointAlong(from: NodeBox, to: NodeBox, f: number): { x: number; y: number } {
  return { x: from.cx + (to.cx - from.cx) * f, y: from.cy + (to.cy - from.cy) * f };
}
