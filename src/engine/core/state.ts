// The whole simulation state: plain data (objects, arrays, numbers, strings), so it can be
// cloned for snapshots and compared byte for byte. Mutated in place by the engine functions.
import type { BrokerConfig, ConsumerConfig, ProducerConfig, TopicConfig } from './config';
import type { SimEvent } from './events';
import type { MetadataRecord, Payload } from './messages';
import type { LogEntry, MetadataImage, PartitionState } from './model';

export type { LogEntry, MetadataImage, PartitionState } from './model';
import type { Scheduled } from './queue';
import type { SimSetup } from './setup';
import type { TimerEvent } from './timers';

/** A network address: "broker:1", "controller:101" or "client:P". */
export type Addr = string;

export interface Message {
  id: number;
  from: Addr;
  to: Addr;
  sentAt: number;
  deliverAt: number;
  payload: Payload;
}

/**
 * A log segment: its entries from `baseOffset` on. Only the last (active) one grows; entries
 * are never replaced in place (truncation makes a new array), so history snapshots share them.
 */
export interface Segment {
  baseOffset: number;
  entries: LogEntry[];
  /** timestamp of its first record (segment.ms rolls from it), -1 while empty */
  firstTimestamp: number;
  /** largest record timestamp in it (retention.ms deletes by it), -1 while empty */
  maxTimestamp: number;
}

/** What a leader knows about one follower (R15). */
export interface FollowerState {
  /** LEO reported by the latest fetch; -1 when unknown (just became leader, R29) */
  leo: number;
  lastCaughtUpTime: number;
  lastFetchLeaderLeo: number;
  lastFetchTime: number;
  brokerEpoch: number;
}

export interface PendingIsrChange {
  kind: 'expand' | 'shrink';
  isr: number[];
  /** the partition epoch the proposal builds on: with `isr`, what an answer must match */
  partitionEpoch: number;
  sentAt: number;
  /** resend if still unanswered at this time */
  retryAt: number;
}

export interface ProducerRuns {
  producerId: number;
  /** the producer epoch the runs belong to: a newer epoch starts over at sequence 0 */
  epoch: number;
  runs: [number, number, number][];
}

export interface Replica {
  partition: string;
  /**
   * the first offset still in the log: retention deletes whole segments below the HW; entries
   * of the first segment below it are gone too (read through log.ts, never directly)
   */
  logStartOffset: number;
  /** ascending, never empty; the last one is the active segment (appends go there) */
  segments: Segment[];
  hw: number;
  /** [leaderEpoch, startOffset] ascending (R4) */
  epochCache: [number, number][];
  checkpointedHw: number;
  /** R39 producer state rebuilt from the log: per producer id, [firstSeq, lastSeq, baseOffset] runs */
  /**
   * per producer id, its last runs of sequences as [first, last, base offset] (a list, not a
   * map keyed by id: ids like 1000 as keys make every copy allocate 1,000 slots)
   */
  producerState: ProducerRuns[];
  role: 'leader' | 'follower' | 'none';
  leaderId: number | null;
  leaderEpoch: number;
  partitionEpoch: number;
  /** leader only: committed ISR as last known from the controller */
  isr: number[];
  /** leader only: AlterPartition in flight (R17) */
  pendingIsr: PendingIsrChange | null;
  followers: Record<string, FollowerState>;
  /** follower only: no fetching for this partition before this time (after an error) */
  fetchBackoffUntil: number;
}

export interface ParkedFetch {
  id: number;
  /** broker id of the follower, or the consumer's client id */
  from: Addr;
  replicaId: number;
  expiresAt: number;
  partitions: { partition: string; fetchOffset: number }[];
  fetchId: number;
  /** the fetch was made by `fetch` action with deliverResponse=false */
  dropResponse: boolean;
}

export interface ParkedProduce {
  id: number;
  client: string;
  requestId: number;
  expiresAt: number;
  partitions: {
    partition: string;
    batchId: number;
    requiredOffset: number;
    baseOffset: number;
    error: string | null;
    done: boolean;
  }[];
}

export interface Fetcher {
  leader: number;
  /** id of the fetch request in flight, 0 when none */
  inflight: number;
  backoffUntil: number;
  /** id of a fetch made by the `fetch` action (answered even while paused), 0 when none */
  manual: number;
  /** when the fetch in flight times out */
  deadline: number;
  /** time of the pending timeout timer, 0 when none */
  timerAt: number;
  /** partitions followed from this leader, valid while `rolesVersion` matches the broker's */
  partitions: string[];
  rolesVersion: number;
}

export interface Broker {
  id: number;
  rack: string | null;
  up: boolean;
  /** bumped at every start, so timers of a previous life are ignored */
  incarnation: number;
  config: BrokerConfig;
  /**
   * a min.insync.replicas set on this broker alone (setConfig with its id): its default for the
   * topics without their own value, above the cluster default (Kafka's per-broker dynamic config)
   */
  ownMinIsr?: number;
  /** from the controller's registration; -1 until registered */
  brokerEpoch: number;
  registered: boolean;
  /**
   * Kafka's BrokerLifecycleManager after a registration: STARTING (heartbeats every 10 ms until
   * caught up with the metadata log), RECOVERY (asks to be unfenced), RUNNING
   */
  lifecycle: 'starting' | 'recovery' | 'running';
  shuttingDown: boolean;
  fetchPaused: boolean;
  image: MetadataImage;
  replicas: Record<string, Replica>;
  fetchers: Record<string, Fetcher>;
  /** bumped whenever a replica's role or leader changes (invalidates fetcher partition lists) */
  rolesVersion: number;
  parkedFetches: ParkedFetch[];
  parkedProduces: ParkedProduce[];
  heartbeatInflight: boolean;
  registrationInflight: boolean;
  /** the one heartbeat/registration timer that counts (earlier ones are superseded) */
  heartbeatDueAt: number;
  lastHwCheckpoint: number;
  /** the broker epoch it had when it last shut down cleanly, -1 after a crash (R45) */
  previousBrokerEpoch: number;
}

export interface BrokerRegistration {
  epoch: number;
  fenced: boolean;
  shuttingDown: boolean;
  lastContact: number;
  /** metadata offset at registration: the broker is unfenced once it has replayed up to it (R21) */
  registeredAtOffset: number;
  incarnation: number;
  /** true once the broker has been fenced or unregistered since its last heartbeat */
  alive: boolean;
  /** metadata offset the stopping broker must reach before it may exit (its leaderships moved) */
  controlledShutdownOffset: number;
}

export interface ControllerNode {
  id: number;
  up: boolean;
  incarnation: number;
}

export interface Quorum {
  active: number | null;
  epoch: number;
  /** time the active controller was last known to be able to lead (for failover detection) */
  lastLeaderContact: number;
  electionPending: boolean;
}

export interface ControllerState {
  /** metadata log end offset */
  offset: number;
  nextBrokerEpoch: number;
  brokers: Record<string, BrokerRegistration>;
  partitions: Record<string, PartitionState>;
  topicConfigs: Record<string, TopicConfig>;
  /** per topic, the configs it sets itself; the others follow the cluster default (topic-defaults.ts) */
  topicOverrides: Record<string, string[]>;
  /** partitions whose leader is not the preferred one, and since when (R28 auto rebalance) */
  imbalancedSince: Record<string, number>;
  /** time of the scheduled automatic preferred-leader check, 0 when none */
  rebalanceAt: number;
  /** time of the scheduled session-expiry check, 0 when none */
  sessionCheckAt: number;
  /** metadata records committed during the current event, sent to brokers at its end */
  pendingRecords: MetadataRecord[];
}

export type RecordStatusValue = 'pending' | 'acked' | 'sent' | 'failed';

export interface RecordInfo {
  rid: number;
  value: string;
  key: string | null;
  client: string;
  partition: string | null;
  status: RecordStatusValue;
  offset: number;
  error: string | null;
  errorMessage: string | null;
  attemptErrors: string[];
  sentAt: number;
  ackedAt: number;
  /** leader appends of this record: broker, offset, epoch, time */
  appends: { broker: number; offset: number; epoch: number; t: number }[];
  /** a broker has handled (appended or rejected) an attempt of it */
  handled: boolean;
  /** acks of the producer that sent it */
  acks: number;
  /** an acks=0 send that never reached a broker (cut link or dead broker) */
  undeliverable: boolean;
}

export interface ProducerBatch {
  id: number;
  partition: string;
  rids: number[];
  bytes: number;
  createdAt: number;
  attempts: number;
  retryAt: number;
  sequence: number;
  /** the producer epoch its sequence belongs to (set with the sequence) */
  producerEpoch: number;
  inflight: boolean;
  done: boolean;
}

export interface ClientMetadata {
  partitions: Record<string, { leader: number | null; leaderEpoch: number }>;
  brokers: number[];
  fetchedAt: number;
  inflight: number;
  /** a refresh is wanted (error, unknown leader) */
  stale: boolean;
  nextRefreshAt: number;
  refreshAttempts: number;
  /** brokers that failed recently and are skipped for bootstrap */
  failed: Record<string, number>;
}

export interface InflightProduce {
  id: number;
  broker: number;
  batchIds: number[];
  sentAt: number;
  timeoutAt: number;
  acks: number;
  /** the request was dropped by a cut network link (it will time out) */
  dropped: boolean;
}

export interface Producer {
  id: string;
  config: ProducerConfig;
  producerId: number;
  /** bumped after a batch with a sequence failed for good, so sequences restart (KIP-360) */
  producerEpoch: number;
  /**
   * per partition, the last sequence of a batch that failed for good, whose fate is unknown: a
   * later batch acknowledged past it proves it written; otherwise the epoch is bumped (KIP-360)
   */
  unresolved: Record<string, number>;
  /** per partition, the producer epoch its next sequence belongs to (behind after a bump) */
  sequenceEpoch: Record<string, number>;
  metadata: ClientMetadata;
  /** per partition, batches not yet done, oldest first */
  queues: Record<string, number[]>;
  batches: Record<string, ProducerBatch>;
  inflight: Record<string, InflightProduce>;
  nextSequence: Record<string, number>;
  /**
   * per topic, the sticky partition of keyless records; `blind` lists the records given to it
   * before the producer had the topic's metadata (they move once it has, see rehomeBlindRecords)
   */
  stickyPartition: Record<string, { partition: number; bytes: number; blind?: number[] }>;
  /** the app's steady stream: records per simulated second, records sent, timer generation */
  stream: { rate: number; sent: number; epoch: number };
  /** time of the pending delivery-timeout check, 0 when none */
  expiryCheckAt: number;
  wakeAt: number;
  /** brokers that refused a connection (process down): tries so far and when to try again */
  refused: Record<string, { attempts: number; retryAt: number }>;
}

export interface ConsumerPartitionState {
  position: number;
  /** epoch of the last consumed record (for R35 validation) */
  lastEpoch: number;
  /** leader epoch seen when the position was last validated */
  validatedEpoch: number;
}

export interface ConsumeOutcome {
  partition: string;
  from: number;
  records?: string[];
  error?: string;
  t: number;
}

export interface Consumer {
  id: string;
  config: ConsumerConfig;
  metadata: ClientMetadata;
  positions: Record<string, ConsumerPartitionState>;
  /** latest outcome per partition */
  outcomes: Record<string, ConsumeOutcome>;
  inflight: Record<
    string,
    { partition: string; kind: 'fetch' | 'validate'; broker: number; deadline: number }
  >;
  /** time of the pending request-timeout timer, 0 when none */
  timerAt: number;
  /** partitions with a request in flight */
  busy: Record<string, true>;
  /** consume/poll operations under way, per partition */
  ops: Record<string, { mode: 'consume' | 'poll'; deadline: number; lastError: string | null }>;
  /** the offset the latest consume/poll read from, per partition */
  lastFrom: Record<string, number>;
  /** partitions polled continuously by the app's consumer loop */
  subscribed: string[];
  consumed: number;
}

export interface Truncation {
  t: number;
  broker: number;
  partition: string;
  fromLeo: number;
  toOffset: number;
}

export interface LossReport {
  rid: number;
  value: string;
  partition: string;
  offset: number;
  ackedAt: number;
  lostAt: number;
  /** the events that led to the loss, in order, ending with the loss itself */
  chain: LossLink[];
  reason: string;
}

export interface LossLink {
  seq: number;
  t: number;
  /** dispatch position, for jumping the timeline there */
  d: number;
  type: string;
  text: string;
}

export interface Violation {
  t: number;
  invariant: 'hwAboveIsrLeo' | 'twoLeadersOneEpoch' | 'isrDivergence';
  partition: string;
  detail: string;
}

export interface CheckerState {
  losses: LossReport[];
  violations: Violation[];
  /** per partition: epoch -> broker that acted as leader in it */
  leadersByEpoch: Record<string, Record<string, number>>;
  /** per partition: rids told succeeded, in ack order (append-only) */
  succeeded: Record<string, number[]>;
  /** rids of the records reported lost (kept here, not in the records: see worker/clone.ts) */
  lost: Record<number, true>;
}

export interface SimState {
  now: number;
  seq: number;
  rng: number;
  setup: SimSetup;
  clusterConfig: BrokerConfig;
  topics: Record<string, { partitions: number; replicationFactor: number }>;
  /** every partition name, by topic then index */
  partitionOrder: string[];
  brokerIds: number[];
  queue: Scheduled<TimerEvent>[];
  nextId: number;
  inflight: Record<string, Message>;
  /** cut links, as "addrA|addrB" with the two addresses sorted */
  cuts: Record<string, true>;
  cutCount: number;
  /**
   * per direction of a link ("from>to"), when its latest message arrives: messages between two
   * endpoints arrive in the order they were sent, as over TCP, whatever their jitter
   */
  linkArrivals: Record<string, number>;
  controllers: Record<string, ControllerNode>;
  quorum: Quorum;
  controller: ControllerState;
  brokers: Record<string, Broker>;
  producers: Record<string, Producer>;
  consumers: Record<string, Consumer>;
  /**
   * every record sent, by rid from `recordBase` (records[rid - recordBase]); older ones are
   * retired once retention deleted them (records.ts)
   */
  records: RecordInfo[];
  recordBase: number;
  /** per client, the outcomes of the retired records: views keep counting them */
  retiredCounts: Record<string, { acked: number; failed: number }>;
  /** the latest events (older ones are dropped past EVENT_RETENTION; eventCount keeps counting) */
  events: SimEvent[];
  eventCount: number;
  /** scheduled items processed so far: with the time, a position in the run that replay can reach */
  dispatched: number;
  truncations: Truncation[];
  checker: CheckerState;
  /** when not null, every send/delivery/drop is logged here (the CLI's --trace) */
  messageLog: MessageLogEntry[] | null;
}

export interface MessageLogEntry {
  t: number;
  what: 'send' | 'deliver' | 'drop';
  id: number;
  kind: string;
  from: Addr;
  to: Addr;
}

export function brokerAddr(id: number): Addr {
  return `broker:${id}`;
}
export function controllerAddr(id: number): Addr {
  return `controller:${id}`;
}
export function clientAddr(id: string): Addr {
  return `client:${id}`;
}

/** Splits an address into its kind and id: "broker:1" -> { kind: 'broker', id: '1' }. */
export function parseAddr(addr: Addr): { kind: string; id: string } {
  const at = addr.indexOf(':');
  return { kind: addr.slice(0, at), id: addr.slice(at + 1) };
}

/** The broker id of a "broker:<id>" address, or null for any other address. */
export function brokerOf(addr: Addr): number | null {
  const { kind, id } = parseAddr(addr);
  return kind === 'broker' ? Number(id) : null;
}

export function partitionName(topic: string, index: number): string {
  return `${topic}-${index}`;
}

/** Splits "<topic>-<n>" (topics may contain dashes). */
export function splitPartitionName(name: string): { topic: string; index: number } {
  const at = name.lastIndexOf('-');
  return { topic: name.slice(0, at), index: Number(name.slice(at + 1)) };
}

export type { BrokerConfig, ConsumerConfig, ProducerConfig, TopicConfig };
