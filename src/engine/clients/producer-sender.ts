// The producer's Sender (R7-R9 from the client's side, R38, R39): drains ready batches into one
// request per leader over a connection, at most max.in.flight.requests.per.connection in flight;
// retries with backoff and metadata refreshes; idempotent sequences.
import { emit, newId, schedule, send } from '../core/core';
import {
  markStale,
  onMetadataFailed,
  onMetadataResponse,
  requestMetadata,
} from './client-metadata';
import { nextToDrain, rehomeBlindRecords } from './producer-accumulator';
import { completeBatch, failBatch } from './producer-outcomes';
import { nextFloat } from '../core/rng';
import type { Payload } from '../core/messages';
import {
  brokerAddr,
  clientAddr,
  type Producer,
  type ProducerBatch,
  type SimState,
} from '../core/state';
import { recordOf } from '../core/records';

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

export function wakeProducer(s: SimState, p: Producer, at: number): void {
  if (p.wakeAt > s.now && p.wakeAt <= at) return;
  p.wakeAt = at;
  schedule(s, at, { kind: 'producerWake', client: p.id, at });
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
  const stuck = partitionsNeedingEpochBump(p);
  if (stuck.length > 0) bumpProducerEpoch(s, p, stuck);
  const linger = p.config['linger.ms'];
  const byLeader = new Map<number, ProducerBatch[]>();
  let nextWake = Infinity;
  let needMetadata = p.metadata.stale && p.metadata.fetchedAt < 0;
  for (const partition of Object.keys(p.queues).sort()) {
    const batch = nextToDrain(p, partition, p.queues[partition]!);
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
 * TransactionManager.maybeResolveSequences: a partition with an unresolved sequence and no batch
 * left that was sent with a sequence (in flight or waiting to retry) cannot learn its fate any
 * more: the epoch must be bumped.
 */
function partitionsNeedingEpochBump(p: Producer): string[] {
  return Object.keys(p.unresolved).filter(
    (partition) => !(p.queues[partition] ?? []).some((id) => p.batches[id]!.sequence >= 0),
  );
}

/**
 * KIP-360 (TransactionManager.bumpIdempotentEpochAndResetIdIfNeeded): a batch that had a sequence
 * failed for good, leaving a gap no later batch can fill, so the producer bumps its epoch and the
 * partitions with the gap start over at sequence 0. Batches already sequenced elsewhere keep their
 * epoch and sequence (nothing is rewritten, so nothing written is sent twice); those partitions
 * move to the new epoch once they are answered.
 */
function bumpProducerEpoch(s: SimState, p: Producer, partitions: string[]): void {
  p.producerEpoch++;
  for (const partition of partitions) {
    delete p.unresolved[partition];
    p.sequenceEpoch[partition] = p.producerEpoch; // startSequencesAtBeginning
    p.nextSequence[partition] = 0;
  }
  emit(
    s,
    'producerEpochBumped',
    `${p.id}: a batch failed for good and left a gap in the sequence numbers of ${partitions.join(', ')}, so it bumps its producer epoch to ${p.producerEpoch}: sequences there start over at 0 (KIP-360).`,
    { client: p.id, rule: 'R39', data: { producerEpoch: p.producerEpoch, partitions } },
  );
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
  const wait = exponentialBackoff(
    s,
    p.config['reconnect.backoff.ms'],
    p.config['reconnect.backoff.max.ms'],
    attempts,
  );
  const retryAt = s.now + Math.max(1, wait);
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
      if ((p.sequenceEpoch[b.partition] ?? p.producerEpoch) !== p.producerEpoch) {
        p.sequenceEpoch[b.partition] = p.producerEpoch; // maybeUpdateProducerIdAndEpoch
        p.nextSequence[b.partition] = 0;
      }
      b.sequence = p.nextSequence[b.partition] ?? 0;
      b.producerEpoch = p.producerEpoch;
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
      producerEpoch: idempotent ? b.producerEpoch : -1,
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
  return exponentialBackoff(
    s,
    p.config['retry.backoff.ms'],
    p.config['retry.backoff.max.ms'],
    attempts,
  );
}

/** Kafka's ExponentialBackoff: base doubling per attempt up to max, with 20 % jitter. */
function exponentialBackoff(s: SimState, baseMs: number, maxMs: number, attempts: number): number {
  const capped = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), Math.max(maxMs, baseMs));
  return Math.floor(capped * (0.8 + 0.4 * nextFloat(s)));
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

export function onProducerMetadataResponse(
  s: SimState,
  p: Producer,
  resp: Extract<Payload, { kind: 'metadataResponse' }>,
): void {
  if (!onMetadataResponse(s, p.id, p.metadata, resp)) return;
  rehomeBlindRecords(s, p);
  runSender(s, p);
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
