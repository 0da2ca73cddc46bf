// Records per client by outcome, counted incrementally: a view costs the same after eight
// simulated hours as after a minute.
import type { RecordInfo, SimState } from '../../engine/index';

export interface RecordCounts {
  acked: number;
  failed: number;
  pending: number;
}

function countRecord(counts: Record<string, RecordCounts>, r: RecordInfo): void {
  const c = (counts[r.client] ??= { acked: 0, failed: 0, pending: 0 });
  if (r.status === 'acked' || r.status === 'sent') c.acked++;
  else if (r.status === 'failed') c.failed++;
  else c.pending++;
}

/**
 * Per records array: counts over its leading records that are no longer pending (a status
 * changes once, from pending), so each view counts only the recent records: a view costs the
 * same after eight hours as after a minute.
 */
const finalCounts = new WeakMap<
  RecordInfo[],
  { upTo: number; counts: Record<string, RecordCounts> }
>();

/** Per client, every record's outcome: the retired ones (records.ts) plus those still kept. */
export function countRecords(s: SimState): Record<string, RecordCounts> {
  const counts = countKept(s.records);
  for (const [client, retired] of Object.entries(s.retiredCounts)) {
    const c = (counts[client] ??= { acked: 0, failed: 0, pending: 0 });
    c.acked += retired.acked;
    c.failed += retired.failed;
  }
  return counts;
}

function countKept(records: RecordInfo[]): Record<string, RecordCounts> {
  let done = finalCounts.get(records);
  if (!done) finalCounts.set(records, (done = { upTo: 0, counts: {} }));
  while (done.upTo < records.length && records[done.upTo]!.status !== 'pending')
    countRecord(done.counts, records[done.upTo++]!);
  const counts: Record<string, RecordCounts> = {};
  for (const [client, c] of Object.entries(done.counts)) counts[client] = { ...c };
  for (let i = done.upTo; i < records.length; i++) countRecord(counts, records[i]!);
  return counts;
}
