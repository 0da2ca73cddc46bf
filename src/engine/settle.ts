// "Nothing left to happen soon": what `settle` waits for (scenario-format.md): followers caught
// up, pending ISR changes committed, responses delivered. Periodic background traffic (heartbeats,
// idle fetches) does not count.
import { logEndOffset } from './log';
import type { SimState } from './state';
import { recordOf } from './records';

const BACKGROUND = new Set(['brokerHeartbeat', 'brokerHeartbeatResponse', 'fetch']);

function inflightQuiet(s: SimState): boolean {
  for (const m of Object.values(s.inflight)) {
    const p = m.payload;
    if (BACKGROUND.has(p.kind)) continue;
    if (
      p.kind === 'fetchResponse' &&
      p.partitions.every((x) => x.records.length === 0 && !x.divergingEpoch && x.error === null)
    )
      continue;
    return false;
  }
  return true;
}

function clientsQuiet(s: SimState): boolean {
  for (const p of Object.values(s.producers)) {
    if (Object.keys(p.inflight).length > 0 || p.metadata.inflight !== 0) return false;
    for (const [partition, ids] of Object.entries(p.queues)) {
      if (ids.length === 0) continue;
      const leader = p.metadata.partitions[partition]?.leader ?? null;
      if (leader !== null || p.metadata.fetchedAt < 0) return false;
    }
  }
  for (const c of Object.values(s.consumers)) if (Object.keys(c.ops).length > 0) return false;
  return true;
}

function replicasQuiet(s: SimState): boolean {
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    if (p.leader === null) continue;
    const lb = s.brokers[p.leader]!;
    const leader = lb.replicas[name];
    if (!lb.up || !leader || leader.role !== 'leader' || leader.leaderEpoch !== p.leaderEpoch)
      return false;
    if (leader.pendingIsr) return false;
    if (lb.parkedProduces.some((pp) => pp.partitions.some((x) => x.partition === name)))
      return false;
    for (const id of p.replicas) {
      if (id === p.leader) continue;
      const fb = s.brokers[id]!;
      const reg = s.controller.brokers[id];
      if (!fb.up || fb.fetchPaused || !reg || reg.fenced) continue;
      const f = fb.replicas[name];
      if (!f || f.role !== 'follower' || f.leaderEpoch !== p.leaderEpoch) return false;
      if (logEndOffset(f) !== logEndOffset(leader) || f.hw !== leader.hw) return false;
      if (!p.isr.includes(id)) return false; // caught up: the ISR expansion is still to come
    }
  }
  return true;
}

export function isSettled(s: SimState): boolean {
  return (
    inflightQuiet(s) &&
    clientsQuiet(s) &&
    replicasQuiet(s) &&
    s.brokerIds.every((id) => {
      const b = s.brokers[id]!;
      return !b.up || (b.registered && !b.shuttingDown);
    })
  );
}

/**
 * A produce step is complete when every record was appended by a leader, rejected, or waits in
 * the producer with no leader known; a request lost on a cut link also ends the wait.
 */
export function produceSettled(s: SimState, rids: number[]): boolean {
  return rids.every((rid) => {
    const info = recordOf(s, rid);
    if (!info) return true; // retired: retention deleted it long ago
    if (info.handled || info.undeliverable || info.status === 'failed') return true;
    if (info.status === 'sent') return false; // acks=0: its request is still on the way
    const p = s.producers[info.client];
    if (!p || !info.partition) return true;
    const batch = Object.values(p.batches).find((b) => b.rids.includes(rid));
    if (!batch) return true;
    if (batch.inflight)
      return Object.values(p.inflight).some((r) => r.batchIds.includes(batch.id) && r.dropped);
    const known = p.metadata.fetchedAt >= 0 && p.metadata.inflight === 0;
    return known && (p.metadata.partitions[info.partition]?.leader ?? null) === null;
  });
}

/** A `fetch` action is complete when its responses were processed (or, if dropped, its requests handled). */
export function manualFetchSettled(
  s: SimState,
  broker: number,
  fetchIds: number[],
  deliverResponse: boolean,
): boolean {
  const b = s.brokers[broker]!;
  if (deliverResponse)
    return fetchIds.every((id) => Object.values(b.fetchers).every((f) => f.inflight !== id));
  return fetchIds.every(
    (id) =>
      !Object.values(s.inflight).some(
        (m) => m.payload.kind === 'fetch' && m.payload.fetchId === id,
      ),
  );
}
