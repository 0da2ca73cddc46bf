// The `kafka-topics --describe` line users know from real clusters.
import type { PartitionState } from '../engine/state';

export function describePartition(p: PartitionState): string {
  return `Topic: ${p.topic}\tPartition: ${p.index}\tLeader: ${p.leader ?? 'none'}\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}`;
}
