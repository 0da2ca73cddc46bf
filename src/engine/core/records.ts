// The records sent, by rid: lookup, and retirement once retention deleted them, so a long run
// keeps only the records the cluster still holds (plus counts of the rest).
import { TOPIC_CONFIG } from './config';
import type { RecordInfo, SimState } from './state';

export function recordOf(s: SimState, rid: number): RecordInfo | undefined {
  return rid >= s.recordBase ? s.records[rid - s.recordBase] : undefined;
}

/** The rid the next record will get (= how many records were ever sent). */
export function nextRid(s: SimState): number {
  return s.recordBase + s.records.length;
}

/** Looking up records by value (the scenario vocabulary names records by value; the latest send wins). */
export function findRecord(s: SimState, value: string): RecordInfo | undefined {
  for (let i = s.records.length - 1; i >= 0; i--)
    if (s.records[i]!.value === value) return s.records[i];
  return undefined;
}

/** Records carried by produce requests on the network. */
export function carriedRecords(s: SimState): Set<number> {
  const rids = new Set<number>();
  for (const m of Object.values(s.inflight)) {
    if (m.payload.kind !== 'produce') continue;
    for (const batch of m.payload.batches) for (const rec of batch.records) rids.add(rec.rid);
  }
  return rids;
}

/**
 * A record is settled for good once nothing can change it: the producer has its answer (the
 * status changes once, from pending) and no produce request carrying it is still on the
 * network, where a broker could append it again (a retry racing its original).
 */
export function isSettledRecord(r: RecordInfo, carried: ReadonlySet<number>): boolean {
  if (r.status === 'pending') return false;
  if (r.status === 'sent' && !r.handled && !r.undeliverable) return false;
  return !carried.has(r.rid);
}

/**
 * Whether the cluster no longer holds the record: every offset it was written at lies below
 * the current leader's log start offset; one never written anywhere is kept for retention.ms.
 */
function deletedByRetention(s: SimState, r: RecordInfo): boolean {
  let last = r.offset;
  for (const a of r.appends) last = Math.max(last, a.offset);
  const p = r.partition !== null ? s.controller.partitions[r.partition] : undefined;
  if (!p) return false;
  if (last >= 0) {
    const leader = p.leader !== null ? s.brokers[p.leader]?.replicas[p.name] : undefined;
    return leader !== undefined && last < leader.logStartOffset;
  }
  const retention =
    s.controller.topicConfigs[p.topic]?.['retention.ms'] ?? TOPIC_CONFIG['retention.ms'].default;
  return retention >= 0 && s.now - r.sentAt > retention;
}

/**
 * Retire only when this share of the records can go: each retirement makes new arrays, and
 * every history snapshot taken in between would keep one of them.
 */
const RETIRE_SHARE = 1 / 8;

/**
 * Drops the oldest records that are settled and deleted by retention (up to the first one that
 * is not): their outcomes go into `retiredCounts`, their rids leave the checker. The records
 * array is replaced, not cut in place, as history snapshots share it (worker/clone.ts).
 */
export function retireRecords(s: SimState): void {
  const carried = carriedRecords(s);
  let n = 0;
  while (n < s.records.length) {
    const r = s.records[n]!;
    if (!isSettledRecord(r, carried) || !deletedByRetention(s, r)) break;
    n++;
  }
  if (n === 0 || n < s.records.length * RETIRE_SHARE) return;
  for (let i = 0; i < n; i++) {
    const r = s.records[i]!;
    const counts = (s.retiredCounts[r.client] ??= { acked: 0, failed: 0 });
    if (r.status === 'failed') counts.failed++;
    else counts.acked++;
    delete s.checker.lost[r.rid];
  }
  s.records = s.records.slice(n);
  s.recordBase += n;
  const base = s.recordBase;
  for (const [partition, rids] of Object.entries(s.checker.succeeded))
    if (rids.some((rid) => rid < base))
      s.checker.succeeded[partition] = rids.filter((rid) => rid >= base);
}

/** A leader appended the record at `offset` (the checker's loss oracle reads where it went). */
export function noteAppend(
  s: SimState,
  rid: number,
  broker: number,
  offset: number,
  epoch: number,
): void {
  recordOf(s, rid)?.appends.push({ broker, offset, epoch, t: s.now });
}
