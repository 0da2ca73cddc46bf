// Topic-level facts derived from config.
import type { PartitionState, SimState } from './state';

/** min(min.insync.replicas, replication factor), the cap added in 3.7 (R6). */
export function effectiveMinIsr(
  s: SimState,
  p: Pick<PartitionState, 'topic' | 'replicas'>,
): number {
  const configured = s.controller.topicConfigs[p.topic]?.['min.insync.replicas'] ?? 1;
  return Math.min(configured, p.replicas.length);
}
