// Facts of `expect` and `expectEvent.expect`: the state vocabulary of the format. Their shape is
// one valibot schema (also the JSON Schema's); what is checked by hand is that the brokers,
// controllers, partitions, clients and records they name exist.
import * as v from 'valibot';
import {
  checkBrokerId,
  checkClient,
  checkControllerId,
  checkPartition,
  checkRecord,
  type Context,
} from './context';
import { at } from '../schema-kit/issues';
import { byId, closed, distinct, field, int, keyed, nodeId, opt, pair } from '../schema-kit/kit';
import { partition, recordValue } from './vocabulary';

const closedFacts = <E extends v.ObjectEntries>(entries: E, jsonRule?: object) =>
  closed(entries, undefined, { unknown: 'fact', jsonRule });

const count = field(int(0), 'an integer >= 0');
const text = field(v.pipe(v.string(), v.minLength(1)), 'a non-empty string');
const brokers = field(distinct(nodeId), 'a list of distinct broker ids');
const records = field(v.array(recordValue), 'a list of record values');
const partitions = field(distinct(partition), 'a list of distinct partition names');
const byPartition = <S extends v.GenericSchema>(value: S, what: string) =>
  field(keyed(partition, value), `an object of partition name to ${what}`);
const oneOf = <const T extends string>(values: readonly T[]) =>
  field(v.picklist(values), values.map((s) => `"${s}"`).join(' or '));

const replica = closedFacts(
  opt({
    leo: count,
    hw: count,
    log: field(
      v.array(
        field(
          v.pipe(v.string(), v.regex(/:e(0|[1-9][0-9]*)$/)),
          'a log entry "<value>:e<epoch>", e.g. "a0:e0"',
        ),
      ),
      'a list of log entries',
    ),
    epochCache: field(
      v.array(field(pair, 'a pair [leaderEpoch, startOffset]')),
      'a list of [leaderEpoch, startOffset] pairs',
    ),
  }),
);
const partitionFacts = closedFacts(
  opt({
    leader: field(v.nullable(nodeId), 'a broker id or null'),
    leaderEpoch: count,
    partitionEpoch: count,
    isr: brokers,
    elr: brokers,
    lastKnownElr: brokers,
    assignment: brokers,
    replicas: field(byId(replica), 'an object of broker id to replica facts'),
    committed: records,
  }),
);
const recordFacts = closedFacts(
  opt({
    status: oneOf(['pending', 'acked', 'sent', 'failed']),
    offset: field(int(-1), 'an offset (an integer >= -1)'),
    error: text,
    attemptErrors: field(v.array(text), 'a list of error names'),
    partition,
  }),
);

/** The facts an expect checks (scenario-format.md, "Facts"). */
export const FACTS = opt({
  brokers: field(byId(oneOf(['up', 'fenced', 'down'])), 'an object of broker id to status'),
  controller: field(v.nullable(nodeId), 'a controller id or null'),
  partitions: byPartition(partitionFacts, 'partition facts'),
  records: field(keyed(recordValue, recordFacts), 'an object of record value to record facts'),
  committed: field(
    v.union([v.array(recordValue), keyed(partition, v.array(recordValue))]),
    'a list of record values, or an object of partition name to record values',
  ),
  lost: records,
  uncommitted: records,
  offline: partitions,
  underReplicated: partitions,
  underMinIsr: partitions,
  leaderCounts: field(byId(count), 'an object of broker id to count'),
  followerCounts: field(byId(count), 'an object of broker id to count'),
  duplicates: records,
  truncations: field(
    v.array(
      closedFacts({
        broker: field(nodeId, 'a broker id'),
        partition,
        fromLeo: count,
        toOffset: count,
      }),
    ),
    'a list of truncations { broker, partition, fromLeo, toOffset }',
  ),
  consume: field(
    v.array(
      closedFacts(
        {
          client: field(v.string(), 'a consumer id'),
          partition,
          ...opt({ from: count, records, error: text }),
        },
        { not: { required: ['records', 'error'] } },
      ),
    ),
    'a list of consume reads { client, partition, from, records | error }',
  ),
});

/** Facts an `expect` checks, in the state vocabulary; anything left out is not checked. */
export type Facts = v.InferOutput<v.ObjectSchema<typeof FACTS, undefined>>;

export const FACT_NAMES = Object.keys(FACTS) as (keyof typeof FACTS)[];

/** The references of every fact whose shape is right (`ok` says which paths are). */
export function checkFacts(
  ctx: Context,
  facts: Record<string, unknown>,
  path: string,
  ok: (path: string) => boolean,
): Facts {
  for (const name of FACT_NAMES)
    if (facts[name] !== undefined && ok(at(path, name)))
      references(ctx, name, facts[name], at(path, name));
  return facts as Facts;
}

/** The brokers, controllers, partitions, clients and records a fact names must exist. */
function references(ctx: Context, name: string, value: unknown, path: string): void {
  const broker = (id: unknown, p: string) => checkBrokerId(ctx, id, p);
  const brokerKeys = (o: object, p: string) =>
    Object.keys(o).forEach((k) => broker(Number(k), at(p, k)));
  const list = (l: unknown, p: string, check: (x: unknown, p: string) => unknown) =>
    Array.isArray(l) && l.forEach((x, i) => check(x, at(p, i)));
  const record = (r: unknown, p: string) => checkRecord(ctx, r, p);
  const part = (x: unknown, p: string) => checkPartition(ctx, x as string, p);
  const entries = (o: unknown) => Object.entries(o as Record<string, Record<string, unknown>>);
  switch (name) {
    case 'brokers':
    case 'leaderCounts':
    case 'followerCounts':
      return brokerKeys(value as object, path);
    case 'controller':
      if (value !== null) checkControllerId(ctx, value, path);
      return;
    case 'partitions':
      for (const [key, facts] of entries(value)) {
        const p = at(path, key);
        part(key, p);
        if (facts.leader !== undefined && facts.leader !== null)
          broker(facts.leader, at(p, 'leader'));
        for (const f of ['isr', 'elr', 'lastKnownElr', 'assignment'])
          list(facts[f], at(p, f), broker);
        list(facts.committed, at(p, 'committed'), record);
        for (const [id, replica] of entries(facts.replicas ?? {})) {
          const r = at(at(p, 'replicas'), id);
          broker(Number(id), r);
          list(replica.log, at(r, 'log'), (entry, q) =>
            record(String(entry).replace(/:e\d+$/, ''), q),
          );
        }
      }
      return;
    case 'records':
      for (const [key, facts] of entries(value)) {
        record(key, at(path, key));
        if (facts.partition !== undefined) part(facts.partition, at(at(path, key), 'partition'));
      }
      return;
    case 'committed':
      if (Array.isArray(value)) return void list(value, path, record);
      for (const [key, values] of entries(value)) {
        part(key, at(path, key));
        list(values, at(path, key), record);
      }
      return;
    case 'lost':
    case 'uncommitted':
    case 'duplicates':
      return void list(value, path, record);
    case 'offline':
    case 'underReplicated':
    case 'underMinIsr':
      return void list(value, path, part);
    case 'truncations':
      return void list(value, path, (t, p) => {
        const { broker: id, partition: name } = t as { broker: number; partition: string };
        broker(id, at(p, 'broker'));
        part(name, at(p, 'partition'));
      });
    case 'consume':
      return void list(value, path, (c, p) => {
        const read = c as { client: string; partition: string; records?: string[]; error?: string };
        checkClient(ctx, read.client, at(p, 'client'), 'consumer');
        part(read.partition, at(p, 'partition'));
        list(read.records, at(p, 'records'), record);
        if (read.records !== undefined && read.error !== undefined)
          ctx.issues.add(p, 'expected either records or error, not both');
      });
  }
}
