// What follows a leader's HW advance: parked acks=all produces and consumer fetches may complete,
// and the invariant checker looks at the newly committed range.
import { checkCommittedRange } from '../check/checker';
import { completeParkedFetches, completeParkedProduces } from './purgatory';
import type { Broker, Replica, SimState } from '../core/state';

export function onLeaderHighWatermarkAdvanced(
  s: SimState,
  b: Broker,
  r: Replica,
  from: number,
): void {
  checkCommittedRange(s, b, r, from);
  completeParkedProduces(s, b, r.partition);
  completeParkedFetches(s, b, r.partition, 'hw');
}
