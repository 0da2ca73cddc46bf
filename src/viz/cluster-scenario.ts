// A scenario for a cluster of a given shape (the config panel's "Rebuild cluster").
export interface ClusterShapeInput {
  brokers: number;
  partitions: number;
  replicationFactor: number;
  minIsr: number;
  acks: string;
}

export function clusterScenario(c: ClusterShapeInput): unknown {
  return {
    format: 'kafka-replication-scenario/1',
    title: `${c.brokers} brokers, ${c.partitions} partitions × RF ${c.replicationFactor}`,
    seed: 1,
    cluster: { brokers: c.brokers },
    topics: [
      {
        name: 'replicated_topic',
        partitions: c.partitions,
        replicationFactor: c.replicationFactor,
        config: { 'min.insync.replicas': c.minIsr },
      },
    ],
    clients: {
      producer: {
        type: 'producer',
        config: { acks: c.acks, ...(c.acks === 'all' ? {} : { 'enable.idempotence': false }) },
      },
      consumer: { type: 'consumer', config: {} },
    },
    steps: [
      { at: 0, do: 'produceStream', client: 'producer', rate: 2 },
      { at: 0, do: 'subscribe', client: 'consumer' },
    ],
  };
}
