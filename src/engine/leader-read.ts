// Reading from a leader's log for fetch responses (R11, R12, R34).
import type { FetchPartitionResponse, Payload, WireRecord } from './messages';
import { logEndOffset } from './log';
import type { Broker, LogEntry, SimState } from './state';

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
): FetchPartitionResponse {
  return { partition, error, records: [], hw, leaderLeo, divergingEpoch: null };
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
  if (fetchOffset > leo) return emptyFetchResponse(partition, 'OFFSET_OUT_OF_RANGE', r.hw, leo);
  const end = Math.min(leo, fetchOffset + b.config['replica.fetch.max.records']);
  const records: WireRecord[] = [];
  for (let o = fetchOffset; o < end; o++) records.push(toWire(r.log[o]!, o));
  void s;
  return { partition, error: null, records, hw: r.hw, leaderLeo: leo, divergingEpoch: null };
}

/** R34: consumers get only records below the HW; [HW, LEO] is empty, beyond LEO is out of range. */
export function readConsumerFetch(
  b: Broker,
  partition: string,
  offset: number,
  requestId: number,
): Payload {
  const r = b.replicas[partition];
  const base = { kind: 'consumerFetchResponse' as const, requestId, partition };
  if (!r || r.role !== 'leader')
    return { ...base, error: 'NOT_LEADER_OR_FOLLOWER', records: [], hw: -1 };
  if (offset < 0 || offset > logEndOffset(r))
    return { ...base, error: 'OFFSET_OUT_OF_RANGE', records: [], hw: r.hw };
  const end = Math.min(r.hw, offset + MAX_RECORDS_PER_CONSUMER_FETCH);
  const records = [];
  for (let o = offset; o < end; o++) {
    const e = r.log[o]!;
    records.push({ offset: o, value: e.value, epoch: e.epoch });
  }
  return { ...base, error: null, records, hw: r.hw };
}
