// "Nothing left to happen soon": what `settle` waits for (scenario-format.md, "Settling").
// Periodic background traffic (heartbeats, a follower's idle long-poll fetch and its empty
// answer) does not count; a fetch that reports a new offset, or an answer that carries records,
// a new HW or a diverging epoch, does.
import { isCut } from './core';
import { latestEpoch, logEndOffset } from '../broker/log';
import type { Payload } from './messages';
import {
  brokerAddr,
  parseAddr,
  clientAddr,
  controllerAddr,
  type Broker,
  type Message,
  type SimState,
} from './state';
import { recordOf } from './records';

type Fetch = Extract<Payload, { kind: 'fetch' }>;
type FetchResponse = Extract<Payload, { kind: 'fetchResponse' }>;

/** A follower's fetch is background only when the leader already knows every offset it reports. */
function isIdleFetch(s: SimState, m: Message, p: Fetch): boolean {
  const leader = s.brokers[parseAddr(m.to).id];
  if (!leader) return true;
  return p.partitions.every((x) => {
    const r = leader.replicas[x.partition];
    return !r || r.role !== 'leader' || r.followers[p.replicaId]?.leo === x.fetchOffset;
  });
}

/** An answer is background only when it changes nothing at the follower: no data, no news. */
function isIdleFetchResponse(s: SimState, m: Message, p: FetchResponse): boolean {
  const follower = s.brokers[parseAddr(m.to).id];
  return p.partitions.every((x) => {
    if (x.records.length > 0 || x.divergingEpoch || x.error !== null) return false;
    const r = follower?.replicas[x.partition];
    return !r || (r.hw === Math.min(x.hw, logEndOffset(r)) && x.logStartOffset <= r.logStartOffset);
  });
}

function inflightQuiet(s: SimState): boolean {
  for (const m of Object.values(s.inflight)) {
    const p = m.payload;
    if (p.kind === 'brokerHeartbeat' || p.kind === 'brokerHeartbeatResponse') continue;
    if (p.kind === 'fetch' && isIdleFetch(s, m, p)) continue;
    if (p.kind === 'fetchResponse' && isIdleFetchResponse(s, m, p)) continue;
    return false;
  }
  return true;
}

/** The controller's leader for a partition, when it is up and the client can reach it. */
function reachableLeader(s: SimState, client: string, partition: string): boolean {
  const leader = s.controller.partitions[partition]?.leader ?? null;
  if (leader === null) return false;
  return !!s.brokers[leader]?.up && !isCut(s, clientAddr(client), brokerAddr(leader));
}

function clientsQuiet(s: SimState): boolean {
  for (const p of Object.values(s.producers)) {
    if (Object.keys(p.inflight).length > 0 || p.metadata.inflight !== 0) return false;
    if (p.metadata.fetchedAt < 0 && Object.values(p.queues).some((ids) => ids.length > 0))
      return false;
    for (const [partition, ids] of Object.entries(p.queues)) {
      if (ids.length > 0 && reachableLeader(s, p.id, partition)) return false;
    }
  }
  for (const c of Object.values(s.consumers)) {
    if (Object.keys(c.ops).length > 0 || c.metadata.inflight !== 0) return false;
  }
  return true;
}

/** Up and able to reach the active controller: such a broker must be registered and current. */
function reachesController(s: SimState, b: Broker): boolean {
  const active = s.quorum.active;
  return (
    b.up &&
    active !== null &&
    !!s.controllers[active]?.up &&
    !isCut(s, brokerAddr(b.id), controllerAddr(active))
  );
}

function brokerQuiet(s: SimState, b: Broker): boolean {
  if (!b.up) return true;
  if (b.shuttingDown) return false; // a controlled shutdown is under way
  if (!reachesController(s, b)) return true;
  const reg = s.controller.brokers[b.id];
  return (
    b.registered &&
    !!reg &&
    reg.epoch === b.brokerEpoch &&
    !reg.fenced &&
    b.image.offset === s.controller.offset
  );
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
    const leo = logEndOffset(leader);
    for (const id of p.replicas) {
      if (id === p.leader) continue;
      const fb = s.brokers[id]!;
      if (!reachesController(s, fb) || fb.fetchPaused) continue;
      if (isCut(s, brokerAddr(id), brokerAddr(p.leader))) continue;
      const f = fb.replicas[name];
      if (!f || f.role !== 'follower' || f.leaderEpoch !== p.leaderEpoch) return false;
      // truncated where it must (same last epoch), the leader's LEO, and the leader saw it
      if (logEndOffset(f) !== leo || latestEpoch(f) !== latestEpoch(leader)) return false;
      if (leader.followers[id]?.leo !== leo || f.hw !== leader.hw) return false;
      if (!p.isr.includes(id)) return false; // caught up: the ISR expansion is still to come
    }
  }
  return true;
}

export function isSettled(s: SimState): boolean {
  return (
    inflightQuiet(s) &&
    clientsQuiet(s) &&
    s.brokerIds.every((id) => brokerQuiet(s, s.brokers[id]!)) &&
    replicasQuiet(s)
  );
}

/**
 * A produce step is complete when every record was appended by a leader, rejected, or waits in
 * the producer with no reachable leader known; a request lost on a cut link also ends the wait.
 * It never waits for a failover.
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
    // waiting in the producer with no reachable leader known (no leader, or its process is down)
    const known = p.metadata.fetchedAt >= 0 && p.metadata.inflight === 0;
    const leader = p.metadata.partitions[info.partition]?.leader ?? null;
    return known && (leader === null || !s.brokers[leader]?.up);
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
