// A broker applying the controller's partition state: becoming leader (R4, R29), follower, or
// updating the ISR it leads with (R17).
import { emit } from '../core/core';
import { assignEpochStartOffset, emptySegment, logEndOffset } from './log';
import { maybeIncrementHighWatermark } from './leader-state';
import { completeParkedFetches, completeParkedProduces } from './purgatory';
import { wakeFetcher } from './fetcher';
import type { Broker, MetadataImage, PartitionState, Replica, SimState } from '../core/state';

export function newReplica(partition: string): Replica {
  return {
    partition,
    logStartOffset: 0,
    segments: [emptySegment(0)],
    hw: 0,
    epochCache: [],
    checkpointedHw: 0,
    producerState: [],
    role: 'none',
    leaderId: null,
    leaderEpoch: -1,
    partitionEpoch: -1,
    isr: [],
    pendingIsr: null,
    followers: {},
    fetchBackoffUntil: 0,
  };
}

/** Applies a whole snapshot (a broker that fell behind, or just restarted). */
export function applySnapshot(s: SimState, b: Broker, snap: MetadataImage): void {
  if (snap.offset <= b.image.offset) return;
  b.image.brokers = { ...snap.brokers };
  b.image.topicConfigs = { ...snap.topicConfigs };
  for (const p of Object.values(snap.partitions)) applyPartitionState(s, b, p);
  b.image.offset = snap.offset;
}

export function applyPartitionState(
  s: SimState,
  b: Broker,
  p: PartitionState,
  /** applied before the min.insync.replicas change of its batch (a ClearElrRecord) */
  beforeMinIsrChange = false,
): void {
  const before = b.image.partitions[p.name];
  b.image.partitions[p.name] = p;
  if (!p.replicas.includes(b.id)) return;
  const r = (b.replicas[p.name] ??= newReplica(p.name));
  if (before && before.partitionEpoch === p.partitionEpoch && r.role !== 'none') return;
  if (p.leader === b.id) {
    if (r.role === 'leader' && r.leaderEpoch === p.leaderEpoch)
      updateLeaderIsr(s, b, r, p, beforeMinIsrChange);
    else becomeLeader(s, b, r, p);
  } else {
    becomeFollower(s, b, r, p);
  }
}

/**
 * R4: record (epoch -> LEO) at once. R29: keep the whole log; forget follower LEOs, so the HW
 * waits for every ISR follower to fetch in this epoch.
 */
function becomeLeader(s: SimState, b: Broker, r: Replica, p: PartitionState): void {
  b.rolesVersion++;
  r.role = 'leader';
  r.leaderId = b.id;
  r.leaderEpoch = p.leaderEpoch;
  r.partitionEpoch = p.partitionEpoch;
  r.isr = [...p.isr];
  r.pendingIsr = null;
  assignEpochStartOffset(r, p.leaderEpoch, logEndOffset(r));
  r.followers = {};
  for (const id of p.replicas) {
    if (id === b.id) continue;
    r.followers[id] = {
      leo: -1,
      lastCaughtUpTime: p.isr.includes(id) ? s.now : 0,
      lastFetchLeaderLeo: -1,
      lastFetchTime: 0,
      brokerEpoch: -1,
    };
  }
  emit(s, 'becameLeader', null, {
    broker: b.id,
    partition: r.partition,
    rule: 'R4',
    data: { leaderEpoch: p.leaderEpoch, startOffset: logEndOffset(r), hw: r.hw },
  });
  maybeIncrementHighWatermark(s, b, r);
}

function updateLeaderIsr(
  s: SimState,
  b: Broker,
  r: Replica,
  p: PartitionState,
  beforeMinIsrChange: boolean,
): void {
  r.isr = [...p.isr];
  r.partitionEpoch = p.partitionEpoch;
  r.pendingIsr = null;
  // Partition.makeLeader recomputes the HW, but for the ELR cleared by a min.insync.replicas
  // change it does so under the old min ISR (the config is applied after the partitions of the
  // same metadata batch), which cannot move it: a lowered min ISR lets the HW advance only at
  // the leader's next append, follower fetch or ISR change.
  if (beforeMinIsrChange) return;
  maybeIncrementHighWatermark(s, b, r);
  completeParkedProduces(s, b, r.partition);
}

function becomeFollower(s: SimState, b: Broker, r: Replica, p: PartitionState): void {
  b.rolesVersion++;
  const wasLeader = r.role === 'leader';
  const leaderMoved = r.leaderId !== p.leader || r.leaderEpoch !== p.leaderEpoch;
  r.role = 'follower';
  r.leaderId = p.leader;
  r.leaderEpoch = p.leaderEpoch;
  r.partitionEpoch = p.partitionEpoch;
  r.isr = [...p.isr];
  r.pendingIsr = null;
  r.followers = {};
  if (wasLeader) {
    // R9: parked acks=all requests end with NOT_LEADER_OR_FOLLOWER; parked fetches answer now.
    completeParkedProduces(s, b, r.partition);
    completeParkedFetches(s, b, r.partition, 'role');
  }
  if (leaderMoved) r.fetchBackoffUntil = 0;
  if (p.leader !== null && p.leader !== b.id) wakeFetcher(s, b, p.leader);
}
