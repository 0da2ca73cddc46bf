// Client-side metadata (producers and consumers): bootstrap to any broker, cache leaders,
// refresh on errors or unknown leaders with backoff (R38, R40).
import { emit, newId, schedule, send } from '../core/core';
import { nextInt } from '../core/rng';
import { brokerAddr, clientAddr, type ClientMetadata, type SimState } from '../core/state';

export function emptyMetadata(brokers: number[]): ClientMetadata {
  return {
    partitions: {},
    brokers: [...brokers],
    fetchedAt: -1,
    inflight: 0,
    stale: true,
    nextRefreshAt: 0,
    refreshAttempts: 0,
    failed: {},
  };
}

/** Picks a broker to ask: a random known broker that has not failed recently. */
function pickBroker(s: SimState, md: ClientMetadata): number | null {
  const candidates = md.brokers.filter((b) => (md.failed[b] ?? -Infinity) + 1000 <= s.now);
  const pool = candidates.length > 0 ? candidates : md.brokers;
  if (pool.length === 0) return null;
  return pool[nextInt(s, pool.length)]!;
}

/** Sends a metadata request unless one is in flight or the refresh backoff has not passed. */
export function requestMetadata(
  s: SimState,
  client: string,
  md: ClientMetadata,
  topics: string[],
  timeoutMs: number,
): void {
  if (md.inflight !== 0) return;
  if (s.now < md.nextRefreshAt) {
    schedule(s, md.nextRefreshAt, { kind: 'producerWake', client, at: md.nextRefreshAt });
    return;
  }
  const broker = pickBroker(s, md);
  if (broker === null) return;
  const requestId = newId(s);
  md.inflight = requestId;
  send(s, clientAddr(client), brokerAddr(broker), { kind: 'metadataRequest', requestId, topics });
  schedule(s, s.now + timeoutMs, { kind: 'metadataTimeout', client, requestId });
}

export function onMetadataResponse(
  s: SimState,
  client: string,
  md: ClientMetadata,
  resp: {
    requestId: number;
    brokers: number[];
    partitions: { partition: string; leader: number | null; leaderEpoch: number }[];
  },
): boolean {
  if (md.inflight !== resp.requestId) return false;
  md.inflight = 0;
  md.fetchedAt = s.now;
  if (resp.brokers.length > 0)
    md.brokers = [...new Set([...md.brokers, ...resp.brokers])].sort((a, b) => a - b);
  let unknown = false;
  for (const p of resp.partitions) {
    md.partitions[p.partition] = { leader: p.leader, leaderEpoch: p.leaderEpoch };
    if (p.leader === null) unknown = true;
  }
  md.stale = unknown;
  md.refreshAttempts = unknown ? md.refreshAttempts + 1 : 0;
  md.nextRefreshAt = s.now + (unknown ? 100 * 2 ** Math.min(md.refreshAttempts, 3) : 0);
  emit(
    s,
    'metadataRefreshed',
    `${client} got metadata: ${resp.partitions.map((p) => `${p.partition} leader ${p.leader ?? 'none'}`).join(', ')}.`,
    { client, rule: 'R38', data: { partitions: resp.partitions } },
  );
  return true;
}

/** The metadata request failed (broker down or timeout): remember the broker and try another. */
export function onMetadataFailed(
  s: SimState,
  md: ClientMetadata,
  requestId: number,
  broker: number | null,
): boolean {
  if (md.inflight !== requestId) return false;
  md.inflight = 0;
  if (broker !== null) md.failed[broker] = s.now;
  return true;
}

export function markStale(md: ClientMetadata): void {
  md.stale = true;
}
