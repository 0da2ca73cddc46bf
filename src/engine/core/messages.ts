// Every protocol message that crosses the simulated network. The UI animates these.
import type { LogEntry, MetadataImage, PartitionState } from './model';

export interface MetadataRecordPartition {
  type: 'partition';
  state: PartitionState;
  /**
   * Written with a min.insync.replicas change (the ELR it clears, ClearElrRecord): a broker
   * applies the partition change of a metadata batch before its config change
   * (BrokerMetadataPublisher), so the leader recomputes its HW under the old min ISR.
   */
  withMinIsrChange?: true;
}
export interface MetadataRecordBroker {
  type: 'broker';
  id: number;
  epoch: number;
  fenced: boolean;
  shuttingDown: boolean;
}
export type MetadataRecord = MetadataRecordPartition | MetadataRecordBroker;

export interface FetchPartitionRequest {
  partition: string;
  fetchOffset: number;
  currentLeaderEpoch: number;
  /** epoch of the follower's last record, -1 for an empty log (KIP-595 style divergence check) */
  lastFetchedEpoch: number;
}

/** A record in a fetch answer: the leader's entry itself (entries never change once written). */
export interface WireRecord {
  offset: number;
  entry: LogEntry;
}

export interface FetchPartitionResponse {
  partition: string;
  error: string | null;
  records: WireRecord[];
  hw: number;
  leaderLeo: number;
  /** the leader's log start offset (-1 with errors that carry none) */
  logStartOffset: number;
  /** set when the follower's log diverged (R12, R31) */
  divergingEpoch: { epoch: number; endOffset: number } | null;
}

export interface ProduceBatchWire {
  batchId: number;
  partition: string;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  records: { rid: number; value: string; key: string | null }[];
}

export type Payload =
  | {
      kind: 'brokerRegistration';
      broker: number;
      incarnation: number;
      /** the epoch of its last clean shutdown, -1 after a crash (KIP-966 unclean detection) */
      previousBrokerEpoch: number;
    }
  | { kind: 'brokerRegistrationResponse'; error: string | null; brokerEpoch: number }
  | {
      kind: 'brokerHeartbeat';
      broker: number;
      brokerEpoch: number;
      metadataOffset: number;
      wantShutDown: boolean;
      /** still starting up (BrokerLifecycleManager: not ready to unfence) */
      wantFence: boolean;
    }
  | {
      kind: 'brokerHeartbeatResponse';
      error: string | null;
      fenced: boolean;
      shouldShutDown: boolean;
      /** the broker has replayed the metadata log up to its registration record */
      caughtUp: boolean;
      snapshot: MetadataImage | null;
    }
  | { kind: 'metadataUpdate'; fromOffset: number; toOffset: number; records: MetadataRecord[] }
  | {
      kind: 'alterPartition';
      broker: number;
      brokerEpoch: number;
      partition: string;
      leaderEpoch: number;
      partitionEpoch: number;
      newIsr: number[];
      change: 'expand' | 'shrink';
    }
  | {
      kind: 'alterPartitionResponse';
      partition: string;
      /** the request answered (its partition epoch and ISR): a late answer is told apart */
      proposal: { partitionEpoch: number; newIsr: number[] };
      error: string | null;
      state: PartitionState | null;
    }
  | {
      kind: 'fetch';
      fetchId: number;
      replicaId: number;
      brokerEpoch: number;
      partitions: FetchPartitionRequest[];
      dropResponse: boolean;
    }
  | { kind: 'fetchResponse'; fetchId: number; partitions: FetchPartitionResponse[] }
  | {
      kind: 'consumerFetch';
      requestId: number;
      partition: string;
      offset: number;
      currentLeaderEpoch: number;
      maxWaitMs: number;
    }
  | {
      kind: 'consumerFetchResponse';
      requestId: number;
      partition: string;
      error: string | null;
      records: { offset: number; value: string; epoch: number }[];
      hw: number;
      /** the leader's log start offset (-1 when not the leader) */
      logStartOffset: number;
    }
  | {
      kind: 'offsetsForLeaderEpoch';
      requestId: number;
      partition: string;
      currentLeaderEpoch: number;
      epoch: number;
    }
  | {
      kind: 'offsetsForLeaderEpochResponse';
      requestId: number;
      partition: string;
      error: string | null;
      epoch: number;
      endOffset: number;
    }
  | { kind: 'metadataRequest'; requestId: number; topics: string[] }
  | {
      kind: 'metadataResponse';
      requestId: number;
      brokers: number[];
      partitions: {
        partition: string;
        leader: number | null;
        leaderEpoch: number;
        error: string | null;
      }[];
    }
  | {
      kind: 'produce';
      requestId: number;
      acks: number;
      timeoutMs: number;
      batches: ProduceBatchWire[];
    }
  | {
      kind: 'produceResponse';
      requestId: number;
      partitions: {
        partition: string;
        batchId: number;
        error: string | null;
        baseOffset: number;
      }[];
    };
