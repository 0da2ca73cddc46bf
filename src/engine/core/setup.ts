// The normalised description of a cluster and its clients that the engine starts from.
// The scenario module turns a scenario file into this (validating every field on the way).
import type { BrokerConfig, ConsumerConfig, ProducerConfig, TopicConfig } from './config';

export interface BrokerSetup {
  id: number;
  rack?: string;
}

export interface TopicSetup {
  name: string;
  partitions: number;
  replicationFactor: number;
  /** Ordered replica list per partition; computed with Kafka's placement when absent. */
  assignment?: number[][];
  /** the current leader and ISR per partition (a real cluster's layout); default: R2 creation */
  state?: { leader: number | null; isr: number[] }[];
  config: TopicConfig;
}

export interface ProducerSetup {
  id: string;
  type: 'producer';
  config: ProducerConfig;
}

export interface ConsumerSetup {
  id: string;
  type: 'consumer';
  config: ConsumerConfig;
}

export type ClientSetup = ProducerSetup | ConsumerSetup;

export interface NetworkSetup {
  latencyMs: number;
  jitterMs: number;
}

export interface SimSetup {
  seed: number;
  brokers: BrokerSetup[];
  /** KRaft controller quorum ids; the first is the active controller at t=0. */
  controllers: number[];
  brokerConfig: BrokerConfig;
  network: NetworkSetup;
  topics: TopicSetup[];
  clients: ClientSetup[];
  /** KRaft feature levels; a new 4.1+ cluster has eligible.leader.replicas.version=1 (R45) */
  features?: Partial<Features>;
}

export interface Features {
  'eligible.leader.replicas.version': number;
}

/** The feature levels of a new Kafka 4.1+ cluster. */
export const DEFAULT_FEATURES: Features = { 'eligible.leader.replicas.version': 1 };

/** Default KRaft quorum: three dedicated controllers numbered above the brokers. */
export function defaultControllers(brokerIds: number[]): number[] {
  const base = Math.max(100, ...brokerIds) + 1;
  return [base, base + 1, base + 2];
}
