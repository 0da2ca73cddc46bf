// Snapshots of the simulation state, sharing what never changes:
// - log entries are never modified once written (truncation only shortens the array), so each
//   replica's log array is copied and its entries shared;
// - a record settled long ago changes only its `lost` flag, which the checker sets by copy on
//   write, so such records are shared too (and frozen, so a stray write fails loudly).
// - events are never changed once emitted, and partition states are replaced rather than changed
//   on every metadata change: both are shared too.
// Everything else is a deep structured clone.
import type { LogEntry, RecordInfo, SimState } from '../engine/index';

interface Horizons {
  /** sent before this: every request of an answered record is over */
  answered: number;
  /** sent before this: a failed record's last attempt is over too */
  failed: number;
}

/** A record is settled for good once no request can touch it any more (only `lost` may change). */
function settled(r: RecordInfo, h: Horizons): boolean {
  if (r.status === 'pending') return false;
  if (r.status === 'sent' && !r.handled && !r.undeliverable) return false;
  return r.sentAt < (r.status === 'failed' ? h.failed : h.answered);
}

function horizons(s: SimState): Horizons {
  let request = 0;
  let delivery = 0;
  for (const p of Object.values(s.producers)) {
    request = Math.max(request, p.config['request.timeout.ms']);
    delivery = Math.max(delivery, p.config['delivery.timeout.ms']);
  }
  const margin = 10_000;
  return { answered: s.now - request - margin, failed: s.now - delivery - request - margin };
}

export function cloneState(s: SimState): SimState {
  const logs: LogEntry[][] = [];
  const replicas = [];
  for (const b of Object.values(s.brokers)) {
    for (const r of Object.values(b.replicas)) {
      replicas.push(r);
      logs.push(r.log);
      r.log = [];
    }
  }
  // Events are never changed once emitted either: share them.
  const events = s.events;
  s.events = [];
  // Partition states are replaced, never changed, on every metadata change: share them too.
  const images = Object.values(s.brokers).map((b) => b.image.partitions);
  for (const b of Object.values(s.brokers)) b.image.partitions = {};
  const committed = s.controller.partitions;
  s.controller.partitions = {};
  const records = s.records;
  const h = horizons(s);
  s.records = records.map((r) => (settled(r, h) ? (null as unknown as RecordInfo) : r));
  try {
    const copy = structuredClone(s);
    let i = 0;
    for (const b of Object.values(copy.brokers)) {
      for (const r of Object.values(b.replicas)) r.log = logs[i++]!.slice();
    }
    copy.events = events.slice();
    copy.controller.partitions = { ...committed };
    Object.values(copy.brokers).forEach((b, i) => (b.image.partitions = { ...images[i] }));
    copy.records.forEach((r, rid) => {
      if (r === null)
        copy.records[rid] = Object.isFrozen(records[rid])
          ? records[rid]!
          : deepFreeze(records[rid]!);
    });
    return copy;
  } finally {
    s.controller.partitions = committed;
    Object.values(s.brokers).forEach((b, i) => (b.image.partitions = images[i]!));
    s.events = events;
    s.records = records;
    replicas.forEach((r, i) => (r.log = logs[i]!));
  }
}

function deepFreeze(r: RecordInfo): RecordInfo {
  Object.freeze(r.attemptErrors);
  for (const a of r.appends) Object.freeze(a);
  Object.freeze(r.appends);
  return Object.freeze(r);
}
