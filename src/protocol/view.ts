// The view: what the worker sends the UI. Ids, roles, offsets and in-flight messages with their
// send and delivery times — a projection for drawing, not the engine's internals.

export type BrokerStatus = 'up' | 'fenced' | 'down';

export interface BrokerView {
  id: number;
  rack: string | null;
  status: BrokerStatus;
  fetchPaused: boolean;
  shuttingDown: boolean;
  /** partitions it leads / follows (by the controller's committed state) */
  leaders: number;
  followers: number;
  /** ms left of its session as the active controller sees it (null when fenced or unregistered) */
  sessionRemainingMs: number | null;
  /** leaders it has a fetch outstanding to (an idle long poll waits there) */
  fetchingFrom: number[];
}

export interface ControllerView {
  id: number;
  up: boolean;
  active: boolean;
}

export interface ClientView {
  id: string;
  type: 'producer' | 'consumer';
  acks: string | null;
  /** records per simulated second of its steady stream, 0 when off */
  streamRate: number;
  acked: number;
  failed: number;
  pending: number;
  consumed: number;
  subscribed: boolean;
}

export interface PartitionView {
  name: string;
  topic: string;
  index: number;
  replicas: number[];
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  /** the leader's LEO and HW (or the last ISR member's when offline) */
  leo: number;
  hw: number;
  minIsr: number;
  offline: boolean;
  underReplicated: boolean;
  underMinIsr: boolean;
  /** eligible leader replicas (KIP-966); left out when empty (views stay small) */
  elr?: number[];
  lastKnownElr?: number[];
}

export interface ReplicaView {
  partition: string;
  broker: number;
  role: 'leader' | 'follower';
  inSync: boolean;
  preferred: boolean;
}

export type MessageKind =
  | 'metadata'
  | 'metadataResponse'
  | 'produce'
  | 'produceResponse'
  | 'fetch'
  | 'fetchResponse'
  | 'consumerFetch'
  | 'consumerFetchResponse'
  | 'heartbeat'
  | 'heartbeatResponse'
  | 'alterPartition'
  | 'alterPartitionResponse'
  | 'metadataUpdate'
  | 'registration'
  | 'other';

export interface MessageView {
  id: number;
  kind: MessageKind;
  from: string;
  to: string;
  sentAt: number;
  deliverAt: number;
  /** carries records (a produce or a fetch response with data) */
  records: number;
  /** an error answer */
  error: boolean;
  /** the partitions it is about (records it carries, or the partition of a request), comma-separated */
  about: string;
  /** what the class reads on it: `r1 @3` (a record at its offset), `ack @3`, an error name; left out when none */
  label?: string;
}

export interface EventView {
  seq: number;
  t: number;
  type: string;
  rule: string | null;
  text: string;
  broker: number | null;
  partition: string | null;
  client: string | null;
}

export interface LogEntryView {
  offset: number;
  value: string;
  epoch: number;
}

export interface ReplicaDetail {
  broker: number;
  role: 'leader' | 'follower' | 'none';
  status: BrokerStatus;
  inSync: boolean;
  leo: number;
  /** the first offset still in its log (retention deletes older segments, R47) */
  logStartOffset: number;
  hw: number;
  epochCache: [number, number][];
  /** the last entries of its log (at most INSPECTOR_LOG_LIMIT) */
  log: LogEntryView[];
  /** follower only: ms since it was last caught up, and until replica.lag.time.max.ms expires */
  lagMs: number | null;
  lagRemainingMs: number | null;
}

export interface InspectorView {
  partition: string;
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  /** R45: eligible leader replicas and the last-known ELR (empty when the feature is off) */
  elr: number[];
  lastKnownElr: number[];
  replicas: number[];
  describe: string;
  details: ReplicaDetail[];
  lagTimeMaxMs: number;
}

export interface StatusView {
  underReplicated: number;
  offline: number;
  underMinIsr: number;
  replicationFactor: number;
  minIsr: number;
  /** RF - min.insync.replicas */
  faultTolerance: number;
  /** how many more broker failures acks=all writes survive right now (worst partition) */
  moreFailuresWritesSurvive: number;
  losses: LossView[];
  violations: number;
}

export interface LossView {
  value: string;
  partition: string;
  offset: number;
  t: number;
  reason: string;
  /** the chain of events that lost it, each a place to jump the timeline to */
  chain: { t: number; d: number; type: string; text: string }[];
}

export interface TimingsView {
  preset: 'kafka' | 'demo';
  latencyMs: number;
  jitterMs: number;
  heartbeatMs: number;
  sessionTimeoutMs: number;
  lagTimeMaxMs: number;
  fetchWaitMs: number;
}

export interface View {
  /** bumped on every post */
  version: number;
  /** bumped on every scenario load (a new run) */
  run: number;
  time: number;
  playing: boolean;
  /** simulated ms per wall ms */
  speed: number;
  title: string;
  timings: TimingsView;
  brokers: BrokerView[];
  controllers: ControllerView[];
  clients: ClientView[];
  /** leaders, ISRs and flags: sent only when the controller's metadata changed, else null */
  partitions: PartitionView[] | null;
  /** every partition's leader [LEO, HW], flattened in partition order, in every view */
  offsets: number[];
  /** roles and ISR membership: sent only when the controller's metadata changed, else null */
  replicas: ReplicaView[] | null;
  messages: MessageView[];
  /** events since the previous view */
  events: EventView[];
  status: StatusView;
  inspector: InspectorView | null;
  config: Record<string, string | number | boolean>;
  /** the events list starts over (after a seek or a branch switch) */
  eventsReset: boolean;
  timeline: TimelineView | null;
  walk: WalkView | null;
  compare: CompareView | null;
  /** every replica's own [LEO, HW], flattened in the order of `replicas` (partition order) */
  replicaOffsets: number[];
  /** in-sync followers behind the leader long enough to show replica.lag.time.max.ms running out */
  lagging: LaggingView[];
  /** leadership moves of the last STAGE_MEMORY_MS (the stage tags the new and the old leader) */
  leaderChanges: LeaderChangeView[];
  /** produce errors of the last STAGE_MEMORY_MS (the stage shows a callout) */
  produceErrors: ProduceErrorView[];
  /** cut network links, as pairs of addresses ("broker:1", "controller:101", "client:P") */
  cuts: [string, string][];
  /** the id of the latest playUntil the run reached (lessons move on when they see theirs) */
  untilReached?: number;
}

export interface LaneView {
  label: string;
  brokers: { id: number; status: BrokerStatus }[];
  leaders: Record<string, number | null>;
  offline: number;
  acked: number;
  failed: number;
  lost: string[];
  /** small logs of a few partitions (those with losses first), for the lane's mini cluster */
  logs: Record<string, LaneLogView>;
  /** acknowledged records this lane lost, where they stood */
  lostAt: { value: string; partition: string; offset: number }[];
}

export interface LaneLogView {
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  replicas: {
    broker: number;
    status: BrokerStatus;
    leo: number;
    hw: number;
    /** the last records of its log */
    tail: { offset: number; value: string }[];
  }[];
}

export interface CompareView {
  lanes: [LaneView, LaneView];
  /** records acknowledged and then lost in one lane but not in the other */
  lostOnlyLeft: string[];
  lostOnlyRight: string[];
  /** the partition both mini clusters show (the first with a loss in either lane, else the first) */
  partition: string | null;
}

export interface WalkView {
  record: string;
  partition: string | null;
  acks: string;
  offset: number | null;
  leader: number | null;
  status: 'pending' | 'acked' | 'sent' | 'failed';
  error: string | null;
  steps: { key: string; label: string; done: boolean; t: number | null; text: string }[];
  /** what releases the ack for this acks level */
  checklist: { label: string; done: boolean }[];
}

export interface TimelineMarker {
  t: number;
  d: number;
  type: string;
  label: string;
  /** an icon and who it is about, for the track ("✕ b2", "p0 → 0") */
  short?: string;
}

export interface TimelineView {
  /** furthest simulated time reached on the current branch */
  head: number;
  /** earliest time time travel reaches (0 unless a long run outgrew the history window) */
  start: number;
  branch: number;
  branches: { id: number; label: string; head: number }[];
  /** null when unchanged since the previous view */
  markers: TimelineMarker[] | null;
}

export const INSPECTOR_LOG_LIMIT = 40;

export interface LaggingView {
  partition: string;
  broker: number;
  lagMs: number;
  remainingMs: number;
}

export interface LeaderChangeView {
  partition: string;
  t: number;
  leader: number | null;
  previousLeader: number | null;
  leaderEpoch: number;
  unclean: boolean;
}

export interface ProduceErrorView {
  partition: string;
  client: string;
  broker: number | null;
  error: string;
  t: number;
}

/** How long (simulated ms) the stage keeps showing a leadership move or a produce error. */
export const STAGE_MEMORY_MS = 10_000;
