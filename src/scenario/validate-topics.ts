// The `topics` section: names, partition counts, replication factors, manual assignments and
// topic configs (whose defaults are the cluster's values, as in Kafka).
import { defaultsOf, TOPIC_CONFIG, type BrokerConfig, type TopicConfig } from '../engine';
import type { TopicSetup } from '../engine';
import { checkBrokerId, type Context } from './context';
import { at, checkKnownFields, isInt, isObject, own, parseIndexKey, show } from './issues';
import { parseConfigFields } from './validate-config';

/** An in-browser simulator: more partitions per topic than this are refused. */
export const MAX_PARTITIONS = 10000;
/**
 * Replicas in all (partitions x replication factor over the topics): beyond this a cluster takes
 * seconds to build and runs slower than real time, and a crafted file could exhaust the tab.
 */
export const MAX_TOTAL_REPLICAS = 5000;

const TOPIC_FIELDS = ['name', 'partitions', 'replicationFactor', 'assignment', 'state', 'config'];

export function validateTopics(ctx: Context, raw: unknown, cluster: BrokerConfig): TopicSetup[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.issues.expected('topics', 'a list of topics', raw);
    return [];
  }
  const topics: TopicSetup[] = [];
  let replicas = 0;
  for (let i = 0; i < raw.length; i++) {
    const topic = validateTopic(ctx, raw[i], `topics[${i}]`, cluster);
    if (!topic) continue;
    topics.push(topic);
    replicas += topic.partitions * topic.replicationFactor;
    if (replicas > MAX_TOTAL_REPLICAS) {
      ctx.issues.add(
        `topics[${i}]`,
        `the topics hold ${replicas.toLocaleString('en')} replicas so far (partitions x replication factor), more than the cap of ${MAX_TOTAL_REPLICAS.toLocaleString('en')} replicas in all`,
      );
      break;
    }
  }
  return topics;
}

function validateTopic(
  ctx: Context,
  raw: unknown,
  path: string,
  cluster: BrokerConfig,
): TopicSetup | undefined {
  const { issues } = ctx;
  if (!isObject(raw)) {
    issues.expected(path, 'a topic { "name", "partitions", "replicationFactor", ... }', raw);
    return undefined;
  }
  checkKnownFields(issues, raw, TOPIC_FIELDS, path);
  const name = checkNewTopicName(ctx, own(raw, 'name'), at(path, 'name'));

  const rawAssignment = own(raw, 'assignment');
  const assignment = isObject(rawAssignment) ? rawAssignment : undefined;
  if (rawAssignment !== undefined && !assignment)
    issues.expected(
      at(path, 'assignment'),
      'an object of partition number to broker ids',
      rawAssignment,
    );
  const firstList = assignment ? own(assignment, '0') : undefined;

  // With a manual assignment Kafka derives the counts from it; given counts must agree.
  const partitions = countField(
    ctx,
    own(raw, 'partitions'),
    at(path, 'partitions'),
    MAX_PARTITIONS,
    assignment
      ? { value: Object.keys(assignment).length, source: 'the number of partitions in assignment' }
      : { value: cluster['num.partitions'], source: 'the default num.partitions' },
  );
  const rf = countField(
    ctx,
    own(raw, 'replicationFactor'),
    at(path, 'replicationFactor'),
    Infinity,
    Array.isArray(firstList)
      ? { value: firstList.length, source: 'the length of assignment.0' }
      : {
          value: cluster['default.replication.factor'],
          source: 'the default default.replication.factor',
        },
  );

  if (name !== undefined) ctx.topics.set(name, partitions ?? null);

  let normalised: number[][] | undefined;
  if (assignment && partitions !== undefined && rf !== undefined)
    normalised = checkAssignment(ctx, assignment, at(path, 'assignment'), partitions, rf);

  // Topic configs the cluster also sets (min ISR, unclean) default to the cluster's value.
  const base = defaultsOf(TOPIC_CONFIG) as Record<string, unknown>;
  for (const key of Object.keys(TOPIC_CONFIG))
    if (Object.hasOwn(cluster, key)) base[key] = cluster[key as keyof BrokerConfig];
  const { config } = parseConfigFields(
    issues,
    TOPIC_CONFIG,
    own(raw, 'config'),
    at(path, 'config'),
    base as TopicConfig,
  );

  if (name === undefined || partitions === undefined || rf === undefined) return undefined;
  const topic: TopicSetup = { name, partitions, replicationFactor: rf, config };
  if (normalised) topic.assignment = normalised;
  const rawState = own(raw, 'state');
  if (rawState !== undefined) {
    const state = checkState(ctx, rawState, at(path, 'state'), partitions, normalised);
    if (state) topic.state = state;
  }
  return topic;
}

/** Kafka's topic name rules (Topic.validate), plus uniqueness and its '.'/'_' collision rule. */
function checkNewTopicName(ctx: Context, name: unknown, path: string): string | undefined {
  const what = 'a topic name of 1 to 249 characters a-z, A-Z, 0-9, ".", "_" or "-"';
  if (typeof name !== 'string' || !/^[a-zA-Z0-9._-]{1,249}$/.test(name)) {
    ctx.issues.expected(path, what, name);
    return undefined;
  }
  if (name === '.' || name === '..') {
    ctx.issues.add(path, `topic name cannot be "." or ".."`);
    return undefined;
  }
  for (const existing of ctx.topics.keys()) {
    if (existing === name) {
      ctx.issues.add(path, `duplicate topic name ${show(name)}`);
      return undefined;
    }
    // Metric names replace '.' by '_', so Kafka refuses topics that differ only there.
    if (existing.replace(/\./g, '_') === name.replace(/\./g, '_')) {
      ctx.issues.add(
        path,
        `topic ${show(name)} collides with topic ${show(existing)} ("." and "_" clash in Kafka)`,
      );
      return undefined;
    }
  }
  return name;
}

/**
 * partitions / replicationFactor: the given integer, or else the fallback (the cluster default,
 * or what the manual assignment implies), checked the same way; `source` names the fallback.
 */
function countField(
  ctx: Context,
  raw: unknown,
  path: string,
  max: number,
  fallback: { value: number; source: string },
): number | undefined {
  if (raw !== undefined && (!isInt(raw, 1) || raw > max)) {
    const range = max === Infinity ? 'an integer >= 1' : `an integer from 1 to ${max}`;
    ctx.issues.expected(path, range, raw);
    return undefined;
  }
  const value = raw ?? fallback.value;
  const subject = raw === undefined ? `${fallback.source} (${value})` : `${value}`;
  const brokers = ctx.brokers?.length;
  if (path.endsWith('replicationFactor') && brokers !== undefined && value > brokers) {
    ctx.issues.add(path, `${subject} is more than the ${brokers} brokers`);
    return undefined;
  }
  if (value > max) {
    ctx.issues.add(path, `${subject} is more than ${max}`);
    return undefined;
  }
  return value;
}

/** Every partition 0..n-1 needs a list of rf distinct broker ids; returns them in order. */
function checkAssignment(
  ctx: Context,
  raw: Record<string, unknown>,
  path: string,
  partitions: number,
  rf: number,
): number[][] | undefined {
  const lists: number[][] = [];
  let ok = true;
  for (const key of Object.keys(raw)) {
    const p = parseIndexKey(key);
    if (p === undefined || p >= partitions) {
      ctx.issues.add(at(path, key), `not a partition number of this topic (0..${partitions - 1})`);
      ok = false;
    }
  }
  for (let p = 0; p < partitions; p++) {
    const list = own(raw, String(p));
    const entryPath = at(path, String(p));
    if (!Array.isArray(list) || list.length !== rf) {
      ctx.issues.expected(
        entryPath,
        `a list of ${rf} distinct broker ids (the replication factor)`,
        list,
      );
      ok = false;
      continue;
    }
    const seen = new Set<number>();
    list.forEach((id, i) => {
      const broker = checkBrokerId(ctx, id, at(entryPath, i));
      if (broker === undefined) ok = false;
      else if (seen.has(broker)) {
        ctx.issues.add(at(entryPath, i), `broker ${broker} is listed twice`);
        ok = false;
      } else seen.add(broker);
    });
    lists.push([...seen]);
  }
  return ok ? lists : undefined;
}

/**
 * `state` (addition): the current leader and ISR per partition, as a real cluster shows them
 * (`kafka-topics --describe`). Needs the manual assignment: the ISR must be among the replicas,
 * and the leader (or null for an offline partition) in the ISR.
 */
function checkState(
  ctx: Context,
  raw: unknown,
  path: string,
  partitions: number,
  assignment: number[][] | undefined,
): { leader: number | null; isr: number[] }[] | undefined {
  if (!assignment) {
    ctx.issues.add(path, 'state needs a manual assignment');
    return undefined;
  }
  if (!isObject(raw)) {
    ctx.issues.expected(path, 'an object { "0": { "leader": id | null, "isr": [ids] }, ... }', raw);
    return undefined;
  }
  const out: { leader: number | null; isr: number[] }[] = [];
  for (let i = 0; i < partitions; i++) {
    const p = at(path, String(i));
    const entry = own(raw, String(i));
    const replicas = assignment[i]!;
    if (entry === undefined) {
      out.push({ leader: replicas[0]!, isr: [...replicas] });
      continue;
    }
    if (!isObject(entry)) {
      ctx.issues.expected(p, '{ "leader": id | null, "isr": [ids] }', entry);
      return undefined;
    }
    const isr = own(entry, 'isr');
    const leader = own(entry, 'leader');
    if (
      !Array.isArray(isr) ||
      isr.length === 0 ||
      !isr.every((b) => isInt(b) && replicas.includes(b as number)) ||
      new Set(isr).size !== isr.length
    ) {
      ctx.issues.expected(
        at(p, 'isr'),
        `a non-empty list of distinct replicas of partition ${i} (${replicas.join(', ')})`,
        isr,
      );
      return undefined;
    }
    if (leader !== null && !(isInt(leader) && (isr as number[]).includes(leader as number))) {
      ctx.issues.expected(
        at(p, 'leader'),
        `a member of the ISR (${(isr as number[]).join(', ')}) or null`,
        leader,
      );
      return undefined;
    }
    out.push({ leader: leader as number | null, isr: isr as number[] });
  }
  return out;
}
