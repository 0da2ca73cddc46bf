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
