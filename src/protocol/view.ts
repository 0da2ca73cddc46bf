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
}

export interface LaneView {
  label: string;
  brokers: { id: number; status: BrokerStatus }[];
  leaders: Record<string, number | null>;
  offline: number;
  acked: number;
  failed: number;
  lost: string[];
}

export interface CompareView {
  lanes: [LaneView, LaneView];
  /** records acknowledged and then lost in one lane but not in the other */
  lostOnlyLeft: string[];
  lostOnlyRight: string[];
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
