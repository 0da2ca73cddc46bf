// The cluster, topics and clients of a file whose shape is right (shape.ts), checked against each
// other and against Kafka's own rules: racks of brokers that exist, controllers with ids of their
// own, topic names Kafka accepts, replication factors the brokers can hold, manual assignments and
// states that agree with the counts, and the producer and broker config rules.
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  DEFAULT_FEATURES,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  defaultControllers,
  defaultsOf,
  type BrokerConfig,
  type BrokerSetup,
  type Features,
  type NetworkSetup,
  type ClientSetup,
  type SimSetup,
  type TopicConfig,
  type TopicSetup,
} from '../engine';
import { applyProducerRules, brokerConfigProblems } from './config-rules';
import { checkBrokerId, type Context } from './context';
import { at, isObject, listIds, show } from '../schema-kit/issues';
import { MAX_PARTITIONS, type ScenarioFile } from './shape';

/**
 * Replicas in all (partitions x replication factor over the topics): beyond this a cluster takes
 * seconds to build and runs slower than real time, and a crafted file could exhaust the tab.
 */
export const MAX_TOTAL_REPLICAS = 5000;

type Ok = (path: string) => boolean;
type File = Partial<ScenarioFile>;
type Setup = Omit<SimSetup, 'seed'>;

export function checkSetup(ctx: Context, file: File, ok: Ok): Setup {
  const cluster = checkCluster(ctx, file.cluster, ok);
  const topics = Array.isArray(file.topics)
    ? checkTopics(ctx, file.topics, cluster.brokerConfig, ok)
    : [];
  const clients = isObject(file.clients) ? checkClients(ctx, file.clients, ok) : [];
  return { ...cluster, topics, clients };
}

interface Cluster {
  brokers: BrokerSetup[];
  controllers: number[];
  brokerConfig: BrokerConfig;
  network: NetworkSetup;
  features: Features;
}

function checkCluster(ctx: Context, raw: File['cluster'], ok: Ok): Cluster {
  // each field whose shape is right
  type Cluster = NonNullable<File['cluster']>;
  const c: Partial<Cluster> = {};
  for (const [key, value] of Object.entries(isObject(raw) ? raw : {}))
    if (ok(at('cluster', key))) c[key as keyof Cluster] = value as never;
  // the config values that are right, so that topics get the defaults the file meant
  if (!ok('cluster.config') && isObject(raw) && isObject(raw.config))
    c.config = Object.fromEntries(
      Object.entries(raw.config).filter(([key]) => ok(at('cluster.config', key))),
    );
  const given = c.brokers;
  const ids =
    typeof given === 'number' ? Array.from({ length: given }, (_, i) => i + 1) : (given ?? null);
  ctx.brokers = ids;
  const brokers = (ids ?? []).map((id) => {
    const rack = c.racks?.[id];
    return rack === undefined ? { id } : { id, rack };
  });
  for (const key of Object.keys(c.racks ?? {}))
    if (ctx.brokers && !ctx.brokers.includes(Number(key)))
      ctx.issues.add(
        at('cluster.racks', key),
        `not a broker of cluster.brokers (${listIds(ctx.brokers)})`,
      );

  let controllers = c.controllers ?? defaultControllers(ids ?? []);
  const clashes = controllers.filter((id) => ids?.includes(id));
  if (clashes.length > 0) {
    // Combined broker+controller nodes are not modelled: every node has one role.
    ctx.issues.add(
      'cluster.controllers',
      `ids ${clashes.join(', ')} are also broker ids; controllers need ids of their own`,
    );
    controllers = [];
  }
  ctx.controllers = ok('cluster.controllers') && clashes.length === 0 ? controllers : null;

  const brokerConfig = { ...defaultsOf(BROKER_CONFIG), ...c.config } as BrokerConfig;
  if (c.config)
    for (const problem of brokerConfigProblems(brokerConfig))
      ctx.issues.add('cluster.config', problem);
  for (const id of ids ?? []) ctx.brokerConfigs.set(id, brokerConfig);
  const network = c.network ?? { latencyMs: 1, jitterMs: 0 };
  return { brokers, controllers, brokerConfig, network, features: c.features ?? DEFAULT_FEATURES };
}

function checkTopics(
  ctx: Context,
  raw: NonNullable<File['topics']>,
  cluster: BrokerConfig,
  ok: Ok,
): TopicSetup[] {
  const topics: TopicSetup[] = [];
  let replicas = 0;
  for (const [i, t] of raw.entries()) {
    const path = `topics[${i}]`;
    if (!isObject(t)) continue;
    const name = ok(at(path, 'name')) ? newTopicName(ctx, t.name, at(path, 'name')) : undefined;
    const topic = ok(path) && name !== undefined ? checkTopic(ctx, t, path, cluster) : undefined;
    if (name !== undefined) ctx.topics.set(name, topic?.partitions ?? null);
    if (!topic) continue;
    topics.push(topic);
    replicas += topic.partitions * topic.replicationFactor;
    if (replicas > MAX_TOTAL_REPLICAS) {
      ctx.issues.add(
        path,
        `the topics hold ${replicas.toLocaleString('en')} replicas so far (partitions x replication factor), more than the cap of ${MAX_TOTAL_REPLICAS.toLocaleString('en')} replicas in all`,
      );
      break;
    }
  }
  return topics;
}

type TopicFile = NonNullable<File['topics']>[number];

function checkTopic(
  ctx: Context,
  t: TopicFile,
  path: string,
  cluster: BrokerConfig,
): TopicSetup | undefined {
  // With a manual assignment Kafka derives the counts from it; given counts must agree.
  const first = t.assignment?.['0'];
  const partitions = count(ctx, t.partitions, at(path, 'partitions'), {
    value: t.assignment ? Object.keys(t.assignment).length : cluster['num.partitions'],
    source: t.assignment ? 'the number of partitions in assignment' : 'the default num.partitions',
  });
  const rf = count(ctx, t.replicationFactor, at(path, 'replicationFactor'), {
    value: first?.length ?? cluster['default.replication.factor'],
    source: first ? 'the length of assignment.0' : 'the default default.replication.factor',
  });
  if (partitions === undefined || rf === undefined) return undefined;
  const assignment =
    t.assignment && assign(ctx, t.assignment, at(path, 'assignment'), partitions, rf);
  if (t.assignment && !assignment) return undefined;

  // Topic configs the cluster also sets (min ISR, unclean) default to the cluster's value.
  const base = defaultsOf(TOPIC_CONFIG) as Record<string, unknown>;
  for (const key of Object.keys(TOPIC_CONFIG))
    if (Object.hasOwn(cluster, key)) base[key] = cluster[key as keyof BrokerConfig];
  const config = { ...base, ...t.config } as TopicConfig;
  const topic: TopicSetup = { name: t.name, partitions, replicationFactor: rf, config };
  if (assignment) topic.assignment = assignment;
  if (t.state === undefined) return topic;
  if (!assignment) return void ctx.issues.add(at(path, 'state'), 'state needs a manual assignment');
  const state = checkState(ctx, t.state, at(path, 'state'), assignment);
  return state ? { ...topic, state } : undefined;
}

/** Kafka's topic name rules (Topic.validate), plus uniqueness and its '.'/'_' collision rule. */
function newTopicName(ctx: Context, name: string, path: string): string | undefined {
  if (name === '.' || name === '..')
    return void ctx.issues.add(path, `topic name cannot be "." or ".."`);
  for (const existing of ctx.topics.keys()) {
    if (existing === name) return void ctx.issues.add(path, `duplicate topic name ${show(name)}`);
    // Metric names replace '.' by '_', so Kafka refuses topics that differ only there.
    if (existing.replace(/\./g, '_') === name.replace(/\./g, '_'))
      return void ctx.issues.add(
        path,
        `topic ${show(name)} collides with topic ${show(existing)} ("." and "_" clash in Kafka)`,
      );
  }
  return name;
}

/** partitions / replicationFactor: the given count, or the fallback (`source` names it). */
function count(
  ctx: Context,
  given: number | undefined,
  path: string,
  fallback: { value: number; source: string },
): number | undefined {
  const value = given ?? fallback.value;
  const subject = given === undefined ? `${fallback.source} (${value})` : `${value}`;
  const brokers = ctx.brokers?.length;
  if (value < 1) return void ctx.issues.add(path, `${subject} is less than 1`);
  if (path.endsWith('replicationFactor') && brokers !== undefined && value > brokers)
    return void ctx.issues.add(path, `${subject} is more than the ${brokers} brokers`);
  if (path.endsWith('partitions') && value > MAX_PARTITIONS)
    return void ctx.issues.add(path, `${subject} is more than ${MAX_PARTITIONS}`);
  return value;
}

/** Every partition 0..n-1 needs a list of rf brokers that exist; returns them in order. */
function assign(
  ctx: Context,
  raw: Record<string, number[]>,
  path: string,
  partitions: number,
  rf: number,
): number[][] | undefined {
  let ok = true;
  for (const key of Object.keys(raw))
    if (Number(key) >= partitions) {
      ctx.issues.add(at(path, key), `not a partition number of this topic (0..${partitions - 1})`);
      ok = false;
    }
  const lists: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    const list = raw[String(p)];
    if (list?.length !== rf) {
      const what = `a list of ${rf} distinct broker ids (the replication factor)`;
      ctx.issues.add(
        at(path, String(p)),
        list ? `expected ${what}, got ${show(list)}` : `missing: expected ${what}`,
      );
      ok = false;
      continue;
    }
    list.forEach(
      (id, i) => (ok = checkBrokerId(ctx, id, at(at(path, String(p)), i)) !== undefined && ok),
    );
    lists.push(list);
  }
  return ok ? lists : undefined;
}

/**
 * `state` (addition): the current leader and ISR per partition, as a real cluster shows them
 * (`kafka-topics --describe`): the ISR among the replicas, the leader (or null) in the ISR.
 */
function checkState(
  ctx: Context,
  raw: Record<string, { leader: number | null; isr: number[] }>,
  path: string,
  assignment: number[][],
): { leader: number | null; isr: number[] }[] | undefined {
  const out: { leader: number | null; isr: number[] }[] = [];
  for (const [i, replicas] of assignment.entries()) {
    const entry = raw[String(i)] ?? { leader: replicas[0]!, isr: [...replicas] };
    const p = at(path, String(i));
    if (!entry.isr.every((b) => replicas.includes(b)))
      return void ctx.issues.add(
        at(p, 'isr'),
        `expected a non-empty list of distinct replicas of partition ${i} (${replicas.join(', ')}), got ${show(entry.isr)}`,
      );
    if (entry.leader !== null && !entry.isr.includes(entry.leader))
      return void ctx.issues.add(
        at(p, 'leader'),
        `expected a member of the ISR (${entry.isr.join(', ')}) or null, got ${show(entry.leader)}`,
      );
    out.push(entry);
  }
  for (const key of Object.keys(raw))
    if (Number(key) >= assignment.length)
      return void ctx.issues.add(
        at(path, key),
        `not a partition number of this topic (0..${assignment.length - 1})`,
      );
  return out;
}

function checkClients(ctx: Context, raw: NonNullable<File['clients']>, ok: Ok): ClientSetup[] {
  const clients: ClientSetup[] = [];
  for (const [id, c] of Object.entries(raw)) {
    const path = at('clients', id);
    if (!isObject(c) || !ok(path)) {
      ctx.clients.set(id, isObject(c) && ok(at(path, 'type')) ? c.type : null);
      continue;
    }
    ctx.clients.set(id, c.type);
    if (c.type === 'consumer') {
      clients.push({ id, type: c.type, config: { ...defaultsOf(CONSUMER_CONFIG), ...c.config } });
      continue;
    }
    const given = c.config ?? {};
    const defaults = defaultsOf(PRODUCER_CONFIG);
    const { config, problems } = applyProducerRules(
      { ...defaults, ...given },
      new Set(Object.keys(given)),
    );
    for (const p of problems) ctx.issues.add(at(at(path, 'config'), p.name), p.message);
    ctx.producerConfigs.set(id, { config, given });
    clients.push({ id, type: c.type, config });
  }
  return clients;
}
