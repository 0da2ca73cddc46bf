// What the steps may refer to (brokers, controllers, topics, clients, records), and the checks
// that turn a reference in the file into a normalised value or an error naming the field.
import type { BrokerConfig, ProducerConfig } from '../engine';
import type { Issues } from '../schema-kit/issues';
import { listIds, show } from '../schema-kit/issues';

export type ClientType = 'producer' | 'consumer';

export interface TrackedProducerConfig {
  /** the effective config, after Kafka's producer rules */
  config: ProducerConfig;
  /** the values the file has set so far (Kafka treats explicit and default values differently) */
  given: Partial<ProducerConfig>;
}

export interface Context {
  issues: Issues;
  /** null when cluster.brokers itself is invalid: references are then not checked against it */
  brokers: number[] | null;
  controllers: number[] | null;
  /** topic name -> partition count (null when the topic's count is invalid) */
  topics: Map<string, number | null>;
  /** client id -> type (null when the client's type is invalid) */
  clients: Map<string, ClientType | null>;
  /** current config per producer, followed through setConfig steps for the R37 checks */
  producerConfigs: Map<string, TrackedProducerConfig>;
  /** current config per broker, followed through setConfig steps for the cross-config checks */
  brokerConfigs: Map<number, BrokerConfig>;
  /** record value -> index of the step that produces it */
  produced: Map<string, number>;
}

export function newContext(issues: Issues): Context {
  return {
    issues,
    brokers: null,
    controllers: null,
    topics: new Map(),
    clients: new Map(),
    producerConfigs: new Map(),
    brokerConfigs: new Map(),
    produced: new Map(),
  };
}

// The values checked here have the right shape already (shape.ts): only whether they exist is.

/** An id the cluster has (any id while the list itself is invalid). */
function member(ctx: Context, ids: number[] | null, value: unknown, path: string, what: string) {
  if (ids === null || ids.includes(value as number)) return value as number;
  ctx.issues.expected(path, `${what} (${listIds(ids)})`, value);
  return undefined;
}

export const checkBrokerId = (ctx: Context, value: unknown, path: string) =>
  member(ctx, ctx.brokers, value, path, 'a broker id of cluster.brokers');

export const checkControllerId = (ctx: Context, value: unknown, path: string) =>
  member(ctx, ctx.controllers, value, path, 'a controller id of the quorum');

export function checkTopicName(ctx: Context, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && ctx.topics.has(value)) return value;
  ctx.issues.expected(path, `a topic of topics (${listNames([...ctx.topics.keys()])})`, value);
  return undefined;
}

/** A partition "<topic>-<n>" of a topic in the file; the number is after the last "-". */
export function checkPartition(ctx: Context, value: string, path: string): string | undefined {
  const dash = value.lastIndexOf('-');
  const topic = value.slice(0, dash);
  const count = ctx.topics.get(topic);
  if (!ctx.topics.has(topic)) {
    const topics = listNames([...ctx.topics.keys()]);
    ctx.issues.expected(path, `a partition "<topic>-<n>" of a topic in topics (${topics})`, value);
    return undefined;
  }
  if (count !== null && count !== undefined && Number(value.slice(dash + 1)) >= count) {
    const range = count === 1 ? `${topic}-0` : `${topic}-0..${topic}-${count - 1}`;
    ctx.issues.expected(path, `a partition of topic ${topic} (${range})`, value);
    return undefined;
  }
  return value;
}

export function checkClient(
  ctx: Context,
  value: unknown,
  path: string,
  type: ClientType | 'any',
): string | undefined {
  const ids = [...ctx.clients.keys()];
  const wanted = type === 'any' ? 'a client id' : `a ${type} id`;
  if (typeof value !== 'string' || !ctx.clients.has(value)) {
    const ofType = ids.filter((id) => type === 'any' || ctx.clients.get(id) === type);
    ctx.issues.expected(path, `${wanted} of clients (${listNames(ofType)})`, value);
    return undefined;
  }
  const actual = ctx.clients.get(value);
  if (type !== 'any' && actual !== null && actual !== type) {
    ctx.issues.add(path, `expected ${wanted}, got ${show(value)}, which is a ${actual}`);
    return undefined;
  }
  return value;
}

/** A record value named in an expectation must have been produced by an earlier step. */
export function checkRecord(ctx: Context, value: unknown, path: string): string | undefined {
  if (typeof value === 'string' && ctx.produced.has(value)) return value;
  const sofar = listNames([...ctx.produced.keys()]);
  ctx.issues.expected(path, `a record value produced by an earlier step (${sofar})`, value);
  return undefined;
}

/**
 * A network endpoint: a broker or controller id (a number, or a numeric string such as "2"),
 * "controller" for the whole quorum, or a client id.
 */
export function checkEndpoint(
  ctx: Context,
  value: unknown,
  path: string,
): number | string | undefined {
  const numeric =
    typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : (value as unknown);
  if (typeof numeric === 'number') {
    const known = [...(ctx.brokers ?? []), ...(ctx.controllers ?? [])];
    if (known.includes(numeric) || ctx.brokers === null) return numeric;
  }
  if (value === 'controller') return 'controller';
  if (typeof value === 'string' && ctx.clients.has(value)) return value;
  const parts = [
    ctx.brokers ? `a broker id (${listIds(ctx.brokers)})` : 'a broker id',
    ctx.controllers ? `a controller id (${listIds(ctx.controllers)})` : 'a controller id',
    '"controller"',
    `a client id (${listNames([...ctx.clients.keys()])})`,
  ];
  ctx.issues.expected(path, `${parts.slice(0, -1).join(', ')} or ${parts[3]}`, value);
  return undefined;
}

/** Names for messages, at most ten. */
export function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, 10).join(', ');
  return names.length > 10 ? `${shown}, ... ${names.length - 10} more` : shown;
}
