// Requests parked at a leader: acks=all produce waiting for the HW (R9) and fetches waiting for
// data (R11 long-poll). They complete when their condition comes true, expire by their timeout,
// or end when the broker stops leading the partition.
import { send } from '../core/core';
import { readReplicaFetch, readConsumerFetch } from './leader-read';
import { maximalIsr, topicOf } from './isr-view';
import { leaderMinIsr } from '../core/topics';
import {
  brokerAddr,
  type Broker,
  type ParkedFetch,
  type ParkedProduce,
  type SimState,
} from '../core/state';

/** R9: a parked acks=all partition completes once the HW reaches its last offset + 1. */
export function tryCompleteProduce(s: SimState, b: Broker, parked: ParkedProduce): boolean {
  for (const part of parked.partitions) {
    if (part.done) continue;
    const r = b.replicas[part.partition];
    if (!r || r.role !== 'leader') {
      part.done = true;
      part.error = 'NOT_LEADER_OR_FOLLOWER';
      continue;
    }
    if (r.hw >= part.requiredOffset) {
      part.done = true;
      const minIsr = leaderMinIsr(s, b, topicOf(s, r));
      part.error = maximalIsr(r).length >= minIsr ? null : 'NOT_ENOUGH_REPLICAS_AFTER_APPEND';
    }
  }
  if (!parked.partitions.every((p) => p.done)) return false;
  respondProduce(s, b, parked);
  return true;
}

export function respondProduce(s: SimState, b: Broker, parked: ParkedProduce): void {
  b.parkedProduces = b.parkedProduces.filter((p) => p !== parked);
  send(s, brokerAddr(b.id), `client:${parked.client}`, {
    kind: 'produceResponse',
    requestId: parked.requestId,
    partitions: parked.partitions.map((p) => ({
      partition: p.partition,
      batchId: p.batchId,
      error: p.error,
      baseOffset: p.error ? -1 : p.baseOffset,
    })),
  });
}

/** Completes parked produce requests that involve `partition` (after an HW or role change). */
export function completeParkedProduces(s: SimState, b: Broker, partition: string): void {
  for (const parked of [...b.parkedProduces]) {
    if (parked.partitions.some((p) => p.partition === partition)) tryCompleteProduce(s, b, parked);
  }
}

export function expireParkedProduce(s: SimState, b: Broker, parkedId: number): void {
  const parked = b.parkedProduces.find((p) => p.id === parkedId);
  if (!parked) return;
  if (tryCompleteProduce(s, b, parked)) return;
  for (const p of parked.partitions) {
    if (!p.done) {
      p.done = true;
      p.error = 'REQUEST_TIMED_OUT'; // R9: the record stays in the log and may still commit
    }
  }
  respondProduce(s, b, parked);
}

/** A parked fetch answers once there is data for it (replica) or data below the HW (consumer). */
export function completeParkedFetches(
  s: SimState,
  b: Broker,
  partition: string,
  why: 'data' | 'hw' | 'role',
): void {
  for (const parked of [...b.parkedFetches]) {
    if (!parked.partitions.some((p) => p.partition === partition)) continue;
    const isReplica = parked.replicaId >= 0;
    if (why === 'role' || (why === 'data' && isReplica) || (why === 'hw' && !isReplica)) {
      answerParkedFetch(s, b, parked);
    }
  }
}

export function answerParkedFetch(s: SimState, b: Broker, parked: ParkedFetch): void {
  b.parkedFetches = b.parkedFetches.filter((p) => p !== parked);
  if (parked.replicaId >= 0) {
    if (parked.dropResponse) return;
    send(s, brokerAddr(b.id), parked.from, {
      kind: 'fetchResponse',
      fetchId: parked.fetchId,
      partitions: parked.partitions.map((p) => readReplicaFetch(s, b, p.partition, p.fetchOffset)),
    });
  } else {
    const p = parked.partitions[0]!;
    send(
      s,
      brokerAddr(b.id),
      parked.from,
      readConsumerFetch(b, p.partition, p.fetchOffset, parked.fetchId),
    );
  }
}

export function expireParkedFetch(s: SimState, b: Broker, parkedId: number): void {
  const parked = b.parkedFetches.find((p) => p.id === parkedId);
  if (parked) answerParkedFetch(s, b, parked);
}
