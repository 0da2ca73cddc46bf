// The `kafka-topics --describe` line users know from real clusters (Kafka 4.x TopicCommand:
// tab-separated with a leading tab; Elr and LastKnownElr as the DescribeTopicPartitions API
// returns them, empty lists printing nothing after the colon).
import type { PartitionState } from '../../engine/index';

export function describePartition(p: PartitionState): string {
  return [
    '',
    `Topic: ${p.topic}`,
    `Partition: ${p.index}`,
    `Leader: ${p.leader ?? 'none'}`,
    `Replicas: ${p.replicas.join(',')}`,
    `Isr: ${p.isr.join(',')}`,
    `Elr: ${p.elr.join(',')}`,
    `LastKnownElr: ${p.lastKnownElr.join(',')}`,
  ].join('\t');
}
