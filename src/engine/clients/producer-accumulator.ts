// The producer's RecordAccumulator (R37-R40 from the client's side): partitioning (murmur2 for
// keys, sticky for keyless records), batching by linger.ms/batch.size, the per-partition queues
// the sender drains, and delivery.timeout.ms for batches that never complete.
import { newId, schedule } from '../core/core';
import { partitionForKey } from './partitioner';
import { nextInt } from '../core/rng';
import { failBatch } from './producer-outcomes';
import {
  partitionName,
  splitPartitionName,
  type Producer,
  type ProducerBatch,
  type RecordInfo,
  type SimState,
} from '../core/state';
import { nextRid } from '../core/records';

const RECORD_OVERHEAD_BYTES = 70;

function recordBytes(value: string, key: string | null): number {
  return value.length + (key?.length ?? 0) + RECORD_OVERHEAD_BYTES;
}

/** Chooses the partition: explicit, murmur2 of the key, or the sticky partition (KIP-794). */
function choosePartition(
  s: SimState,
  p: Producer,
  topic: string,
  key: string | null,
  bytes: number,
): string {
  const count = s.topics[topic]!.partitions;
  if (key !== null) return partitionName(topic, partitionForKey(key, count));
  let sticky = p.stickyPartition[topic];
  if (!sticky || sticky.bytes >= p.config['batch.size']) {
    const withLeader = [];
    for (let i = 0; i < count; i++) {
      const md = p.metadata.partitions[partitionName(topic, i)];
      if (!md || md.leader !== null) withLeader.push(i);
    }
    const pool = withLeader.length > 0 ? withLeader : [...Array(count).keys()];
    const previous = sticky?.partition;
    const choices = pool.length > 1 ? pool.filter((i) => i !== previous) : pool;
    sticky = { partition: choices[nextInt(s, choices.length)]!, bytes: 0 };
    p.stickyPartition[topic] = sticky;
  }
  sticky.bytes += bytes;
  return partitionName(topic, sticky.partition);
}

/** One record into the accumulator (RecordAccumulator.append). Returns its record id. */
export function appendToAccumulator(
  s: SimState,
  p: Producer,
  value: string,
  opts: { partition?: string; topic?: string; key?: string | null },
): number {
  const key = opts.key ?? null;
  const bytes = recordBytes(value, key);
  const topic = opts.topic ?? splitPartitionName(opts.partition!).topic;
  const partition = opts.partition ?? choosePartition(s, p, topic, key, bytes);
  const rid = nextRid(s);
  const info: RecordInfo = {
    rid,
    value,
    key,
    client: p.id,
    partition,
    status: 'pending',
    offset: -1,
    error: null,
    errorMessage: null,
    attemptErrors: [],
    sentAt: s.now,
    ackedAt: -1,
    appends: [],
    handled: false,
    acks: p.config.acks,
    undeliverable: false,
  };
  s.records.push(info);

  const queue = (p.queues[partition] ??= []);
  const lastId = queue[queue.length - 1];
  const last = lastId !== undefined ? p.batches[lastId] : undefined;
  if (
    last &&
    !last.inflight &&
    !last.done &&
    last.attempts === 0 &&
    last.bytes + bytes <= Math.max(p.config['batch.size'], bytes)
  ) {
    last.rids.push(rid);
    last.bytes += bytes;
  } else {
    const batch: ProducerBatch = {
      id: newId(s),
      partition,
      rids: [rid],
      bytes,
      createdAt: s.now,
      attempts: 0,
      retryAt: 0,
      sequence: -1,
      producerEpoch: -1,
      inflight: false,
      done: false,
    };
    p.batches[batch.id] = batch;
    queue.push(batch.id);
    scheduleExpiryCheck(s, p, batch.createdAt + p.config['delivery.timeout.ms']);
  }
  return rid;
}

/**
 * The partition's next batch to drain: the first one not in flight. The queue stays in sequence
 * order (a failed batch keeps its place, as RecordAccumulator.insertInSequenceOrder puts it back),
 * and a retried batch waits until every earlier one is answered, so while a partition retries it
 * sends one batch at a time (R39, shouldStopDrainBatchesForPartition). No new batch goes while
 * an earlier sequence's fate is unknown (hasUnresolvedSequence).
 */
export function nextToDrain(
  p: Producer,
  partition: string,
  ids: number[],
): ProducerBatch | undefined {
  let earlierInflight = false;
  for (const id of ids) {
    const b = p.batches[id]!;
    if (b.done) continue;
    if (b.inflight) {
      earlierInflight = true;
      continue;
    }
    if (b.sequence < 0 && p.unresolved[partition] !== undefined) return undefined;
    // after an epoch bump a partition moves to the new epoch once its older batches are answered
    // (hasStaleProducerIdAndEpoch): they keep their epoch and sequences, so nothing is rewritten
    const stale = (p.sequenceEpoch[partition] ?? p.producerEpoch) !== p.producerEpoch;
    if (b.sequence < 0 && stale && earlierInflight) return undefined;
    return b.sequence >= 0 && earlierInflight ? undefined : b;
  }
  return undefined;
}

/** One pending expiry check per producer, at the deadline of its oldest batch (keeps the agenda small). */
function scheduleExpiryCheck(s: SimState, p: Producer, at: number): void {
  if (p.expiryCheckAt !== 0 && p.expiryCheckAt <= at) return;
  p.expiryCheckAt = at;
  schedule(s, at, { kind: 'batchExpire', client: p.id, at });
}

/** R40: batches not done within delivery.timeout.ms fail with a TimeoutException. */
export function onBatchExpiryCheck(s: SimState, p: Producer, at: number): void {
  if (at !== p.expiryCheckAt) return;
  p.expiryCheckAt = 0;
  const ms = p.config['delivery.timeout.ms'];
  let next = Infinity;
  for (const batch of Object.values(p.batches)) {
    if (batch.done) continue;
    if (batch.createdAt + ms <= s.now) {
      failBatch(
        s,
        p,
        batch,
        'REQUEST_TIMED_OUT',
        `TimeoutException: Expiring ${batch.rids.length} record(s) for ${batch.partition}: ${ms} ms has passed since batch creation`,
      );
    } else next = Math.min(next, batch.createdAt + ms);
  }
  if (next < Infinity) scheduleExpiryCheck(s, p, next);
}
