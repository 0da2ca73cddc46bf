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
    sticky = { partition: nextStickyPartition(s, p, topic, sticky?.partition), bytes: 0 };
    p.stickyPartition[topic] = sticky;
  }
  sticky.bytes += bytes;
  return partitionName(topic, sticky.partition);
}

/** Whether the producer has any of the topic's metadata (asked at every keyless append: no arrays). */
function knowsTopic(p: Producer, topic: string, count: number): boolean {
  for (let i = 0; i < count; i++)
    if (p.metadata.partitions[partitionName(topic, i)] !== undefined) return true;
  return false;
}

/**
 * BuiltInPartitioner.nextPartition: a random partition among those with a leader (all of them if
 * none has one), another than the previous sticky one when it can.
 */
function nextStickyPartition(
  s: SimState,
  p: Producer,
  topic: string,
  previous: number | undefined,
): number {
  const count = s.topics[topic]!.partitions;
  const withLeader = [];
  for (let i = 0; i < count; i++) {
    const md = p.metadata.partitions[partitionName(topic, i)];
    if (!md || md.leader !== null) withLeader.push(i);
  }
  const pool = withLeader.length > 0 ? withLeader : [...Array(count).keys()];
  const choices = pool.length > 1 ? pool.filter((i) => i !== previous) : pool;
  return choices[nextInt(s, choices.length)]!;
}

/**
 * Kafka's send() waits for the topic's metadata before it picks a partition (waitOnMetadata,
 * then partition()), so a keyless record never goes to a partition the producer could have known
 * to be leaderless. The engine's producer appends at once; records placed before it had the
 * topic's metadata are moved, on its arrival, to a partition chosen as Kafka would have chosen
 * it. Nothing of them was sent: there was no leader to send to.
 */
export function rehomeBlindRecords(s: SimState, p: Producer): void {
  for (const [topic, sticky] of Object.entries(p.stickyPartition)) {
    const blind = sticky.blind;
    if (!blind) continue;
    delete sticky.blind;
    const count = s.topics[topic]!.partitions;
    if (!knowsTopic(p, topic, count)) {
      sticky.blind = blind;
      continue;
    }
    const from = partitionName(topic, sticky.partition);
    if (p.metadata.partitions[from]?.leader !== null) continue;
    const to = nextStickyPartition(s, p, topic, undefined);
    if (partitionName(topic, to) === from) continue;
    sticky.partition = to;
    for (const rid of blind) moveRecord(s, p, rid, from, partitionName(topic, to));
  }
}

function moveRecord(s: SimState, p: Producer, rid: number, from: string, to: string): void {
  const queue = p.queues[from] ?? [];
  const batchId = queue.find((id) => p.batches[id]!.rids.includes(rid));
  if (batchId === undefined) return;
  const batch = p.batches[batchId]!;
  if (batch.inflight || batch.attempts > 0 || batch.done) return;
  batch.rids = batch.rids.filter((r) => r !== rid);
  const info = s.records.find((r) => r.rid === rid);
  if (!info) return;
  const bytes = recordBytes(info.value, info.key);
  batch.bytes -= bytes;
  if (batch.rids.length === 0) {
    p.queues[from] = queue.filter((id) => id !== batchId);
    delete p.batches[batchId];
  }
  info.partition = to;
  insertInSendOrder(s, p, rid, to, bytes);
}

/**
 * A moved record takes its place in send order (R39): in Kafka its send() blocked until the
 * metadata came, so nothing the application sent after it can be ahead of it in the partition.
 * It joins the first unsent batch holding a later record (unsent: no sequence yet), else the end.
 */
function insertInSendOrder(
  s: SimState,
  p: Producer,
  rid: number,
  partition: string,
  bytes: number,
): void {
  const queue = p.queues[partition] ?? [];
  const later = queue
    .map((id) => p.batches[id]!)
    .find((b) => !b.inflight && !b.done && b.attempts === 0 && b.rids.some((r) => r > rid));
  if (!later) return addToQueue(s, p, rid, partition, bytes);
  const at = later.rids.findIndex((r) => r > rid);
  later.rids.splice(at, 0, rid);
  later.bytes += bytes;
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
  const sticky = p.stickyPartition[topic];
  if (
    !opts.partition &&
    key === null &&
    sticky &&
    !knowsTopic(p, topic, s.topics[topic]!.partitions)
  )
    (sticky.blind ??= []).push(rid);
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
  addToQueue(s, p, rid, partition, bytes);
  return rid;
}

/** Puts a record into the partition's last open batch, or a new one (RecordAccumulator.append). */
function addToQueue(s: SimState, p: Producer, rid: number, partition: string, bytes: number): void {
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
