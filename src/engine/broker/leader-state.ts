// What a partition leader keeps: follower fetch state (R15), the high watermark (R10, R13) and
// ISR proposals through AlterPartition (R16-R18).
import { emit, schedule, send } from '../core/core';
import { onLeaderHighWatermarkAdvanced } from './leader-hooks';
import { maximalIsr } from './isr-view';
export { maximalIsr };
import { epochStartOffset, logEndOffset } from './log';
import { leaderMinIsr } from '../core/topics';
import {
  brokerAddr,
  controllerAddr,
  type Broker,
  type FollowerState,
  type Replica,
  type SimState,
} from '../core/state';

function assignment(b: Broker, r: Replica): number[] {
  return b.image.partitions[r.partition]?.replicas ?? [];
}

/** R15: caught up if at the leader's LEO, or caught up within replica.lag.time.max.ms. */
export function isCaughtUp(b: Broker, r: Replica, f: FollowerState, now: number): boolean {
  return (
    f.leo === logEndOffset(r) || now - f.lastCaughtUpTime <= b.config['replica.lag.time.max.ms']
  );
}

/** Unfenced, not shutting down, and fetching with the broker epoch it registered with (KIP-841/903). */
export function isReplicaIsrEligible(
  b: Broker,
  replicaId: number,
  f: FollowerState | undefined,
): boolean {
  const info = b.image.brokers[replicaId];
  if (!info || info.fenced || info.shuttingDown) return false;
  return !f || f.brokerEpoch === -1 || f.brokerEpoch === info.epoch;
}

export function isUnderMinIsr(s: SimState, b: Broker, r: Replica): boolean {
  const p = b.image.partitions[r.partition];
  if (!p) return false;
  return r.isr.length < leaderMinIsr(s, b, p);
}

/**
 * R13/R10: HW = min LEO over the leader, the maximal ISR and caught-up eligible followers;
 * it never decreases and does not move at all while the committed ISR is below min ISR.
 */
export function maybeIncrementHighWatermark(s: SimState, b: Broker, r: Replica): boolean {
  if (r.role !== 'leader') return false;
  if (isUnderMinIsr(s, b, r)) return false;
  const maximal = maximalIsr(r);
  let newHw = logEndOffset(r);
  for (const id of assignment(b, r)) {
    if (id === b.id) continue;
    const f = r.followers[id];
    if (!f || f.leo >= newHw) continue;
    const counts =
      maximal.includes(id) || (isCaughtUp(b, r, f, s.now) && isReplicaIsrEligible(b, id, f));
    if (counts) newHw = f.leo;
  }
  if (newHw <= r.hw) return false;
  const from = r.hw;
  r.hw = newHw;
  emit(s, 'highWatermarkAdvanced', null, {
    broker: b.id,
    partition: r.partition,
    rule: 'R13',
    data: { from, to: newHw, role: 'leader', isr: maximal },
  });
  onLeaderHighWatermarkAdvanced(s, b, r);
  return true;
}

/** R15: records what a follower's fetch says about it. */
export function updateFollowerFetchState(
  s: SimState,
  r: Replica,
  replicaId: number,
  fetchOffset: number,
  brokerEpoch: number,
): FollowerState {
  const leaderLeo = logEndOffset(r);
  const f = (r.followers[replicaId] ??= {
    leo: -1,
    lastCaughtUpTime: 0,
    lastFetchLeaderLeo: -1,
    lastFetchTime: 0,
    brokerEpoch,
  });
  if (fetchOffset >= leaderLeo) f.lastCaughtUpTime = Math.max(f.lastCaughtUpTime, s.now);
  else if (fetchOffset >= f.lastFetchLeaderLeo)
    f.lastCaughtUpTime = Math.max(f.lastCaughtUpTime, f.lastFetchTime);
  f.leo = fetchOffset;
  f.lastFetchLeaderLeo = leaderLeo;
  f.lastFetchTime = s.now;
  f.brokerEpoch = brokerEpoch;
  return f;
}

/** R18: a follower outside the ISR rejoins once it reaches the HW and the leader epoch's start. */
export function maybeExpandIsr(s: SimState, b: Broker, r: Replica, replicaId: number): void {
  if (r.pendingIsr || maximalIsr(r).includes(replicaId)) return;
  const f = r.followers[replicaId];
  if (!f) return;
  const epochStart = epochStartOffset(r, r.leaderEpoch) ?? 0;
  if (f.leo < r.hw || f.leo < epochStart) return;
  if (!isReplicaIsrEligible(b, replicaId, f)) return;
  proposeIsr(s, b, r, 'expand', [...r.isr, replicaId]);
}

/** R16: the periodic check removes followers that are not caught up. */
export function maybeShrinkIsr(s: SimState, b: Broker, r: Replica): void {
  if (r.role !== 'leader' || r.pendingIsr) return;
  const outOfSync = r.isr.filter((id) => {
    if (id === b.id) return false;
    const f = r.followers[id];
    return !f || !isCaughtUp(b, r, f, s.now);
  });
  if (outOfSync.length === 0) return;
  proposeIsr(
    s,
    b,
    r,
    'shrink',
    r.isr.filter((id) => !outOfSync.includes(id)),
  );
}

/** R17: one AlterPartition in flight at a time, committed by the controller. */
function proposeIsr(
  s: SimState,
  b: Broker,
  r: Replica,
  kind: 'expand' | 'shrink',
  isr: number[],
): void {
  r.pendingIsr = { kind, isr, partitionEpoch: r.partitionEpoch, sentAt: s.now, retryAt: 0 };
  sendAlterPartition(s, b, r);
}

export function sendAlterPartition(s: SimState, b: Broker, r: Replica): void {
  const pending = r.pendingIsr;
  if (!pending || r.role !== 'leader') return;
  pending.sentAt = s.now;
  // Queued until answered; with no controller known it is retried soon (R17).
  pending.retryAt =
    s.now +
    (s.quorum.active === null
      ? b.config['replica.fetch.backoff.ms']
      : b.config['replica.socket.timeout.ms']);
  const active = s.quorum.active;
  if (active !== null) {
    send(s, brokerAddr(b.id), controllerAddr(active), {
      kind: 'alterPartition',
      broker: b.id,
      brokerEpoch: b.brokerEpoch,
      partition: r.partition,
      leaderEpoch: r.leaderEpoch,
      partitionEpoch: pending.partitionEpoch,
      newIsr: pending.isr,
      change: pending.kind,
    });
  }
  // Retried until answered: with no controller the ISR cannot change (R17).
  scheduleAlterPartitionRetry(s, b, r, pending.retryAt);
}

export function scheduleAlterPartitionRetry(s: SimState, b: Broker, r: Replica, at: number): void {
  if (!r.pendingIsr) return;
  r.pendingIsr.retryAt = at;
  schedule(s, at, {
    kind: 'alterPartitionRetry',
    broker: b.id,
    incarnation: b.incarnation,
    partition: r.partition,
  });
}

export function onAlterPartitionRetry(s: SimState, b: Broker, partition: string): void {
  const r = b.replicas[partition];
  if (r?.pendingIsr && s.now >= r.pendingIsr.retryAt) sendAlterPartition(s, b, r);
}
