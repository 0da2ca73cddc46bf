// The leader's view of a partition's ISR, read by the leader and by its purgatory.
import type { Replica, SimState } from '../core/state';

export function topicOf(s: SimState, r: Replica): { topic: string; replicas: number[] } {
  return s.controller.partitions[r.partition] ?? { topic: '', replicas: [] };
}

/** Committed ISR plus a pending expansion (a pending shrink is not yet effective) (R17). */
export function maximalIsr(r: Replica): number[] {
  const pending = r.pendingIsr;
  if (!pending) return r.isr;
  return [...new Set([...r.isr, ...pending.isr])];
}
