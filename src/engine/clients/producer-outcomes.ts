// How a producer batch ends: acknowledged (or, with acks=0, written) or failed for good; each
// record's outcome is reported to the application.
import { emit } from '../core/core';
import type { Producer, ProducerBatch, SimState } from '../core/state';
import { recordOf } from '../core/records';

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
  // were its sequences written? If not, no later batch can follow them (KIP-360)
  if (batch.sequence >= 0)
    p.unresolved[batch.partition] = Math.max(
      p.unresolved[batch.partition] ?? -1,
      batch.sequence + batch.rids.length - 1,
    );
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

export function completeBatch(
  s: SimState,
  p: Producer,
  batch: ProducerBatch,
  _error: null,
  baseOffset: number,
): void {
  batch.done = true;
  batch.inflight = false;
  removeFromQueue(p, batch);
  // the leader takes sequences only in order: an ack past an unresolved one proves it written
  const unresolved = p.unresolved[batch.partition];
  if (unresolved !== undefined && batch.sequence > unresolved) delete p.unresolved[batch.partition];
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
        data: { rid: r.rid },
      });
    else
      emit(s, 'recordAcked', null, {
        client: p.id,
        partition: batch.partition,
        record: r.value,
        rule: acks === -1 ? 'R9' : 'R8',
        data: { offset: r.offset, acks, rid: r.rid },
      });
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
