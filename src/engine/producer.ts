// The producer client (R7-R9 from the client's side, R37-R40): partitioning, batching with
// linger.ms/batch.size, one request per leader, retries with backoff, idempotent sequences,
// request and delivery timeouts. Outcomes are reported per record.
import { emit, newId, schedule, send } from './core';
import {
  markStale,
  onMetadataFailed,
  onMetadataResponse,
  requestMetadata,
} from './client-metadata';
import { partitionForKey } from './partitioner';
import { nextFloat, nextInt } from './rng';
import { recordSucceeded } from './checker';
import type { Payload } from './messages';
import {
  brokerAddr,
  clientAddr,
  partitionName,
  splitPartitionName,
  type Producer,
  type ProducerBatch,
  type RecordInfo,
  type SimState,
} from './state';
import { nextRid, recordOf } from './records';

/** Errors the client retries (R38). */
export const RETRIABLE_ERRORS = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'REQUEST_TIMED_OUT',
  'NETWORK_EXCEPTION',
  'LEADER_NOT_AVAILABLE',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'OUT_OF_ORDER_SEQUENCE_NUMBER',
]);

/** Errors that mean the client's metadata is wrong: refresh before retrying (R38). */
const INVALID_METADATA = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'NETWORK_EXCEPTION',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'REQUEST_TIMED_OUT',
]);

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

/** send(): one record into the accumulator. Returns its record id. */
export function producerSend(
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
      inflight: false,
      done: false,
    };
    p.batches[batch.id] = batch;
    queue.push(batch.id);
    scheduleExpiryCheck(s, p, batch.createdAt + p.config['delivery.timeout.ms']);
  }
  wakeProducer(s, p, s.now);
  return rid;
}

export function wakeProducer(s: SimState, p: Producer, at: number): void {
  if (p.wakeAt > s.now && p.wakeAt <= at) return;
  p.wakeAt = at;
  schedule(s, at, { kind: 'producerWake', client: p.id, at });
}

/**
 * The partition's next batch to drain: the first one not in flight. The queue stays in sequence
 * order (a failed batch keeps its place, as RecordAccumulator.insertInSequenceOrder puts it back),
 * and a retried batch waits until every earlier one is answered, so while a partition retries it
 * sends one batch at a time (R39, shouldStopDrainBatchesForPartition).
 */
function nextToDrain(p: Producer, ids: number[]): ProducerBatch | undefined {
  let earlierInflight = false;
  for (const id of ids) {
    const b = p.batches[id]!;
    if (b.done) continue;
    if (b.inflight) {
      earlierInflight = true;
      continue;
    }
    return b.sequence >= 0 && earlierInflight ? undefined : b;
  }
  return undefined;
}

function leaderOf(p: Producer, partition: string): number | null {
  return p.metadata.partitions[partition]?.leader ?? null;
}

function inflightTo(p: Producer, broker: number): number {
  let n = 0;
  for (const req of Object.values(p.inflight)) if (req.broker === broker) n++;
  return n;
}

/** The sender loop: drain ready batches into one request per leader (RecordAccumulator.ready/drain). */
export function runSender(s: SimState, p: Producer): void {
  const linger = p.config['linger.ms'];
  const byLeader = new Map<number, ProducerBatch[]>();
  let nextWake = Infinity;
  let needMetadata = p.metadata.stale && p.metadata.fetchedAt < 0;
  for (const partition of Object.keys(p.queues).sort()) {
    const batch = nextToDrain(p, p.queues[partition]!);
    if (!batch) continue;
    const leader = leaderOf(p, partition);
    if (leader === null) {
      needMetadata = true;
      continue;
    }
    const readyAt =
      batch.attempts > 0
        ? batch.retryAt
        : batch.bytes >= p.config['batch.size']
          ? batch.createdAt
          : batch.createdAt + linger;
    if (readyAt > s.now) {
      nextWake = Math.min(nextWake, readyAt);
      continue;
    }
    const list = byLeader.get(leader) ?? [];
    list.push(batch);
    byLeader.set(leader, list);
  }
  for (const [leader, batches] of [...byLeader.entries()].sort((a, b) => a[0] - b[0])) {
    if (inflightTo(p, leader) >= p.config['max.in.flight.requests.per.connection']) continue;
    const retryAt = connect(s, p, leader);
    if (retryAt > s.now) {
      nextWake = Math.min(nextWake, retryAt);
      needMetadata ||= p.metadata.stale;
      continue;
    }
    sendProduceRequest(s, p, leader, batches);
  }
  if (needMetadata)
    requestMetadata(s, p.id, p.metadata, Object.keys(s.topics), p.config['request.timeout.ms']);
  if (nextWake < Infinity) wakeProducer(s, p, nextWake);
}

/**
 * A connection to the leader (NetworkClient.ready): a broker whose process is down refuses it,
 * so nothing is written and the batches wait (with acks=0 too: they are not "sent"); the client
 * backs off (reconnect.backoff.ms, doubling to reconnect.backoff.max.ms) and refreshes its
 * metadata (handleServerDisconnect). Returns when a connection may be tried again (now if up).
 * The refusal is known at once here: the attempt's own round trip is not modelled.
 */
function connect(s: SimState, p: Producer, broker: number): number {
  const refused = p.refused[broker];
  if (s.brokers[broker]?.up) {
    if (refused) delete p.refused[broker];
    return s.now;
  }
  if (refused && refused.retryAt > s.now) return refused.retryAt;
  const attempts = (refused?.attempts ?? 0) + 1;
  const base = p.config['reconnect.backoff.ms'] * 2 ** (attempts - 1);
  const capped = Math.min(
    base,
    Math.max(p.config['reconnect.backoff.max.ms'], p.config['reconnect.backoff.ms']),
  );
  const retryAt = s.now + Math.max(1, Math.floor(capped * (0.8 + 0.4 * nextFloat(s))));
  p.refused[broker] = { attempts, retryAt };
  p.metadata.failed[broker] = s.now;
  markStale(p.metadata);
  if (attempts === 1)
    emit(
      s,
      'connectionRefused',
      `${p.id} cannot connect to broker ${broker} (its process is down): nothing is written, the records wait in the producer, and it refreshes its metadata.`,
      { client: p.id, broker, rule: 'R38' },
    );
  return retryAt;
}

function sendProduceRequest(
  s: SimState,
  p: Producer,
  leader: number,
  batches: ProducerBatch[],
): void {
  const acks = p.config.acks;
  const idempotent = p.config['enable.idempotence'];
  const requestId = newId(s);
  for (const b of batches) {
    b.attempts++;
    b.inflight = true;
    if (idempotent && b.sequence < 0) {
      b.sequence = p.nextSequence[b.partition] ?? 0;
      p.nextSequence[b.partition] = b.sequence + b.rids.length;
    }
  }
  send(s, clientAddr(p.id), brokerAddr(leader), {
    kind: 'produce',
    requestId,
    acks,
    timeoutMs: p.config['request.timeout.ms'],
    batches: batches.map((b) => ({
      batchId: b.id,
      partition: b.partition,
      producerId: idempotent ? p.producerId : -1,
      baseSequence: idempotent ? b.sequence : -1,
      records: b.rids.map((rid) => ({
        rid,
        value: recordOf(s, rid)!.value,
        key: recordOf(s, rid)!.key,
      })),
    })),
  });
  if (acks === 0) {
    // R7: complete as soon as it is written to the socket, offset -1, no retries.
    for (const b of batches) completeBatch(s, p, b, null, -1);
    return;
  }
  p.inflight[requestId] = {
    id: requestId,
    broker: leader,
    batchIds: batches.map((b) => b.id),
    sentAt: s.now,
    timeoutAt: s.now + p.config['request.timeout.ms'],
    acks,
    dropped: false,
  };
  schedule(s, s.now + p.config['request.timeout.ms'], {
    kind: 'produceRequestTimeout',
    client: p.id,
    requestId,
  });
}

type ProduceResponse = Extract<Payload, { kind: 'produceResponse' }>;

export function onProduceResponse(s: SimState, p: Producer, resp: ProduceResponse): void {
  const req = p.inflight[resp.requestId];
  if (!req) return;
  delete p.inflight[resp.requestId];
  for (const part of resp.partitions) {
    const batch = p.batches[part.batchId];
    if (!batch || batch.done) continue;
    batch.inflight = false;
    if (part.error === null) completeBatch(s, p, batch, null, part.baseOffset);
    else batchError(s, p, batch, part.error, req.broker);
  }
  runSender(s, p);
}

/** The request got no answer in request.timeout.ms, or the connection broke. */
export function onProduceRequestFailed(
  s: SimState,
  p: Producer,
  requestId: number,
  error: string,
): void {
  const req = p.inflight[requestId];
  if (!req) {
    // acks=0: the broker closed the connection instead of answering; refresh (R38)
    if (error === 'NETWORK_EXCEPTION') refreshProducerMetadata(s, p);
    return;
  }
  delete p.inflight[requestId];
  if (error === 'NETWORK_EXCEPTION') p.metadata.failed[req.broker] = s.now;
  for (const id of req.batchIds) {
    const batch = p.batches[id];
    if (!batch || batch.done) continue;
    batch.inflight = false;
    batchError(s, p, batch, error, req.broker);
  }
  runSender(s, p);
}

function backoffMs(s: SimState, p: Producer, attempts: number): number {
  const base = p.config['retry.backoff.ms'] * 2 ** Math.max(0, attempts - 1);
  const capped = Math.min(
    base,
    Math.max(p.config['retry.backoff.max.ms'], p.config['retry.backoff.ms']),
  );
  return Math.floor(capped * (0.8 + 0.4 * nextFloat(s))); // Kafka's 20 % jitter
}

function batchError(
  s: SimState,
  p: Producer,
  batch: ProducerBatch,
  error: string,
  broker: number,
): void {
  const retriesDone = batch.attempts - 1;
  const expired = s.now >= batch.createdAt + p.config['delivery.timeout.ms'];
  if (RETRIABLE_ERRORS.has(error) && retriesDone < p.config.retries && !expired) {
    for (const rid of batch.rids) recordOf(s, rid)!.attemptErrors.push(error);
    batch.retryAt = s.now + backoffMs(s, p, batch.attempts);
    emit(
      s,
      'produceAttemptFailed',
      `${p.id}: sending ${batch.rids.length === 1 ? `"${recordOf(s, batch.rids[0]!)!.value}"` : `${batch.rids.length} records`} to ${batch.partition} on broker ${broker} failed with ${error}; retrying in ${batch.retryAt - s.now} ms.`,
      {
        client: p.id,
        partition: batch.partition,
        broker,
        record: recordOf(s, batch.rids[0]!)!.value,
        rule: 'R38',
        data: { error, values: batch.rids.map((r) => recordOf(s, r)!.value) },
      },
    );
    if (INVALID_METADATA.has(error)) {
      markStale(p.metadata);
      requestMetadata(s, p.id, p.metadata, Object.keys(s.topics), p.config['request.timeout.ms']);
    }
    wakeProducer(s, p, batch.retryAt);
    return;
  }
  failBatch(s, p, batch, error, null);
}

export function failBatch(
  s: SimState,
  p: Producer,
  batch: ProducerBatch,
  error: string,
  message: string | null,
): void {
  batch.done = true;
  batch.inflight = false;
  removeFromQueue(p, batch);
  for (const rid of batch.rids) {
    const r = recordOf(s, rid)!;
    r.status = 'failed';
    r.error = error;
    r.errorMessage = message;
    emit(
      s,
      'produceFailed',
      `${p.id}: "${r.value}" failed with ${error}${message ? ` (${message})` : ''}; the application is told.`,
      { client: p.id, partition: batch.partition, record: r.value, rule: 'R38', data: { error } },
    );
  }
}

function completeBatch(
  s: SimState,
  p: Producer,
  batch: ProducerBatch,
  _error: null,
  baseOffset: number,
): void {
  batch.done = true;
  batch.inflight = false;
  removeFromQueue(p, batch);
  const acks = p.config.acks;
  batch.rids.forEach((rid, i) => {
    const r = recordOf(s, rid)!;
    r.status = acks === 0 ? 'sent' : 'acked';
    r.offset = acks === 0 ? -1 : baseOffset + i;
    r.ackedAt = s.now;
    if (acks === 0)
      emit(s, 'recordSent', null, {
        client: p.id,
        partition: batch.partition,
        record: r.value,
        rule: 'R7',
      });
    else
      emit(s, 'recordAcked', null, {
        client: p.id,
        partition: batch.partition,
        record: r.value,
        rule: acks === -1 ? 'R9' : 'R8',
        data: { offset: r.offset, acks },
      });
    recordSucceeded(s, r);
  });
}

function removeFromQueue(p: Producer, batch: ProducerBatch): void {
  const q = p.queues[batch.partition];
  if (q) {
    const rest = q.filter((id) => id !== batch.id);
    if (rest.length > 0) p.queues[batch.partition] = rest;
    else delete p.queues[batch.partition];
  }
  delete p.batches[batch.id];
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

export function onProducerMetadataResponse(
  s: SimState,
  p: Producer,
  resp: Extract<Payload, { kind: 'metadataResponse' }>,
): void {
  if (onMetadataResponse(s, p.id, p.metadata, resp)) runSender(s, p);
}

export function onProducerMetadataFailed(
  s: SimState,
  p: Producer,
  requestId: number,
  broker: number | null,
): void {
  if (onMetadataFailed(s, p.metadata, requestId, broker)) runSender(s, p);
}

export function refreshProducerMetadata(s: SimState, p: Producer): void {
  markStale(p.metadata);
  p.metadata.nextRefreshAt = 0;
  requestMetadata(s, p.id, p.metadata, Object.keys(s.topics), p.config['request.timeout.ms']);
}

/** A steady stream of unkeyed records ("P-1", "P-2", ...) at `rate` per simulated second. */
export function setProducerStream(s: SimState, p: Producer, rate: number): void {
  p.stream.rate = Math.max(0, rate);
  p.stream.epoch++;
  if (p.stream.rate > 0)
    schedule(s, s.now, { kind: 'streamTick', client: p.id, epoch: p.stream.epoch });
}

export function onStreamTick(s: SimState, p: Producer, epoch: number): void {
  if (epoch !== p.stream.epoch || p.stream.rate <= 0) return;
  const topic =
    s.partitionOrder.length > 0 ? s.controller.partitions[s.partitionOrder[0]!]!.topic : null;
  if (topic === null) return;
  const value = `${p.id}-${++p.stream.sent}`;
  producerSend(s, p, value, { topic });
  schedule(s, s.now + Math.max(1, Math.round(1000 / p.stream.rate)), {
    kind: 'streamTick',
    client: p.id,
    epoch,
  });
}
