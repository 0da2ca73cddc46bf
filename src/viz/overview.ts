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
  cells: OverviewCell[];
}

export function overviewLayout(
  brokers: number[],
  replicasOf: Record<number, { leaders: string[]; followers: string[] } | undefined>,
): OverviewLayout {
  const cells: OverviewCell[] = [];
  let widest = 0;
  brokers.forEach((id, row) => {
    const r = replicasOf[id];
    const all = r ? [...r.leaders, ...r.followers] : [];
    all.forEach((partition, i) =>
      cells.push({
        broker: id,
        partition,
        x: i * (CELL + GAP),
        y: row * OVERVIEW_ROW_HEIGHT + (OVERVIEW_ROW_HEIGHT - CELL) / 2,
        size: CELL,
      }),
    );
    widest = Math.max(widest, all.length);
  });
  return {
    width: Math.max(1, widest * (CELL + GAP)),
    height: Math.max(1, brokers.length * OVERVIEW_ROW_HEIGHT),
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

/** Partition names are drawn inside the squares once a square is this wide on screen. */
export const LABEL_MIN_PX = 30;
