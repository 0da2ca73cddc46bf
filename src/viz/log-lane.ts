// The log lane's model: one row per replica (leader first), the offsets on screen, each cell's
// state (committed, uncommitted, struck out) and the records a replica lost, remembered between
// views so a truncated record stays visible, struck out, where it stood.
import { scaleOrdinal } from 'd3-scale';
import type { InspectorView, LogEntryView, ReplicaDetail } from '../protocol/view';

export interface Ghost {
  offset: number;
  value: string;
  epoch: number;
  why: 'truncated' | 'lost';
}

export interface LaneCell {
  offset: number;
  value: string;
  epoch: number;
  committed: boolean;
  /** a record that stood here before (truncated or lost), when one did */
  ghost: Ghost | null;
}

export interface LaneRow {
  broker: number;
  role: ReplicaDetail['role'];
  status: ReplicaDetail['status'];
  inSync: boolean;
  leo: number;
  hw: number;
  cells: LaneCell[];
  /** struck-out records beyond the log end (nothing stands there now) */
  ghosts: Ghost[];
}

/** Records once seen per replica (`broker` -> offset -> entry), and those struck out since. */
export interface LaneMemory {
  partition: string;
  seen: Map<number, Map<number, LogEntryView>>;
  struck: Map<number, Ghost[]>;
}

export function newMemory(partition: string): LaneMemory {
  return { partition, seen: new Map(), struck: new Map() };
}

/**
 * Compares each replica's log with what it held before: an offset that now holds another record,
 * or lies past the new log end, lost its record (R12 truncation).
 */
export function remember(mem: LaneMemory, inspector: InspectorView): void {
  for (const d of inspector.details) {
    const before = mem.seen.get(d.broker);
    const now = new Map(d.log.map((e) => [e.offset, e]));
    if (before && d.status !== 'down') {
      const first = d.log[0]?.offset ?? d.leo;
      for (const [offset, e] of before) {
        if (offset < first && offset < d.leo) continue; // scrolled out of the window, not gone
        const cur = now.get(offset);
        if (!cur || cur.value !== e.value) {
          const list = mem.struck.get(d.broker) ?? [];
          if (!list.some((g) => g.offset === offset && g.value === e.value))
            list.push({ offset, value: e.value, epoch: e.epoch, why: 'truncated' });
          mem.struck.set(d.broker, list);
        }
      }
    }
    if (d.status !== 'down') mem.seen.set(d.broker, now);
  }
}

export function laneRows(
  inspector: InspectorView,
  mem: LaneMemory,
  lost: { value: string; offset: number }[],
  first: number,
  last: number,
): LaneRow[] {
  const details = [...inspector.details].sort(
    (a, b) => Number(b.broker === inspector.leader) - Number(a.broker === inspector.leader),
  );
  return details.map((d) => {
    const ghosts = [...(mem.struck.get(d.broker) ?? [])];
    if (d.broker === inspector.leader)
      for (const l of lost) {
        if (!ghosts.some((g) => g.offset === l.offset && g.value === l.value))
          ghosts.push({ offset: l.offset, value: l.value, epoch: -1, why: 'lost' });
      }
    const cells: LaneCell[] = [];
    for (const e of d.log) {
      if (e.offset < first || e.offset > last) continue;
      const ghost = ghosts.find((g) => g.offset === e.offset && g.value !== e.value) ?? null;
      cells.push({ ...e, committed: e.offset < d.hw, ghost });
    }
    return {
      broker: d.broker,
      role: d.role,
      status: d.status,
      inSync: d.inSync,
      leo: d.leo,
      hw: d.hw,
      cells,
      ghosts: ghosts.filter((g) => g.offset >= d.leo && g.offset >= first && g.offset <= last),
    };
  });
}

/**
 * A row drawn on two lines: a struck-out record (replaced, or beyond the log end) on the upper
 * line, what stands there now (or the fetch arrow) on the lower, so neither lies over the other.
 */
export function twoLines(row: LaneRow): boolean {
  return row.ghosts.length > 0 || row.cells.some((c) => c.ghost !== null);
}

/** The offsets shown: the last `capacity` up to the furthest log end or struck record. */
export function laneWindow(
  inspector: InspectorView,
  mem: LaneMemory,
  capacity: number,
): { first: number; last: number } {
  let end = 0;
  for (const d of inspector.details) end = Math.max(end, d.leo);
  for (const list of mem.struck.values()) for (const g of list) end = Math.max(end, g.offset + 1);
  const last = end - 1;
  return { first: Math.max(0, end - Math.max(1, capacity)), last };
}

/** Leader epochs in colours far apart (the same epoch has the same colour in every row). */
export const epochColor = scaleOrdinal<number, string>()
  .domain([0, 1, 2, 3, 4, 5, 6, 7])
  .range(['#bfdbfe', '#bbf7d0', '#fed7aa', '#e9d5ff', '#fecdd3', '#a5f3fc', '#fef08a', '#f5d0fe']);
