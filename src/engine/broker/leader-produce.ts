// A broker handling a produce request (R5-R9, R39).
import { closeConnection, emit, newId, schedule, send } from '../core/core';
import { appendEntry, logEndOffset, offsetOfSequence, producerStateOf } from './log';
import { segmentMsOn } from './retention';
import { isUnderMinIsr, maybeIncrementHighWatermark } from './leader-state';
import type { Payload, ProduceBatchWire } from '../core/messages';
import { completeParkedFetches, tryCompleteProduce } from './purgatory';
import type { Broker, Message, ParkedProduce, Replica, SimState } from '../core/state';
import { checkSentRecord } from '../check/checker';
import { noteAppend, recordOf } from '../core/records';

type ProduceReq = Extract<Payload, { kind: 'produce' }>;
type PartResult = ParkedProduce['partitions'][number];

export function onProduce(s: SimState, b: Broker, msg: Message, req: ProduceReq): void {
  const client = msg.from.slice('client:'.length);
  const results: PartResult[] = req.batches.map((batch) => appendBatch(s, b, req, batch, client));
  if (req.acks === 0) {
    // R7: never answered; R41 decides now whether it is lost.
    for (const batch of req.batches)
      for (const rec of batch.records) checkSentRecord(s, recordOf(s, rec.rid)!);
    const failed = results.find((r) => r.error !== null);
    if (failed) closeOnAcksZeroError(s, b, msg, req, client, failed);
    return;
  }
  const parked: ParkedProduce = {
    id: newId(s),
    client,
    requestId: req.requestId,
    expiresAt: s.now + req.timeoutMs,
    partitions: results,
  };
  if (req.acks === 1 || results.every((r) => r.done)) {
    for (const r of results) r.done = true;
    send(s, msg.to, msg.from, {
      kind: 'produceResponse',
      requestId: req.requestId,
      partitions: results.map((r) => ({
        partition: r.partition,
        batchId: r.batchId,
        error: r.error,
        baseOffset: r.error ? -1 : r.baseOffset,
      })),
    });
    return;
  }
  // R9: acks=all waits in purgatory for the HW, up to the request timeout.
  b.parkedProduces.push(parked);
  if (!tryCompleteProduce(s, b, parked)) {
    schedule(s, parked.expiresAt, {
      kind: 'parkedProduceExpire',
      broker: b.id,
      incarnation: b.incarnation,
      parkedId: parked.id,
    });
  }
}

/**
 * KafkaApis.handleProduceRequest: an acks=0 request is never answered, so an error closes the
 * connection instead; the client sees the disconnect and refreshes its metadata.
 */
function closeOnAcksZeroError(
  s: SimState,
  b: Broker,
  msg: Message,
  req: ProduceReq,
  client: string,
  failed: PartResult,
): void {
  emit(
    s,
    'connectionClosed',
    `Broker ${b.id} answered ${client}'s acks=0 request for ${failed.partition} with ${failed.error} by closing the connection (acks=0 gets no answer); the records are lost and ${client} refreshes its metadata.`,
    {
      broker: b.id,
      client,
      partition: failed.partition,
      rule: 'R7',
      data: { error: failed.error },
    },
  );
  closeConnection(s, msg.to, msg.from, 'produce', req.requestId);
}

function appendBatch(
  s: SimState,
  b: Broker,
  req: ProduceReq,
  batch: ProduceBatchWire,
  client: string,
): PartResult {
  const result: PartResult = {
    partition: batch.partition,
    batchId: batch.batchId,
    requiredOffset: 0,
    baseOffset: -1,
    error: null,
    done: true,
  };
  for (const rec of batch.records) {
    const info = recordOf(s, rec.rid);
    if (info) info.handled = true;
  }
  const r = b.replicas[batch.partition];
  if (!r || r.role !== 'leader') {
    result.error = 'NOT_LEADER_OR_FOLLOWER'; // R5
  } else if (req.acks === -1 && isUnderMinIsr(s, b, r)) {
    result.error = 'NOT_ENOUGH_REPLICAS'; // R6: nothing is appended
  } else {
    const dup = findDuplicate(r, batch);
    if (dup !== null) {
      // R39: a retried batch already in the log gets its original offsets back.
      result.baseOffset = dup;
      result.requiredOffset = dup + batch.records.length;
      result.done = false;
      return result;
    }
    const sequenceError = checkSequence(r, batch);
    if (sequenceError) {
      result.error = sequenceError; // R39: nothing is appended
      return result;
    }
    result.baseOffset = logEndOffset(r);
    const segmentMs = segmentMsOn(b, batch.partition);
    for (let i = 0; i < batch.records.length; i++) {
      const rec = batch.records[i]!;
      const offset = appendEntry(
        r,
        {
          value: rec.value,
          key: rec.key,
          epoch: r.leaderEpoch,
          rid: rec.rid,
          producerId: batch.producerId,
          producerEpoch: batch.producerEpoch,
          sequence: batch.baseSequence < 0 ? -1 : batch.baseSequence + i,
          timestamp: s.now,
        },
        segmentMs,
      );
      noteAppend(s, rec.rid, b.id, offset, r.leaderEpoch);
    }
    const last = result.baseOffset + batch.records.length - 1;
    emit(s, 'recordAppended', null, {
      broker: b.id,
      partition: batch.partition,
      client,
      record: batch.records[0]?.value,
      rule: 'R8',
      data: {
        baseOffset: result.baseOffset,
        count: batch.records.length,
        leo: logEndOffset(r),
        epoch: r.leaderEpoch,
        values: batch.records.map((x) => x.value),
      },
    });
    result.requiredOffset = last + 1;
    result.done = false;
    maybeIncrementHighWatermark(s, b, r);
    completeParkedFetches(s, b, batch.partition, 'data');
  }
  return result;
}

/**
 * R39 (ProducerAppendInfo.checkSequence): a known producer's batch must start right after the
 * last sequence appended in its epoch, and a new epoch starts at 0 (KIP-360); a producer with no
 * state here (new, or its records deleted) may start anywhere; an older epoch is fenced.
 */
function checkSequence(r: Replica, batch: ProduceBatchWire): string | null {
  if (batch.producerId < 0 || batch.baseSequence < 0) return null;
  const state = producerStateOf(r, batch.producerId);
  if (!state) return null;
  if (batch.producerEpoch < state.epoch) return 'INVALID_PRODUCER_EPOCH';
  if (batch.producerEpoch > state.epoch)
    return batch.baseSequence === 0 ? null : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
  const last = state.runs[state.runs.length - 1]?.[1] ?? -1;
  return batch.baseSequence === last + 1 ? null : 'OUT_OF_ORDER_SEQUENCE_NUMBER';
}

/** R39: the base offset of this producer's batch if it is already in the log. */
function findDuplicate(r: Replica, batch: ProduceBatchWire): number | null {
  if (batch.producerId < 0 || batch.baseSequence < 0) return null;
  return offsetOfSequence(r, batch.producerId, batch.producerEpoch, batch.baseSequence);
}
