import { describe, expect, it } from 'vitest';
import { describePartition } from './describe';
import type { PartitionState } from '../../engine/index';

const partition = (p: Partial<PartitionState>): PartitionState => ({
  name: 't-0',
  topic: 't',
  index: 0,
  replicas: [2, 0, 1],
  leader: 2,
  leaderEpoch: 0,
  partitionEpoch: 0,
  isr: [2, 0],
  recovering: false,
  elr: [],
  lastKnownElr: [],
  ...p,
});

describe('the kafka-topics --describe line (Kafka 4.x TopicCommand)', () => {
  it('is tab-separated with a leading tab and ends with Elr and LastKnownElr', () => {
    expect(describePartition(partition({}))).toBe(
      '\tTopic: t\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0\tElr: \tLastKnownElr: ',
    );
  });
  it('R45: an offline partition with an empty ISR shows its eligible replicas', () => {
    expect(
      describePartition(partition({ leader: null, isr: [], elr: [2, 0], lastKnownElr: [1] })),
    ).toBe(
      '\tTopic: t\tPartition: 0\tLeader: none\tReplicas: 2,0,1\tIsr: \tElr: 2,0\tLastKnownElr: 1',
    );
  });
});
