// Facts of `expect` and `expectEvent.expect`: the state vocabulary of the format, checked for
// names and shapes, and for references to brokers, partitions and records that exist.
import {
  checkBrokerId,
  checkClient,
  checkControllerId,
  checkPartition,
  checkRecord,
  type Context,
} from './context';
import { at, checkKnownFields, isInt, isObject, own, parseIndexKey } from './issues';
import type { Facts } from './types';

/** Marks a value that failed its check (undefined and null can be legitimate fact values). */
const BAD = Symbol('bad');
type Check<T> = (value: unknown, path: string) => T | typeof BAD;

export const FACT_NAMES = [
  'brokers',
  'controller',
  'partitions',
  'records',
  'committed',
  'lost',
  'uncommitted',
  'offline',
  'underReplicated',
  'underMinIsr',
  'leaderCounts',
  'followerCounts',
  'duplicates',
  'truncations',
  'consume',
] as const;

/** Checks `raw[name]` for every fact name present in `raw`; other keys are the caller's concern. */
export function validateFacts(ctx: Context, raw: Record<string, unknown>, path: string): Facts {
  const checks = factChecks(ctx);
  const facts: Record<string, unknown> = {};
  for (const name of FACT_NAMES) {
    if (!Object.hasOwn(raw, name)) continue;
    const value = checks[name](raw[name], at(path, name));
    if (value !== BAD) facts[name] = value;
  }
  return facts as Facts;
}

function factChecks(ctx: Context): Record<(typeof FACT_NAMES)[number], Check<unknown>> {
  const { issues } = ctx;
  const expect =
    <T>(ok: (v: unknown) => v is T, what: string): Check<T> =>
    (v, path) => {
      if (ok(v)) return v;
      issues.expected(path, what, v);
      return BAD;
    };
  const fromRef =
    <T>(check: (ctx: Context, v: unknown, path: string) => T | undefined): Check<T> =>
    (v, path) =>
      check(ctx, v, path) ?? BAD;

  const count = expect((v): v is number => isInt(v), 'an integer >= 0');
  const offset = expect((v): v is number => isInt(v, -1), 'an offset (an integer >= -1)');
  const text = expect((v): v is string => typeof v === 'string' && v !== '', 'a non-empty string');
  const broker = fromRef(checkBrokerId);
  const partition = fromRef(checkPartition);
  const record = fromRef(checkRecord);
  const brokerKey: Check<string> = (key, path) => {
    const id = parseIndexKey(String(key));
    return id !== undefined && checkBrokerId(ctx, id, path) !== undefined ? String(id) : BAD;
  };
  const oneOf = <T extends string>(values: readonly T[]) =>
    expect((v): v is T => values.includes(v as T), values.map((s) => `"${s}"`).join(' or '));

  const list =
    <T>(item: Check<T>, what: string, distinct = false): Check<T[]> =>
    (v, path) => {
      if (!Array.isArray(v)) {
        issues.expected(path, `a list of ${what}`, v);
        return BAD;
      }
      const out: T[] = [];
      let ok = true;
      v.forEach((entry, i) => {
        const checked = item(entry, at(path, i));
        if (checked === BAD) ok = false;
        else if (distinct && out.includes(checked)) {
          issues.add(at(path, i), `${JSON.stringify(checked)} is listed twice`);
          ok = false;
        } else out.push(checked);
      });
      return ok ? out : BAD;
    };
  const map =
    <T>(key: Check<string>, value: Check<T>, what: string): Check<Record<string, T>> =>
    (v, path) => {
      if (!isObject(v)) {
        issues.expected(path, `an object of ${what}`, v);
        return BAD;
      }
      const out: Record<string, T> = {};
      let ok = true;
      for (const [k, entry] of Object.entries(v)) {
        const name = key(k, at(path, k));
        const checked = value(entry, at(path, k));
        if (name === BAD || checked === BAD) ok = false;
        else Object.defineProperty(out, name, { value: checked, enumerable: true, writable: true });
      }
      return ok ? out : BAD;
    };
  /** An object with only the listed fields, each checked; `required` ones must be present. */
  const fields =
    <T>(spec: Record<string, Check<unknown>>, required: string[] = []): Check<T> =>
    (v, path) => {
      const known = Object.keys(spec);
      if (!isObject(v)) {
        issues.expected(path, `an object with ${known.join(', ')}`, v);
        return BAD;
      }
      checkKnownFields(issues, v, known, path, 'fact');
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [name, check] of Object.entries(spec)) {
        const value = own(v, name);
        if (value === undefined) {
          if (required.includes(name)) {
            issues.expected(at(path, name), 'a value', value);
            ok = false;
          }
          continue;
        }
        const checked = check(value, at(path, name));
        if (checked === BAD) ok = false;
        else out[name] = checked;
      }
      return ok ? (out as T) : BAD;
    };

  const brokerList = list(broker, 'distinct broker ids', true);
  const recordList = list(record, 'record values');
  const partitionList = list(partition, 'partition names', true);
  const logEntry: Check<string> = (v, path) => {
    const match = typeof v === 'string' ? /^(.*):e(0|[1-9][0-9]*)$/s.exec(v) : null;
    if (!match) {
      issues.expected(path, 'a log entry "<value>:e<epoch>", e.g. "a0:e0"', v);
      return BAD;
    }
    return record(match[1], path) === BAD ? BAD : (v as string);
  };
  const epochEntry: Check<[number, number]> = (v, path) => {
    if (Array.isArray(v) && v.length === 2 && isInt(v[0]) && isInt(v[1]))
      return [v[0], v[1]] as [number, number];
    issues.expected(path, 'a pair [leaderEpoch, startOffset]', v);
    return BAD;
  };
  const replica = fields({
    leo: count,
    hw: count,
    log: list(logEntry, 'log entries'),
    epochCache: list(epochEntry, '[leaderEpoch, startOffset] pairs'),
  });
  const leader: Check<number | null> = (v, path) => (v === null ? null : broker(v, path));
  const partitionFacts = fields({
    leader,
    leaderEpoch: count,
    partitionEpoch: count,
    isr: brokerList,
    elr: brokerList,
    lastKnownElr: brokerList,
    assignment: brokerList,
    replicas: map(brokerKey, replica, 'broker id to replica facts'),
    committed: recordList,
  });
  const recordFacts = fields({
    status: oneOf(['pending', 'acked', 'sent', 'failed'] as const),
    offset,
    error: text,
    attemptErrors: list(text, 'error names'),
    partition,
  });
  const perPartition = map(partition, recordList, 'partition to record values');
  const consumeItem = fields<{ records?: unknown; error?: unknown }>(
    {
      client: (v, path) => checkClient(ctx, v, path, 'consumer') ?? BAD,
      partition,
      from: count,
      records: recordList,
      error: text,
    },
    ['client', 'partition'],
  );

  return {
    brokers: map(brokerKey, oneOf(['up', 'fenced', 'down'] as const), 'broker id to status'),
    controller: (v, path) => (v === null ? null : (checkControllerId(ctx, v, path) ?? BAD)),
    partitions: map(partition, partitionFacts, 'partition name to partition facts'),
    records: map(record, recordFacts, 'record value to record facts'),
    committed: (v, path) => (Array.isArray(v) ? recordList(v, path) : perPartition(v, path)),
    lost: recordList,
    uncommitted: recordList,
    duplicates: recordList,
    offline: partitionList,
    underReplicated: partitionList,
    underMinIsr: partitionList,
    leaderCounts: map(brokerKey, count, 'broker id to count'),
    followerCounts: map(brokerKey, count, 'broker id to count'),
    truncations: list(
      fields({ broker, partition, fromLeo: count, toOffset: count }, [
        'broker',
        'partition',
        'fromLeo',
        'toOffset',
      ]),
      'truncations { broker, partition, fromLeo, toOffset }',
    ),
    consume: list((v, path) => {
      const item = consumeItem(v, path);
      if (item !== BAD && item.records !== undefined && item.error !== undefined) {
        issues.add(path, 'expected either records or error, not both');
        return BAD;
      }
      return item;
    }, 'consume reads { client, partition, from, records | error }'),
  };
}
