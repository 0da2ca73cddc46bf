// Geometry of the cluster stage in CSS pixels of the stage box: controllers on top, producers left,
// consumers right, broker cards in a grid between. Every size is a multiple of the font size `f`,
// and `f` is the largest that fits (capped by the size the viewport asks for), so the stage scales
// with the window and the text in it stays as large as the room allows. It never goes under the
// readable floor (the size the viewport asks for): a cluster too large for the room at that size
// keeps it and grows taller than the box, which then scrolls (30 brokers in Cards).

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

export interface ChipGeometry {
  w: number;
  h: number;
  gap: number;
  /** chips per row inside a card */
  perRow: number;
  /** two lines (name, LEO/HW) or one */
  lines: 1 | 2;
}

export interface StageLayout {
  width: number;
  /** at least the box's height; more when the cards need more at the readable floor (it scrolls) */
  height: number;
  /** the font size every text on the stage uses (px) */
  font: number;
  brokers: Record<number, NodeBox>;
  controllers: Record<number, NodeBox>;
  clients: Record<string, NodeBox>;
  chip: ChipGeometry;
  /** card header height (name, status, session arc) */
  header: number;
  /** the card's actions row height */
  actions: number;
  /** clients drawn in the top row, two lines high */
  compactClients: boolean;
}

export interface LayoutInput {
  brokers: number[];
  controllers: number[];
  producers: string[];
  consumers: string[];
  /** the most replicas any broker hosts (each has its own slot) */
  maxReplicasPerBroker: number;
}

export interface StageSize {
  width: number;
  height: number;
  /** the font size asked for (from the viewport); the layout may have to go smaller */
  font: number;
  /** the smallest font the class can read: under it the stage scrolls instead (default: none) */
  minFont?: number;
}

// sizes in units of the font size
const CHIP_GAP = 0.35;
const PAD = 0.45;
const HEADER = 1.9;
const ACTIONS = 1.8;
const CARD_GAP = 0.8;
const CLIENT_W = 8.6;
const CLIENT_H = 5.4;
/** between two columns of clients on one side */
const CLIENT_COL_GAP = 0.6;
/** at most this many columns of clients on each side (three producers in two: the stage stays short) */
const MAX_CLIENT_COLS = 2;
/** clients in the top row (when the stage is short): wide and two lines high */
const TOP_CLIENT_W = 13.2;
const TOP_CLIENT_H = 2.6;
const CONTROLLER_W = 8.4;
const CONTROLLER_H = 2.6;
const MIN_FONT = 6;

/** Chips of two lines (name, then LEO/HW) when there is room, else of one. */
function chipUnits(lines: 1 | 2): { w: number; h: number } {
  return lines === 2 ? { w: 5.2, h: 2.55 } : { w: 7.6, h: 1.65 };
}

function centered(b: Box): NodeBox {
  return { ...b, cx: b.x + b.w / 2, cy: b.y + b.h / 2 };
}

/** The font size the viewport asks for: 20 px at 1920x1080, 14 px at 1280x800, within [14, 26]. */
export function viewportFont(width: number, height: number): number {
  return Math.max(14, Math.min(26, Math.min(width / 96, height / 54)));
}

export interface Shape {
  cols: number;
  rows: number;
  perRow: number;
  lines: 1 | 2;
  /** producers and consumers in the top row beside the controllers (a short stage) */
  clientsTop: boolean;
  /** columns of clients on each side (when not in the top row) */
  clientCols: number;
  font: number;
  /** the height the arrangement needs at `font`, in px (more than the box's when it scrolls) */
  height: number;
}

function cardUnits(perRow: number, slots: number, lines: 1 | 2): { w: number; h: number } {
  const chip = chipUnits(lines);
  const chipRowsN = Math.max(1, Math.ceil(slots / perRow));
  return {
    // at least the header: "Broker 12", the session arc and "fenced" side by side
    w: Math.max(11.5, 2 * PAD + perRow * chip.w + (perRow - 1) * CHIP_GAP),
    h: HEADER + chipRowsN * (chip.h + CHIP_GAP) + ACTIONS + PAD,
  };
}

/** How many columns the producers (or consumers) take on their side with `cols` allowed. */
function colsOf(count: number, cols: number): number {
  return Math.max(1, Math.min(count, cols));
}

/** Width of one side's clients in font sizes, margins included. */
function sideUnits(count: number, cols: number): number {
  if (count === 0) return 0.5;
  const c = colsOf(count, cols);
  return c * CLIENT_W + (c - 1) * CLIENT_COL_GAP + 1;
}

function frame(
  input: LayoutInput,
  clientsTop: boolean,
  clientCols = 1,
): { sideW: number; topH: number; topW: number } {
  const hasP = input.producers.length > 0;
  const hasC = input.consumers.length > 0;
  const nc = input.controllers.length;
  const controllersW = nc * CONTROLLER_W + Math.max(0, nc - 1) * 0.8;
  if (clientsTop) {
    const clientsW = (input.producers.length + input.consumers.length) * (TOP_CLIENT_W + 0.8);
    return {
      sideW: 1,
      topH: Math.max(nc > 0 ? CONTROLLER_H : 0, hasP || hasC ? TOP_CLIENT_H : 0) + 0.9,
      topW: controllersW + clientsW + 1,
    };
  }
  return {
    sideW:
      sideUnits(input.producers.length, clientCols) + sideUnits(input.consumers.length, clientCols),
    topH: nc > 0 ? CONTROLLER_H + 0.9 : 0.4,
    topW: controllersW + 1,
  };
}

/** The arrangement (cards per row, chips per card row, chip lines, clients' place) with the largest font. */
export function bestShape(input: LayoutInput, size: StageSize): Shape {
  const n = Math.max(1, input.brokers.length);
  const slots = Math.max(1, input.maxReplicasPerBroker);
  const floor = size.minFont ?? 0;
  let best: Shape & { fill: number } = {
    cols: n,
    rows: 1,
    perRow: 1,
    lines: 1,
    clientsTop: false,
    clientCols: 1,
    font: 0,
    height: size.height,
    fill: -Infinity,
  };
  // at the floor, the arrangement that fits the width and is the shortest (it scrolls)
  let tall: Shape | null = null;
  const mostClients = Math.max(input.producers.length, input.consumers.length);
  const arrangements = [
    ...Array.from({ length: Math.min(MAX_CLIENT_COLS, Math.max(1, mostClients)) }, (_, i) => ({
      clientsTop: false,
      clientCols: i + 1,
    })),
    { clientsTop: true, clientCols: 1 },
  ];
  for (const { clientsTop, clientCols } of arrangements) {
    const { sideW, topH, topW } = frame(input, clientsTop, clientCols);
    // the client columns need their height too: the taller side's rows of clients
    const clientRows = Math.max(
      Math.ceil(input.producers.length / colsOf(input.producers.length, clientCols)),
      Math.ceil(input.consumers.length / colsOf(input.consumers.length, clientCols)),
    );
    for (const lines of [2, 1] as const) {
      for (let cols = 1; cols <= n; cols++) {
        const rows = Math.ceil(n / cols);
        if (cols > 1 && Math.ceil(n / (cols - 1)) === rows) continue; // same rows, wider: no gain
        for (let perRow = 1; perRow <= Math.min(5, slots); perRow++) {
          const card = cardUnits(perRow, slots, lines);
          const wUnits = Math.max(topW, sideW + cols * card.w + (cols - 1) * CARD_GAP);
          const clientsH = clientsTop ? 0 : topH + clientRows * (CLIENT_H + 0.4);
          const hUnits = Math.max(clientsH, topH + rows * card.h + (rows - 1) * CARD_GAP + 0.4);
          // a small cluster may grow past the asked size (up to 30 % more) when the room allows
          const font = Math.min(size.font * 1.3, size.width / wUnits, size.height / hUnits);
          // on a tie in font size: the arrangement whose shape is closest to the room's
          const fill = -Math.abs(Math.log(wUnits / hUnits / (size.width / size.height)));
          const shape = { cols, rows, perRow, lines, clientsTop, clientCols };
          if (font > best.font * 1.01 || (font > best.font * 0.99 && fill > best.fill + 0.05))
            best = { ...shape, font, height: size.height, fill };
          if (floor > 0 && size.width / wUnits >= floor && (!tall || hUnits * floor < tall.height))
            tall = { ...shape, font: floor, height: hUnits * floor };
        }
      }
    }
  }
  if (best.font < floor && tall) return tall;
  return best;
}

export function layoutStage(input: LayoutInput, size: StageSize): StageLayout {
  const shape = bestShape(input, size);
  const f = Math.max(MIN_FONT, shape.font);
  const slots = Math.max(1, input.maxReplicasPerBroker);
  const card = cardUnits(shape.perRow, slots, shape.lines);
  const n = Math.max(1, input.brokers.length);
  const cardW = card.w * f;
  const cardH = card.h * f;
  const gap = CARD_GAP * f;
  const { sideW, topH: topUnits } = frame(input, shape.clientsTop, shape.clientCols);
  const topH = topUnits * f;
  const leftW = shape.clientsTop
    ? 0.5 * f
    : sideUnits(input.producers.length, shape.clientCols) * f;
  const rightW = sideW * f - leftW;
  const gridW = shape.cols * cardW + (shape.cols - 1) * gap;
  const gridH = shape.rows * cardH + (shape.rows - 1) * gap;
  // the grid sits in the middle of the room left between the clients and below the controllers
  const areaX = leftW + Math.max(0, (size.width - leftW - rightW - gridW) / 2);
  const areaY = topH + Math.max(0, (size.height - topH - gridH) / 2);
  const brokers: Record<number, NodeBox> = {};
  input.brokers.forEach((id, i) => {
    const col = i % shape.cols;
    const row = Math.floor(i / shape.cols);
    const lastRowCount = n - (shape.rows - 1) * shape.cols;
    const shift = row === shape.rows - 1 ? ((shape.cols - lastRowCount) * (cardW + gap)) / 2 : 0;
    brokers[id] = centered({
      x: areaX + shift + col * (cardW + gap),
      y: areaY + row * (cardH + gap),
      w: cardW,
      h: cardH,
    });
  });

  const controllers: Record<number, NodeBox> = {};
  const cw = CONTROLLER_W * f;
  const cgap = 0.8 * f;
  const totalCw = input.controllers.length * cw + (input.controllers.length - 1) * cgap;
  // centred in the room the clients leave (in the top row they stand left and right of it)
  const leftOf = shape.clientsTop ? input.producers.length * (TOP_CLIENT_W * f + cgap) : 0;
  const rightOf = shape.clientsTop ? input.consumers.length * (TOP_CLIENT_W * f + cgap) : 0;
  const middle = (leftOf + size.width - rightOf) / 2;
  input.controllers.forEach((id, i) => {
    controllers[id] = centered({
      x: middle - totalCw / 2 + i * (cw + cgap),
      y: 0.45 * f,
      w: cw,
      h: CONTROLLER_H * f,
    });
  });

  const clients: Record<string, NodeBox> = {};
  if (shape.clientsTop) {
    const w = TOP_CLIENT_W * f;
    input.producers.forEach((id, i) => {
      clients[id] = centered({ x: 0.5 * f + i * (w + cgap), y: 0.45 * f, w, h: TOP_CLIENT_H * f });
    });
    input.consumers.forEach((id, i) => {
      clients[id] = centered({
        x: size.width - 0.5 * f - (i + 1) * w - i * cgap,
        y: 0.45 * f,
        w,
        h: TOP_CLIENT_H * f,
      });
    });
  } else {
    /** `dir` 1: columns from the left edge inwards; -1: from the right edge inwards. */
    const column = (ids: string[], edgeX: number, dir: 1 | -1) => {
      // stacked in the middle of the side, spread out when there is room; the first column at the edge
      const cols = colsOf(ids.length, shape.clientCols);
      const rowsN = Math.ceil(ids.length / cols);
      const h = CLIENT_H * f;
      const room = size.height - topH;
      const step = Math.max(h + 0.4 * f, Math.min(room / Math.max(1, rowsN), h * 1.8));
      const start = topH + (room - step * (rowsN - 1) - h) / 2;
      ids.forEach((id, i) => {
        const x = edgeX + dir * (i % cols) * (CLIENT_W + CLIENT_COL_GAP) * f;
        clients[id] = centered({ x, y: start + Math.floor(i / cols) * step, w: CLIENT_W * f, h });
      });
    };
    column(input.producers, 0.5 * f, 1);
    column(input.consumers, size.width - (CLIENT_W + 0.5) * f, -1);
  }
  const chip = chipUnits(shape.lines);
  return {
    width: size.width,
    height: Math.max(size.height, shape.height),
    font: f,
    brokers,
    controllers,
    clients,
    chip: {
      w: chip.w * f,
      h: chip.h * f,
      gap: CHIP_GAP * f,
      perRow: shape.perRow,
      lines: shape.lines,
    },
    header: HEADER * f,
    actions: ACTIONS * f,
    compactClients: shape.clientsTop,
  };
}

/** Position of the chip in slot `i` of a card (slots are stable: a partition keeps its place). */
export function chipPosition(
  card: Box,
  layout: Pick<StageLayout, 'chip' | 'header' | 'font'>,
  i: number,
): { x: number; y: number } {
  const { chip } = layout;
  const col = i % chip.perRow;
  const row = Math.floor(i / chip.perRow);
  return {
    x: card.x + PAD * layout.font + col * (chip.w + chip.gap),
    y: card.y + layout.header + row * (chip.h + chip.gap),
  };
}

/** Point at fraction `f` (0..1) between two points. */
export function pointBetween(
  from: { x: number; y: number },
  to: { x: number; y: number },
  f: number,
): { x: number; y: number } {
  return { x: from.x + (to.x - from.x) * f, y: from.y + (to.y - from.y) * f };
}

/** Size of an exported picture of the stage (the stage itself takes the size of its box). */
export const STAGE_WIDTH = 1000;
export const STAGE_HEIGHT = 580;

/** Where a chip's countdown arc (top right) and waiting clock (bottom right) stand. */
export function chipMarks(
  chip: Box,
  f: number,
  lines: 1 | 2,
): { arc: { x: number; y: number; r: number }; clock: { x: number; y: number; r: number } } {
  if (lines === 2)
    return {
      arc: { x: chip.x + chip.w - f * 0.7, y: chip.y + f * 0.7, r: f * 0.5 },
      clock: { x: chip.x + chip.w - f * 0.65, y: chip.y + chip.h - f * 0.68, r: f * 0.42 },
    };
  return {
    arc: { x: chip.x + chip.w - f * 0.05, y: chip.y + f * 0.05, r: f * 0.45 },
    clock: { x: chip.x + chip.w - f * 0.05, y: chip.y + chip.h - f * 0.05, r: f * 0.4 },
  };
}
