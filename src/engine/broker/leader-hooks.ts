// What follows a leader's HW advance: parked acks=all produces and consumer fetches may complete
// (the invariant checker sees the highWatermarkAdvanced event itself).
import { completeParkedFetches, completeParkedProduces } from './purgatory';
import type { Broker, Replica, SimState } from '../core/state';

export function onLeaderHighWatermarkAdvanced(s: SimState, b: Broker, r: Replica): void {
  completeParkedProduces(s, b, r.partition);
  completeParkedFetches(s, b, r.partition, 'hw');
}
