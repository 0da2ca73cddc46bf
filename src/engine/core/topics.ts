// Topic-level facts derived from config.
import type { Broker, PartitionState, SimState } from './state';

/** min(min.insync.replicas, replication factor), the cap added in 3.7 (R6). */
export function effectiveMinIsr(
  s: SimState,
  p: Pick<PartitionState, 'topic' | 'replicas'>,
): number {
  const configured = s.controller.topicConfigs[p.topic]?.['min.insync.replicas'] ?? 1;
  return Math.min(configured, p.replicas.length);
}

/**
 * The min ISR a leader applies (R6, R9, R10): its own LogConfig, where a min.insync.replicas set
 * on this broker alone is the default of topics that do not set it themselves; the controller
 * never sees that value (effectiveMinIsr is its view, used for the ELR).
 */
export function leaderMinIsr(
  s: SimState,
  b: Pick<Broker, 'ownMinIsr'>,
  p: Pick<PartitionState, 'topic' | 'replicas'>,
): number {
  const own = s.controller.topicOverrides[p.topic]?.includes('min.insync.replicas') ?? false;
  if (own || b.ownMinIsr === undefined) return effectiveMinIsr(s, p);
  return Math.min(b.ownMinIsr, p.replicas.length);
}
