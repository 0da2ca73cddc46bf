// The workloads of performance.md, built as engine setups plus a traffic schedule.
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  defaultsOf,
} from '../../engine';
import type { SimSetup } from '../../engine/index';
import { defaultControllers } from '../../engine';

export interface Workload {
  name: 'classroom' | 'stress';
  setup: SimSetup;
  producers: string[];
  /** records per simulated second, over all producers */
  recordsPerSecond: number;
  consumer: string | null;
  partitions: string[];
  /** simulated ms at which a broker is killed (stress), or null */
  killAt: number | null;
  killBroker: number;
}

function producerConfig() {
  return { ...defaultsOf(PRODUCER_CONFIG), idempotenceExplicit: false };
}

export function classroom(): Workload {
  const brokers = [1, 2, 3, 4, 5, 6];
  return {
    name: 'classroom',
    setup: {
      seed: 1,
      brokers: brokers.map((id) => ({ id })),
      controllers: defaultControllers(brokers),
      brokerConfig: defaultsOf(BROKER_CONFIG),
      network: { latencyMs: 1, jitterMs: 0 },
      topics: [
        {
          name: 'replicated_topic',
          partitions: 10,
          replicationFactor: 3,
          config: defaultsOf(TOPIC_CONFIG),
        },
      ],
      clients: [
        { id: 'P1', type: 'producer', config: producerConfig() },
        { id: 'P2', type: 'producer', config: producerConfig() },
        { id: 'C', type: 'consumer', config: defaultsOf(CONSUMER_CONFIG) },
      ],
    },
    producers: ['P1', 'P2'],
    recordsPerSecond: 40,
    consumer: 'C',
    partitions: Array.from({ length: 10 }, (_, i) => `replicated_topic-${i}`),
    killAt: null,
    killBroker: 1,
  };
}

export function stress(): Workload {
  const brokers = Array.from({ length: 30 }, (_, i) => i + 1);
  const topics = ['orders', 'payments', 'shipments'];
  return {
    name: 'stress',
    setup: {
      seed: 1,
      brokers: brokers.map((id) => ({ id })),
      controllers: defaultControllers(brokers),
      brokerConfig: defaultsOf(BROKER_CONFIG),
      network: { latencyMs: 1, jitterMs: 0 },
      topics: topics.map((name) => ({
        name,
        partitions: 100,
        replicationFactor: 3,
        config: defaultsOf(TOPIC_CONFIG),
      })),
      clients: [
        { id: 'P1', type: 'producer', config: producerConfig() },
        { id: 'P2', type: 'producer', config: producerConfig() },
        { id: 'C', type: 'consumer', config: defaultsOf(CONSUMER_CONFIG) },
      ],
    },
    producers: ['P1', 'P2'],
    recordsPerSecond: 500,
    consumer: 'C',
    partitions: topics.flatMap((t) => Array.from({ length: 100 }, (_, i) => `${t}-${i}`)),
    killAt: 20_000,
    killBroker: 7,
  };
}
