// The producer client as the application sees it (KafkaProducer): send() appends a record to the
// accumulator and wakes the sender; the app's steady stream of keyless records.
import { schedule } from '../core/core';
import { appendToAccumulator } from './producer-accumulator';
import { wakeProducer } from './producer-sender';
import type { Producer, SimState } from '../core/state';

export { onBatchExpiryCheck } from './producer-accumulator';
export {
  onProduceRequestFailed,
  onProduceResponse,
  onProducerMetadataFailed,
  onProducerMetadataResponse,
  refreshProducerMetadata,
  runSender,
} from './producer-sender';

/** send(): one record into the accumulator, and the sender woken. Returns its record id. */
export function producerSend(
  s: SimState,
  p: Producer,
  value: string,
  opts: { partition?: string; topic?: string; key?: string | null },
): number {
  const rid = appendToAccumulator(s, p, value, opts);
  wakeProducer(s, p, s.now);
  return rid;
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
