// The state vocabulary of scenario-format.md: what `expect` checks and `--dump` prints.
// Types only here; the projection from engine state lives in project-dump.ts.

export type BrokerStatus = 'up' | 'fenced' | 'down';
export type RecordStatus = 'pending' | 'acked' | 'sent' | 'failed';

export interface ReplicaDump {
  leo: number;
  hw: number;
  /** "<value>:e<epoch>" per offset, from the log start offset */
  log: string[];
  /** present once retention deleted the start of the log (R47) */
  logStartOffset?: number;
  /** [leaderEpoch, startOffset] */
  epochCache: [number, number][];
}

export interface PartitionDump {
  leader: number | null;
  leaderEpoch: number;
  partitionEpoch: number;
  isr: number[];
  /** R45: eligible leader replicas and the last-known ELR (empty when the feature is off) */
  elr: number[];
  lastKnownElr: number[];
  assignment: number[];
  replicas: Record<string, ReplicaDump>;
  /** record values below the leader's HW, in offset order */
  committed: string[];
}

export interface RecordDump {
  status: RecordStatus;
  partition: string | null;
  offset?: number;
  error?: string;
  attemptErrors: string[];
}

export interface ConsumeResult {
  client: string;
  partition: string;
  from: number;
  records?: string[];
  error?: string;
  /** a read made for an expectation at this moment (not the consumer's own poll) */
  fresh?: boolean;
}

export interface TruncationDump {
  broker: number;
  partition: string;
  fromLeo: number;
  toOffset: number;
}

export interface StateDump {
  time: number;
  brokers: Record<string, BrokerStatus>;
  controller: number | null;
  partitions: Record<string, PartitionDump>;
  records: Record<string, RecordDump>;
  /** per partition: record values below the leader's HW, in offset order */
  committed: Record<string, string[]>;
  lost: string[];
  uncommitted: string[];
  offline: string[];
  underReplicated: string[];
  underMinIsr: string[];
  leaderCounts: Record<string, number>;
  followerCounts: Record<string, number>;
  duplicates: string[];
  truncations: TruncationDump[];
  /** what each consumer received by its latest consume/poll */
  consume: ConsumeResult[];
}
