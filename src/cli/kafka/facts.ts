// The real cluster's state in the scenario vocabulary (scenario-format.md), built only for the
// facts an `expect` lists: leader, epoch, ISR and ELR from DescribeTopicPartitions; logs from the
// brokers' segment files (Kafka's own FileRecords reader, as kafka-dump-log uses); epoch caches
// from leader-epoch-checkpoint; record outcomes from Kafka's producer; committed records from a
// consumer reading up to the high watermark.
import type { StateDump } from '../../engine';
import type { Facts, Scenario } from '../../scenario/types';
import type { KafkaCluster } from './cluster';
import type { Driver, Outcome } from './driver';
import { join } from 'node:path';

export interface SentRecord {
  value: string;
  client: string;
  topic: string;
}

interface Described {
  partition: string;
  error: string;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  isr: number[];
  elr: number[];
  lastKnownElr: number[];
}

export interface KafkaPartition {
  leader: number | null;
  leaderEpoch: number;
  isr: number[];
  elr: number[];
  lastKnownElr: number[];
  assignment: number[];
}

/** Partition state as the brokers' metadata has it; the freshest answer per partition wins. */
export async function describePartitions(
  cluster: KafkaCluster,
  driver: Driver,
  topics: string[],
): Promise<Record<string, KafkaPartition>> {
  const brokers = cluster.brokers
    .filter((b) => cluster.isServing(b.id))
    .map((b) => ({ id: b.id, port: b.port }));
  const answers = brokers.length
    ? ((await driver.must('describe', { topics, brokers })).brokers as {
        broker: number;
        partitions?: Described[];
      }[])
    : [];
  // No broker up to answer (all down, or none serving yet): the controller's own view, from its
  // metadata log. broker -1 marks it.
  if (!answers.some((x) => x.partitions?.length)) {
    const view = await controllerView(cluster, driver);
    answers.push({
      broker: -1,
      partitions: view.partitions.filter((p) => topics.includes(topicOf(p.partition))),
    });
  }
  const out: Record<string, KafkaPartition & { from: number }> = {};
  for (const answer of answers) {
    for (const p of answer.partitions ?? []) {
      if (p.error !== 'NONE') continue;
      const prev = out[p.partition];
      const fresher =
        !prev ||
        p.leaderEpoch > prev.leaderEpoch ||
        (p.leaderEpoch === prev.leaderEpoch && answer.broker === p.leader);
      if (fresher)
        out[p.partition] = {
          leader: p.leader < 0 ? null : p.leader,
          leaderEpoch: p.leaderEpoch,
          isr: [...p.isr].sort((x, y) => x - y),
          elr: [...p.elr].sort((x, y) => x - y),
          lastKnownElr: [...p.lastKnownElr].sort((x, y) => x - y),
          assignment: p.replicas,
          from: answer.broker,
        };
    }
  }
  return out;
}

const topicOf = (partition: string) => partition.slice(0, partition.lastIndexOf('-'));

/** The controller's view of partitions and broker fencing, replayed from its metadata log. */
export async function controllerView(
  cluster: KafkaCluster,
  driver: Driver,
): Promise<{ partitions: Described[]; brokers: { id: number; fenced: boolean }[] }> {
  const dirs = cluster.controllers.map((c) => join(c.dir, 'data', '__cluster_metadata-0'));
  const a = await driver.must('controllerView', { dirs });
  return a as unknown as { partitions: Described[]; brokers: { id: number; fenced: boolean }[] };
}

export interface KafkaLogEntry {
  offset: number;
  epoch: number;
  value: string | null;
}

export async function replicaLog(
  cluster: KafkaCluster,
  driver: Driver,
  broker: number,
  partition: string,
): Promise<KafkaLogEntry[]> {
  const a = await driver.must('dumpLog', { dir: cluster.logDir(broker, partition) });
  return a.log as KafkaLogEntry[];
}

export interface ReadResult {
  records: { offset: number; value: string }[];
  end?: number;
  start?: number;
  readError?: string;
}

export async function readPartition(driver: Driver, partition: string, from = -1) {
  const dash = partition.lastIndexOf('-');
  const a = await driver.must(
    'read',
    { topic: partition.slice(0, dash), partition: Number(partition.slice(dash + 1)), from },
    40_000,
  );
  return a as unknown as ReadResult;
}

/** Everything a run of the harness keeps about its producers. */
export interface Ledger {
  sent: Map<number, SentRecord>;
  /** per consumer client: its last consume step's result */
  consumed: Map<string, { partition: string; from: number; result: ReadResult }>;
  /** produce outcomes, from the clients' driver */
  outcomes: Map<number, Outcome>;
  /**
   * The configs the file and its setConfig steps gave so far (the topic's own, and the cluster
   * default), for facts that depend on them (underMinIsr). The setup's topic configs are only
   * those of t=0.
   */
  configs?: { topics: Map<string, Record<string, unknown>>; cluster: Record<string, unknown> };
}

/** A topic's min.insync.replicas: its own value, else the cluster default (as Kafka resolves it). */
function minIsrOf(scenario: Scenario, ledger: Ledger, topic: string): number {
  const c = ledger.configs;
  const own = c?.topics.get(topic)?.['min.insync.replicas'];
  const cluster = c?.cluster['min.insync.replicas'];
  if (c) return Number(own ?? cluster ?? 1);
  return Number(
    scenario.setup.topics.find((t) => t.name === topic)?.config['min.insync.replicas'] ??
      scenario.setup.brokerConfig['min.insync.replicas'] ??
      1,
  );
}

const partitionOf = (name: string, p: number) => `${name}-${p}`;

/**
 * Builds a StateDump holding the facts `want` lists (others are left empty), so the project's own
 * compareFacts can check it.
 */
export async function kafkaFacts(
  scenario: Scenario,
  cluster: KafkaCluster,
  driver: Driver,
  ledger: Ledger,
  want: Facts,
): Promise<StateDump> {
  const topics = scenario.setup.topics.map((t) => t.name);
  const dump: StateDump = {
    time: Date.now(),
    brokers: {},
    controller: null,
    partitions: {},
    records: {},
    committed: {},
    lost: [],
    uncommitted: [],
    offline: [],
    underReplicated: [],
    underMinIsr: [],
    leaderCounts: {},
    followerCounts: {},
    duplicates: [],
    truncations: [],
    consume: [],
  };
  if (want.brokers) {
    const reg = new Map<number, boolean>();
    // Fencing as the controller's metadata log has it. Not DescribeCluster: it is answered from
    // whichever broker the Admin client asks, and a broker cut from the controller never learns
    // that it was fenced (scenarios 18 and 33 read "up" from it).
    for (const b of (await controllerView(cluster, driver)).brokers) reg.set(b.id, b.fenced);
    for (const b of cluster.brokers)
      dump.brokers[b.id] = !cluster.isUp(b.id) ? 'down' : reg.get(b.id) === false ? 'up' : 'fenced';
  }
  if (want.controller !== undefined) {
    const a = await driver.ask('quorum');
    // The brokers keep naming a dead quorum leader until a new one is elected: no active controller.
    const leader = typeof a.leader === 'number' && a.leader >= 0 ? a.leader : null;
    dump.controller = leader !== null && cluster.isUp(leader) ? leader : null;
  }
  const parts = await describePartitions(cluster, driver, topics);
  const minIsr = (topic: string) => minIsrOf(scenario, ledger, topic);
  const needsLeaderLog = !!(want.lost || want.uncommitted);
  const needsCommitted = !!(want.committed || want.uncommitted || want.duplicates);
  for (const [name, p] of Object.entries(parts)) {
    const wantP = want.partitions?.[name];
    const replicas: StateDump['partitions'][string]['replicas'] = {};
    for (const [b, r] of Object.entries(wantP?.replicas ?? {})) {
      if (!r.log && r.leo === undefined && !r.epochCache) continue;
      const log = await replicaLog(cluster, driver, Number(b), name);
      replicas[b] = {
        leo: log.length ? log[log.length - 1]!.offset + 1 : 0,
        log: log.map((e) => `${e.value}:e${e.epoch}`),
        epochCache: cluster.epochCache(Number(b), name),
      } as never;
    }
    dump.partitions[name] = {
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      elr: p.elr,
      lastKnownElr: p.lastKnownElr,
      assignment: p.assignment,
      replicas,
    } as never;
    if (p.leader === null) dump.offline.push(name);
    if (p.isr.length < p.assignment.length) dump.underReplicated.push(name);
    const topic = name.slice(0, name.lastIndexOf('-'));
    if (p.isr.length < Math.min(minIsr(topic), p.assignment.length)) dump.underMinIsr.push(name);
    if (p.leader !== null) dump.leaderCounts[p.leader] = (dump.leaderCounts[p.leader] ?? 0) + 1;
    for (const f of p.assignment)
      if (f !== p.leader) dump.followerCounts[f] = (dump.followerCounts[f] ?? 0) + 1;
  }
  // record outcomes, from Kafka's own producer callbacks
  for (const [rid, rec] of ledger.sent) {
    const o = ledger.outcomes.get(rid);
    dump.records[rec.value] = (
      !o
        ? { status: 'pending' }
        : o.ev === 'fail'
          ? { status: 'failed', error: o.error }
          : o.offset === -1
            ? { status: 'sent', offset: -1, partition: partitionOf(rec.topic, o.partition!) }
            : { status: 'acked', offset: o.offset, partition: partitionOf(rec.topic, o.partition!) }
    ) as never;
  }
  const told = [...ledger.sent.entries()]
    .filter(([rid]) => ledger.outcomes.get(rid)?.ev === 'ack')
    .map(([, r]) => r.value);
  if (needsCommitted || needsLeaderLog) {
    const inLogs = new Set<string>();
    for (const [name, p] of Object.entries(parts)) {
      let hw = 0;
      if (needsCommitted && p.leader !== null) {
        const r = await readPartition(driver, name);
        dump.committed[name] = r.records.map((x) => x.value);
        hw = r.end ?? 0;
        const seen = new Set<string>();
        for (const v of dump.committed[name]!) {
          if (seen.has(v) && !dump.duplicates.includes(v)) dump.duplicates.push(v);
          seen.add(v);
        }
      }
      // with no leader, the replicas that may still lead (as the engine counts lost, R45)
      const holders = p.leader !== null ? [p.leader] : [...p.isr, ...p.elr, ...p.lastKnownElr];
      for (const h of holders) {
        const log = await replicaLog(cluster, driver, h, name);
        for (const e of log) {
          if (e.value === null) continue;
          inLogs.add(e.value);
          if (p.leader !== null && needsCommitted && e.offset >= hw && told.includes(e.value))
            dump.uncommitted.push(e.value);
        }
      }
    }
    dump.lost = told.filter((v) => !inLogs.has(v));
  }
  for (const item of want.consume ?? []) {
    if (item.from === undefined) {
      const c = ledger.consumed.get(item.client);
      if (c) dump.consume.push(consumeResult(item.client, c.partition, c.from, c.result));
      continue;
    }
    const r = await readPartition(driver, item.partition, item.from);
    dump.consume.unshift({
      ...consumeResult(item.client, item.partition, item.from, r),
      fresh: true,
    } as never);
  }
  return dump;
}

function consumeResult(client: string, partition: string, from: number, r: ReadResult) {
  return (
    r.readError
      ? { client, partition, from, error: r.readError }
      : { client, partition, from, records: r.records.map((x) => x.value) }
  ) as StateDump['consume'][number];
}
