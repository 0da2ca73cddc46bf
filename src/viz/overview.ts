// Geometry of the large-cluster overview: a row per broker, its replicas as squares, leaders first.
export const OVERVIEW_ROW_HEIGHT = 18;
const CELL = 12;
const GAP = 2;

export interface OverviewCell {
  broker: number;
  partition: string;
  x: number;
  y: number;
  size: number;
}

export interface OverviewLayout {
  width: number;
  height: number;
  /** one broker's row at 100 % */
  rowHeight: number;
  cells: OverviewCell[];
}

/**
 * Rows fill the room they are given (up to 48 px each, at least `minRow`) and squares widen to
 * the room's width (up to 40 px), so the overview uses the whole stage at 100 %. Rows that would
 * need a smaller text than the class can read keep `minRow` and the overview pans instead.
 */
export function overviewLayout(
  brokers: number[],
  replicasOf: Record<number, { leaders: string[]; followers: string[] } | undefined>,
  room?: { width: number; height: number },
  minRow: number = OVERVIEW_ROW_HEIGHT,
): OverviewLayout {
  const cells: OverviewCell[] = [];
  let widest = 0;
  for (const id of brokers) {
    const r = replicasOf[id];
    widest = Math.max(widest, r ? r.leaders.length + r.followers.length : 0);
  }
  const n = Math.max(1, brokers.length);
  const rowHeight =
    room && room.height > 0 ? Math.max(minRow, Math.min(48, Math.floor(room.height / n))) : minRow;
  const byWidth = room && room.width > 0 ? room.width / Math.max(1, widest) - GAP : CELL;
  const cell = Math.max(CELL, Math.min(40, rowHeight - 4, Math.floor(byWidth)));
  brokers.forEach((id, row) => {
    const r = replicasOf[id];
    const all = r ? [...r.leaders, ...r.followers] : [];
    all.forEach((partition, i) =>
      cells.push({
        broker: id,
        partition,
        x: i * (cell + GAP),
        y: row * rowHeight + (rowHeight - cell) / 2,
        size: cell,
      }),
    );
  });
  return {
    width: Math.max(1, widest * (cell + GAP)),
    height: Math.max(1, brokers.length * rowHeight),
    rowHeight,
    cells,
  };
}

/** The view's pan and zoom: screen = content × k + (x, y). */
export interface ZoomTransform {
  k: number;
  x: number;
  y: number;
}

/** The replica square under a point of the canvas (screen pixels), if any. */
export function cellAt(
  layout: OverviewLayout,
  t: ZoomTransform,
  screenX: number,
  screenY: number,
): OverviewCell | undefined {
  const x = (screenX - t.x) / t.k;
  const y = (screenY - t.y) / t.k;
  return layout.cells.find((c) => x >= c.x && x <= c.x + c.size && y >= c.y && y <= c.y + c.size);
}

/** The row height whose text (0.72 of it) is the size the viewport asks for: 20 px at 1920x1080. */
export function readableRow(font: number): number {
  return Math.ceil(font / 0.72);
}

/** Partition names are drawn inside the squares once a square is this wide on screen. */
export const LABEL_MIN_PX = 30;
