// Reading from a leader's log for fetch responses (R11, R12, R34).
import type { FetchPartitionResponse, Payload, WireRecord } from '../core/messages';
import { entryAt, logEndOffset } from './log';
import type { Broker, LogEntry, Replica, SimState } from '../core/state';

const MAX_RECORDS_PER_CONSUMER_FETCH = 500;

/** A log entry as it travels in a fetch response. */
export function toWire(entry: LogEntry, offset: number): WireRecord {
  return { offset, entry };
}

export function emptyFetchResponse(
  partition: string,
  error: string | null,
  hw = -1,
  leaderLeo = -1,
  logStartOffset = -1,
): FetchPartitionResponse {
  return { partition, error, records: [], hw, leaderLeo, logStartOffset, divergingEpoch: null };
}

/** Records [from, end) of a leader's log as they travel to a follower. */
export function readWire(r: Replica, from: number, end: number): WireRecord[] {
  const records: WireRecord[] = [];
  for (let o = from; o < end; o++) records.push(toWire(entryAt(r, o)!, o));
  return records;
}

/** Records [fetchOffset, LEO) with the leader's HW at this moment (a parked fetch's answer). */
export function readReplicaFetch(
  s: SimState,
  b: Broker,
  partition: string,
  fetchOffset: number,
): FetchPartitionResponse {
  const r = b.replicas[partition];
  if (!r || r.role !== 'leader') return emptyFetchResponse(partition, 'NOT_LEADER_OR_FOLLOWER');
  const leo = logEndOffset(r);
  if (fetchOffset > leo || fetchOffset < r.logStartOffset)
    return emptyFetchResponse(partition, 'OFFSET_OUT_OF_RANGE', r.hw, leo, r.logStartOffset);
  const end = Math.min(leo, fetchOffset + b.config['replica.fetch.max.records']);
  const records = readWire(r, fetchOffset, end);
  void s;
  return {
    partition,
    error: null,
    records,
    hw: r.hw,
    leaderLeo: leo,
    logStartOffset: r.logStartOffset,
    divergingEpoch: null,
  };
}

/**
 * R34: consumers get only records below the HW; [HW, LEO] is empty, beyond LEO or below the log
 * start offset is out of range.
 */
export function readConsumerFetch(
  b: Broker,
  partition: string,
  offset: number,
  requestId: number,
): Payload {
  const r = b.replicas[partition];
  const base = { kind: 'consumerFetchResponse' as const, requestId, partition };
  if (!r || r.role !== 'leader')
    return { ...base, error: 'NOT_LEADER_OR_FOLLOWER', records: [], hw: -1, logStartOffset: -1 };
  const logStartOffset = r.logStartOffset;
  if (offset < logStartOffset || offset > logEndOffset(r))
    return { ...base, error: 'OFFSET_OUT_OF_RANGE', records: [], hw: r.hw, logStartOffset };
  const end = Math.min(r.hw, offset + MAX_RECORDS_PER_CONSUMER_FETCH);
  const records = [];
  for (let o = offset; o < end; o++) {
    const e = entryAt(r, o)!;
    records.push({ offset: o, value: e.value, epoch: e.epoch });
  }
  return { ...base, error: null, records, hw: r.hw, logStartOffset };
}
