// Projects the engine state onto the view the UI draws.
import {
  brokerStatus,
  eventText,
  type Message,
  type SimEvent,
  type SimState,
  effectiveMinIsr,
  logEndOffset,
  logEntries,
  TOPIC_CONFIG,
} from '../../engine';
import { describePartition } from './describe';
import { countRecords } from './record-counts';
import {
  INSPECTOR_LOG_LIMIT,
  type BrokerView,
  type ClientView,
  type EventView,
  type InspectorView,
  type LaggingView,
  type LeaderChangeView,
  type ProduceErrorView,
  STAGE_MEMORY_MS,
  type MessageKind,
  type MessageView,
  type PartitionView,
  type ReplicaView,
  type StatusView,
  type TimingsView,
  type View,
} from '../../protocol/view';

export interface ProjectionInput {
  version: number;
  playing: boolean;
  speed: number;
  title: string;
  timings: TimingsView['preset'];
  /** first event sequence number not yet sent */
  sinceEvent: number;
  inspect: string | null;
  streams: Record<string, number>;
  subscriptions: Record<string, boolean>;
  /** include the replicas' roles (the controller's metadata changed, or a new run or a seek) */
  sendStructure: boolean;
}

const KIND: Record<string, MessageKind> = {
  metadataRequest: 'metadata',
  metadataResponse: 'metadataResponse',
  produce: 'produce',
  produceResponse: 'produceResponse',
  fetch: 'fetch',
  fetchResponse: 'fetchResponse',
  consumerFetch: 'consumerFetch',
  consumerFetchResponse: 'consumerFetchResponse',
  offsetsForLeaderEpoch: 'consumerFetch',
  offsetsForLeaderEpochResponse: 'consumerFetchResponse',
  brokerHeartbeat: 'heartbeat',
  brokerHeartbeatResponse: 'heartbeatResponse',
  alterPartition: 'alterPartition',
  alterPartitionResponse: 'alterPartitionResponse',
  metadataUpdate: 'metadataUpdate',
  brokerRegistration: 'registration',
  brokerRegistrationResponse: 'registration',
};

export function projectView(s: SimState, input: ProjectionInput): View {
  return {
    version: input.version,
    run: 0,
    time: s.now,
    playing: input.playing,
    speed: input.speed,
    title: input.title,
    timings: timingsOf(s, input.timings),
    brokers: brokersOf(s),
    controllers: s.setup.controllers.map((id) => ({
      id,
      up: s.controllers[id]!.up,
      active: s.quorum.active === id,
    })),
    clients: clientsOf(s, input),
    partitions: input.sendStructure ? partitionsOf(s) : null,
    offsets: offsetsOf(s),
    replicas: input.sendStructure ? replicasOf(s) : null,
    messages: Object.values(s.inflight).map(messageOf),
    events: eventsSince(s, input.sinceEvent),
    status: statusOf(s),
    inspector: input.inspect ? inspectorOf(s, input.inspect) : null,
    config: configOf(s),
    eventsReset: false,
    timeline: null,
    walk: null,
    compare: null,
    replicaOffsets: replicaOffsetsOf(s),
    lagging: laggingOf(s),
    cuts: Object.keys(s.cuts).map((k) => k.split('|') as [string, string]),
    ...recentStageEvents(s),
  };
}

/** Each replica's own LEO and HW (the badge on its chip), in the order of replicasOf. */
function replicaOffsetsOf(s: SimState): number[] {
  const out: number[] = [];
  for (const name of s.partitionOrder) {
    for (const broker of s.controller.partitions[name]!.replicas) {
      const r = s.brokers[broker]?.replicas[name];
      out.push(r ? logEndOffset(r) : 0, r?.hw ?? 0);
    }
  }
  return out;
}

/**
 * In-sync followers not caught up for a while: their replica.lag.time.max.ms is running out (R15).
 * A follower a fetch behind is normal; the arc shows once a fifth of the time has gone.
 */
function laggingOf(s: SimState): LaggingView[] {
  const lag = s.clusterConfig['replica.lag.time.max.ms'];
  const out: LaggingView[] = [];
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    if (p.leader === null) continue;
    const leader = s.brokers[p.leader]?.replicas[name];
    if (!leader || leader.role !== 'leader') continue;
    const leo = logEndOffset(leader);
    for (const broker of p.isr) {
      if (broker === p.leader) continue;
      const f = leader.followers[broker];
      if (!f || f.leo === leo) continue;
      const lagMs = s.now - f.lastCaughtUpTime;
      if (lagMs < lag / 5) continue;
      out.push({ partition: name, broker, lagMs, remainingMs: Math.max(0, lag - lagMs) });
    }
  }
  return out;
}

/** Leadership moves and produce errors of the last STAGE_MEMORY_MS, newest first. */
function recentStageEvents(s: SimState): {
  leaderChanges: LeaderChangeView[];
  produceErrors: ProduceErrorView[];
} {
  const leaderChanges: LeaderChangeView[] = [];
  const produceErrors: ProduceErrorView[] = [];
  const since = s.now - STAGE_MEMORY_MS;
  for (let i = s.events.length - 1; i >= 0; i--) {
    const e = s.events[i]!;
    if (e.t < since) break;
    const d = e.data ?? {};
    if (e.type === 'leaderChanged' && e.partition) {
      if (leaderChanges.some((c) => c.partition === e.partition)) continue;
      leaderChanges.push({
        partition: e.partition,
        t: e.t,
        leader: typeof d.leader === 'number' ? d.leader : null,
        previousLeader: typeof d.previousLeader === 'number' ? d.previousLeader : null,
        leaderEpoch: typeof d.leaderEpoch === 'number' ? d.leaderEpoch : 0,
        unclean: d.election === 'unclean',
      });
    } else if (
      (e.type === 'produceAttemptFailed' || e.type === 'produceFailed') &&
      e.partition &&
      e.client &&
      typeof d.error === 'string' &&
      produceErrors.length < 8
    ) {
      if (produceErrors.some((x) => x.partition === e.partition && x.client === e.client)) continue;
      produceErrors.push({
        partition: e.partition,
        client: e.client,
        broker: e.broker ?? null,
        error: d.error,
        t: e.t,
      });
    }
  }
  return { leaderChanges, produceErrors };
}

function timingsOf(s: SimState, preset: TimingsView['preset']): TimingsView {
  const c = s.clusterConfig;
  return {
    preset,
    latencyMs: s.setup.network.latencyMs,
    jitterMs: s.setup.network.jitterMs,
    heartbeatMs: c['broker.heartbeat.interval.ms'],
    sessionTimeoutMs: c['broker.session.timeout.ms'],
    lagTimeMaxMs: c['replica.lag.time.max.ms'],
    fetchWaitMs: c['replica.fetch.wait.max.ms'],
  };
}

function brokersOf(s: SimState): BrokerView[] {
  return s.brokerIds.map((id) => {
    const b = s.brokers[id]!;
    let leaders = 0;
    let followers = 0;
    for (const name of s.partitionOrder) {
      const p = s.controller.partitions[name]!;
      if (!p.replicas.includes(id)) continue;
      if (p.leader === id) leaders++;
      else followers++;
    }
    return {
      id,
      rack: b.rack,
      status: brokerStatus(s, id),
      fetchPaused: b.fetchPaused,
      shuttingDown: b.shuttingDown,
      leaders,
      followers,
      sessionRemainingMs: sessionRemaining(s, id),
      fetchingFrom: b.up
        ? Object.values(b.fetchers)
            .filter((f) => f.inflight !== 0)
            .map((f) => f.leader)
        : [],
    };
  });
}

/** The broker's session as the controller sees it: time left before it is fenced (R20). */
function sessionRemaining(s: SimState, id: number): number | null {
  const reg = s.controller.brokers[id];
  if (!reg || !reg.alive || reg.fenced) return null;
  const timeout = s.clusterConfig['broker.session.timeout.ms'];
  return Math.max(0, reg.lastContact + timeout - s.now);
}

function clientsOf(s: SimState, input: ProjectionInput): ClientView[] {
  const out: ClientView[] = [];
  const counts = countRecords(s);
  for (const p of Object.values(s.producers)) {
    const c = counts[p.id] ?? { acked: 0, failed: 0, pending: 0 };
    const acks = p.config.acks === -1 ? 'all' : String(p.config.acks);
    out.push({
      id: p.id,
      type: 'producer',
      acks,
      streamRate: input.streams[p.id] ?? 0,
      ...c,
      consumed: 0,
      subscribed: false,
    });
  }
  for (const c of Object.values(s.consumers)) {
    out.push({
      id: c.id,
      type: 'consumer',
      acks: null,
      streamRate: 0,
      acked: 0,
      failed: 0,
      pending: 0,
      consumed: c.consumed,
      subscribed: input.subscriptions[c.id] ?? false,
    });
  }
  return out;
}

function leaderReplica(s: SimState, name: string) {
  const p = s.controller.partitions[name]!;
  const holder = p.leader ?? p.isr[p.isr.length - 1];
  return holder === undefined ? undefined : s.brokers[holder]?.replicas[name];
}

function partitionsOf(s: SimState): PartitionView[] {
  return s.partitionOrder.map((name) => {
    const p = s.controller.partitions[name]!;
    const r = leaderReplica(s, name);
    const minIsr = effectiveMinIsr(s, p);
    return {
      name,
      topic: p.topic,
      index: p.index,
      replicas: p.replicas,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      leo: r ? logEndOffset(r) : 0,
      hw: r?.hw ?? 0,
      minIsr,
      offline: p.leader === null,
      underReplicated: p.isr.length < p.replicas.length,
      underMinIsr: p.isr.length < minIsr,
      // KIP-966 fields, read defensively; only when there are any (views stay small)
      ...elrOf(p),
    };
  });
}

function numberList(x: unknown): number[] {
  return Array.isArray(x) ? x.filter((n): n is number => typeof n === 'number') : [];
}

function elrOf(p: object): { elr?: number[]; lastKnownElr?: number[] } {
  const elr = numberList((p as { elr?: unknown }).elr);
  const lastKnownElr = numberList((p as { lastKnownElr?: unknown }).lastKnownElr);
  return {
    ...(elr.length > 0 ? { elr } : {}),
    ...(lastKnownElr.length > 0 ? { lastKnownElr } : {}),
  };
}

function offsetsOf(s: SimState): number[] {
  const out: number[] = [];
  for (const name of s.partitionOrder) {
    const r = leaderReplica(s, name);
    out.push(r ? logEndOffset(r) : 0, r?.hw ?? 0);
  }
  return out;
}

function replicasOf(s: SimState): ReplicaView[] {
  const out: ReplicaView[] = [];
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    for (const broker of p.replicas) {
      out.push({
        partition: name,
        broker,
        role: p.leader === broker ? 'leader' : 'follower',
        inSync: p.isr.includes(broker),
        preferred: p.replicas[0] === broker,
      });
    }
  }
  return out;
}

function messageOf(m: Message): MessageView {
  const p = m.payload;
  let records = 0;
  let error = false;
  let about = '';
  let label = '';
  switch (p.kind) {
    case 'produce': {
      records = p.batches.reduce((n, b) => n + b.records.length, 0);
      about = p.batches.map((b) => b.partition).join(',');
      const first = p.batches[0]?.records[0];
      if (first) label = first.value + (records > 1 ? ` +${records - 1}` : '');
      break;
    }
    case 'produceResponse': {
      error = p.partitions.some((x) => x.error !== null);
      about = p.partitions.map((x) => x.partition).join(',');
      const failed = p.partitions.find((x) => x.error !== null);
      const first = p.partitions[0];
      label = failed ? failed.error! : first ? `ack @${first.baseOffset}` : '';
      break;
    }
    case 'fetch':
      about = p.partitions.map((x) => x.partition).join(',');
      break;
    case 'fetchResponse':
      for (const x of p.partitions) {
        records += x.records.length;
        if (x.error !== null) error = true;
        if (x.records.length > 0) about += (about ? ',' : '') + x.partition;
        const first = x.records[0];
        if (first && !label) label = `${first.entry.value} @${first.offset}`;
      }
      if (records > 1) label += ` +${records - 1}`;
      if (!label && error) label = p.partitions.find((x) => x.error !== null)!.error!;
      break;
    case 'consumerFetch':
    case 'consumerFetchResponse':
    case 'alterPartition':
      about = p.partition;
      if (p.kind === 'consumerFetchResponse') {
        records = p.records.length;
        error = p.error !== null;
        const first = p.records[0];
        if (first)
          label = `${first.value} @${first.offset}` + (records > 1 ? ` +${records - 1}` : '');
        else if (p.error) label = p.error;
      }
      if (p.kind === 'alterPartition') label = p.change === 'shrink' ? 'ISR −' : 'ISR +';
      break;
    case 'alterPartitionResponse':
    case 'brokerHeartbeatResponse':
    case 'brokerRegistrationResponse':
      error = p.error !== null;
      break;
    default:
      break;
  }
  return {
    id: m.id,
    kind: KIND[p.kind] ?? 'other',
    from: m.from,
    to: m.to,
    sentAt: m.sentAt,
    deliverAt: m.deliverAt,
    records,
    error,
    about,
    ...(label ? { label } : {}),
  };
}

/** After a long jump (run until, skip ahead) only the latest events go out (the log keeps 500): about 30 KB, inside the 64 KB budget of a view. */
export const MAX_EVENTS_PER_VIEW = 120;

function eventsSince(s: SimState, since: number): EventView[] {
  const events = s.events;
  // events are in sequence order; find the first unsent one from the end
  let i = events.length;
  while (i > 0 && events[i - 1]!.seq >= since && events.length - i < MAX_EVENTS_PER_VIEW) i--;
  return events.slice(i).map(eventView);
}

export function eventView(e: SimEvent): EventView {
  return {
    seq: e.seq,
    t: e.t,
    type: e.type,
    rule: e.rule ?? null,
    text: eventText(e),
    broker: e.broker ?? null,
    partition: e.partition ?? null,
    client: e.client ?? null,
  };
}

function statusOf(s: SimState): StatusView {
  let underReplicated = 0;
  let offline = 0;
  let underMinIsr = 0;
  let more = Infinity;
  let rf = 0;
  let minIsr = 0;
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    const m = effectiveMinIsr(s, p);
    rf = Math.max(rf, p.replicas.length);
    minIsr = Math.max(minIsr, m);
    if (p.leader === null) offline++;
    if (p.isr.length < p.replicas.length) underReplicated++;
    if (p.isr.length < m) underMinIsr++;
    const liveIsr = p.leader === null ? 0 : p.isr.filter((b) => s.brokers[b]?.up).length;
    more = Math.min(more, Math.max(0, liveIsr - m));
  }
  return {
    underReplicated,
    offline,
    underMinIsr,
    replicationFactor: rf,
    minIsr,
    faultTolerance: rf - minIsr,
    moreFailuresWritesSurvive: Number.isFinite(more) ? more : 0,
    losses: s.checker.losses.map((l) => ({
      value: l.value,
      partition: l.partition,
      offset: l.offset,
      t: l.lostAt,
      reason: l.reason,
      chain: l.chain.map(({ t, d, type, text }) => ({ t, d, type, text })),
    })),
    violations: s.checker.violations.length,
  };
}

export function inspectorOf(s: SimState, name: string): InspectorView | null {
  const p = s.controller.partitions[name];
  if (!p) return null;
  const lag = s.clusterConfig['replica.lag.time.max.ms'];
  const leader = p.leader !== null ? s.brokers[p.leader]?.replicas[name] : undefined;
  const details = p.replicas.map((broker) => {
    const r = s.brokers[broker]?.replicas[name];
    const leo = r ? logEndOffset(r) : 0;
    const log = r ? logEntries(r, leo - INSPECTOR_LOG_LIMIT) : [];
    const first = leo - log.length;
    const f = leader?.role === 'leader' ? leader.followers[broker] : undefined;
    const caughtUp = f ? (f.leo === logEndOffset(leader!) ? s.now : f.lastCaughtUpTime) : null;
    return {
      broker,
      role: r?.role ?? 'none',
      status: brokerStatus(s, broker),
      inSync: p.isr.includes(broker),
      leo: r ? logEndOffset(r) : 0,
      logStartOffset: r?.logStartOffset ?? 0,
      hw: r?.hw ?? 0,
      epochCache: r ? r.epochCache.map(([e, o]) => [e, o] as [number, number]) : [],
      log: log.map((e, i) => ({ offset: first + i, value: e.value, epoch: e.epoch })),
      lagMs: caughtUp === null || broker === p.leader ? null : s.now - caughtUp,
      lagRemainingMs:
        caughtUp === null || broker === p.leader ? null : Math.max(0, caughtUp + lag - s.now),
    };
  });
  return {
    partition: name,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: p.isr,
    elr: p.elr,
    lastKnownElr: p.lastKnownElr,
    replicas: p.replicas,
    describe: describePartition(p),
    details,
    lagTimeMaxMs: lag,
  };
}

function configOf(s: SimState): View['config'] {
  const topic = Object.values(s.controller.topicConfigs)[0];
  const producer = Object.values(s.producers)[0];
  return {
    acks: producer ? (producer.config.acks === -1 ? 'all' : producer.config.acks) : 'all',
    'enable.idempotence': producer?.config['enable.idempotence'] ?? true,
    'min.insync.replicas': topic?.['min.insync.replicas'] ?? 1,
    'unclean.leader.election.enable': topic?.['unclean.leader.election.enable'] ?? false,
    'retention.ms': topic?.['retention.ms'] ?? TOPIC_CONFIG['retention.ms'].default,
    'segment.ms': topic?.['segment.ms'] ?? TOPIC_CONFIG['segment.ms'].default,
    'replica.lag.time.max.ms': s.clusterConfig['replica.lag.time.max.ms'],
    'broker.session.timeout.ms': s.clusterConfig['broker.session.timeout.ms'],
  };
}
