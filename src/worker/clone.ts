// Snapshots of the simulation state for history. A snapshot must cost little however long the
// run, so it shares what never changes instead of copying it:
// - append-only arrays (log segments, the checker's acknowledged rids per partition, the
//   records): entries below an array's length are never replaced (the engine truncates a
//   segment by making a new array), so a snapshot keeps the array and its length, not a copy;
//   retention drops whole segments, so the snapshots of a long run share all but the newest;
// - a record changes in place only until it is settled (no request can touch it any more), so
//   a snapshot copies the unsettled ones and shares the rest, frozen so a stray write fails;
// - retiring records replaces the records array and the checker's lists with shorter ones;
// - events are never changed once emitted (the kept window is short: copied);
// - partition states are replaced, never changed, on every metadata change: shared.
// Everything else is a deep structured clone. `thawState` makes a live state from a snapshot.
import { carriedRecords, isSettledRecord } from '../engine/index';
import type { LogEntry, RecordInfo, SimEvent, SimState } from '../engine/index';

/** An append-only array as it was: the first `length` entries of `items`. */
interface Prefix<T> {
  items: T[];
  length: number;
}

/**
 * Shares the array, which keeps growing after the snapshot until retention replaces it. An
 * empty one is not shared: the snapshot at t=0 would otherwise keep everything appended to its
 * arrays for as long as the run keeps them.
 */
function prefixOf<T>(items: T[]): Prefix<T> {
  return { items: items.length > 0 ? items : [], length: items.length };
}

export interface FrozenState {
  /** the state with the parts below (and events and partition states) detached, deep-copied */
  rest: SimState;
  events: SimEvent[];
  /** the entries of each replica's segments, in broker then replica then segment order */
  logs: Prefix<LogEntry>[][];
  succeeded: Record<string, Prefix<number>>;
  records: Prefix<RecordInfo>;
  /** copies of the records that may still change, by rid */
  unsettled: Map<number, RecordInfo>;
}

/**
 * Per records array: how many leading records are frozen (settled), so each snapshot scans
 * only the records after them. (Retiring records makes a new array, scanned once again.)
 */
const frozenPrefix = new WeakMap<RecordInfo[], number>();

function unsettledRecords(s: SimState): Map<number, RecordInfo> {
  const carried = carriedRecords(s);
  const records = s.records;
  let prefix = frozenPrefix.get(records) ?? 0;
  const live = new Map<number, RecordInfo>();
  for (let i = prefix; i < records.length; i++) {
    const r = records[i]!;
    if (Object.isFrozen(r)) {
      if (i === prefix) prefix++;
    } else if (isSettledRecord(r, carried)) {
      deepFreeze(r);
      if (i === prefix) prefix++;
    } else {
      live.set(r.rid, r);
    }
  }
  frozenPrefix.set(records, prefix);
  return live;
}

function replicasOf(s: SimState) {
  return Object.values(s.brokers).flatMap((b) => Object.values(b.replicas));
}

export function freezeState(s: SimState): FrozenState {
  const live = unsettledRecords(s);
  const replicas = replicasOf(s);
  const segments = replicas.map((r) => r.segments.map((seg) => seg.entries));
  const logs = segments.map((entries) => entries.map((e) => prefixOf(e)));
  const succeededLists = s.checker.succeeded;
  const succeeded: FrozenState['succeeded'] = {};
  for (const [p, list] of Object.entries(succeededLists)) succeeded[p] = prefixOf(list);
  const records = s.records;
  // Detach the shared parts for the structured clone, then put them back.
  for (const r of replicas) for (const seg of r.segments) seg.entries = [];
  s.checker.succeeded = {};
  s.records = [];
  try {
    const rest = cloneSharingPartitionStates(s, frozenCopy);
    return {
      rest,
      events: s.events.slice(),
      logs,
      succeeded,
      records: prefixOf(records),
      unsettled: structuredClone(live),
    };
  } finally {
    replicas.forEach((r, i) => r.segments.forEach((seg, j) => (seg.entries = segments[i]![j]!)));
    s.checker.succeeded = succeededLists;
    s.records = records;
  }
}

type PartitionStates = SimState['controller']['partitions'];

/** The last frozen copy of each live map of partition states. */
const lastCopy = new WeakMap<PartitionStates, PartitionStates>();

/**
 * A frozen shallow copy of a map of partition states, the previous one when nothing changed
 * since (most snapshots of a large cluster: 30 brokers × 300 partitions each).
 */
function frozenCopy(live: PartitionStates): PartitionStates {
  const last = lastCopy.get(live);
  if (last && sameEntries(live, last)) return last;
  const copy = Object.freeze({ ...live });
  lastCopy.set(live, copy);
  return copy;
}

function sameEntries(a: PartitionStates, b: PartitionStates): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => a[k] === b[k]);
}

/** A structured clone whose partition states (and events) are shared, not copied. */
function cloneSharingPartitionStates(
  s: SimState,
  copyMap: (live: PartitionStates) => PartitionStates,
): SimState {
  const images = Object.values(s.brokers).map((b) => b.image.partitions);
  const committed = s.controller.partitions;
  const events = s.events;
  s.controller.partitions = {};
  for (const b of Object.values(s.brokers)) b.image.partitions = {};
  s.events = [];
  try {
    const copy = structuredClone(s);
    copy.controller.partitions = copyMap(committed);
    Object.values(copy.brokers).forEach((b, i) => (b.image.partitions = copyMap(images[i]!)));
    return copy;
  } finally {
    s.controller.partitions = committed;
    Object.values(s.brokers).forEach((b, i) => (b.image.partitions = images[i]!));
    s.events = events;
  }
}

/** A live state from a snapshot; the snapshot stays as it was. */
export function thawState(f: FrozenState): SimState {
  const s = cloneSharingPartitionStates(f.rest, (frozen) => ({ ...frozen }));
  s.events = f.events.slice();
  replicasOf(s).forEach((r, i) => {
    const logs = f.logs[i]!;
    r.segments.forEach((seg, j) => {
      const { items, length } = logs[j]!;
      // Only the active (last) segment grows: the others are shared when whole.
      const shared = j < logs.length - 1 && items.length === length;
      seg.entries = shared ? items : items.slice(0, length);
    });
  });
  for (const [p, list] of Object.entries(f.succeeded))
    s.checker.succeeded[p] = list.items.slice(0, list.length);
  s.records = f.records.items.slice(0, f.records.length);
  for (const [rid, r] of f.unsettled) s.records[rid - s.recordBase] = structuredClone(r);
  return s;
}

/** One empty list for every settled record without errors. */
const NO_ERRORS: string[] = Object.freeze([]) as unknown as string[];

function deepFreeze(r: RecordInfo): RecordInfo {
  // An array grown by push keeps room for 16 more entries: over a long run that spare room
  // would be most of a record's memory. A settled record's arrays never grow again.
  if (r.appends.length > 0) r.appends = r.appends.slice();
  r.attemptErrors = r.attemptErrors.length > 0 ? r.attemptErrors.slice() : NO_ERRORS;
  Object.freeze(r.attemptErrors);
  for (const a of r.appends) Object.freeze(a);
  Object.freeze(r.appends);
  return Object.freeze(r);
}
