// Plain data shared by the simulation state and the messages on the wire (no imports of either,
// so neither imports the other back).
import type { TopicConfig } from './config';

/** The controller-committed state of a partition (what kafka-topics --describe shows). */
export interface PartitionState {
  name: string;
  topic: string;
  index: number;
  /** ordered assignment; replicas[0] is the preferred leader (R1) */
  replicas: number[];
  leader: number | null;
  leaderEpoch: number;
  partitionEpoch: number;
  isr: number[];
  /** set by an unclean election (R27, KIP-704) */
  recovering: boolean;
  /**
   * R45 (KIP-966): eligible leader replicas, kept when the ISR drops below min ISR; they may lead
   * cleanly once the ISR is empty. Empty when the feature is off.
   */
  elr: number[];
  /** R45: replicas that left the ELR (an unclean shutdown), for information only */
  lastKnownElr: number[];
}

export interface LogEntry {
  value: string;
  key: string | null;
  /** leader epoch the record was appended in (R4) */
  epoch: number;
  /** unique id of the send() this record came from */
  rid: number;
  producerId: number;
  /** the producer epoch it was written in (KIP-360 bumps it after a sequence gap) */
  producerEpoch: number;
  sequence: number;
  /** when the leader appended it (stands in for the producer's CreateTime): retention reads it */
  timestamp: number;
}

export interface MetadataImage {
  offset: number;
  brokers: Record<string, { epoch: number; fenced: boolean; shuttingDown: boolean }>;
  partitions: Record<string, PartitionState>;
  topicConfigs: Record<string, TopicConfig>;
}
