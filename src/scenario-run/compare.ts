// Compares the facts of an `expect` with a state dump. Subset semantics: only what the
// expectation lists is checked. Sets (isr, offline, lost, ...) ignore order; logs, committed
// records, truncations, epoch caches and consumed records are compared in order.
import type { ConsumeResult, StateDump } from '../engine';
import type { Facts } from '../scenario/types';

export interface Mismatch {
  /** where in the state, e.g. "partitions.t-0.isr" */
  path: string;
  expected: unknown;
  actual: unknown;
  /** extra explanation, e.g. what a set is missing */
  note?: string;
}

type PartitionFacts = NonNullable<Facts['partitions']>[string];
type RecordFacts = NonNullable<Facts['records']>[string];
type ReplicaFacts = NonNullable<PartitionFacts['replicas']>[string];

export function compareFacts(expected: Facts, actual: StateDump): Mismatch[] {
  const out: Mismatch[] = [];
  const c = new Comparer(out);
  const e = expected;
  if (e.brokers) c.each('brokers', e.brokers, actual.brokers, (p, v, a) => c.value(p, v, a));
  if (e.controller !== undefined) c.value('controller', e.controller, actual.controller);
  if (e.partitions)
    c.each('partitions', e.partitions, actual.partitions, (p, v, a) =>
      comparePartition(c, p, v, a),
    );
  if (e.records)
    c.each('records', e.records, actual.records, (p, v, a) => compareRecord(c, p, v, a));
  if (Array.isArray(e.committed)) c.list('committed', e.committed, allCommitted(actual.committed));
  else if (e.committed)
    c.each('committed', e.committed, actual.committed, (p, v, a) => c.list(p, v, a ?? []));
  for (const name of [
    'lost',
    'uncommitted',
    'offline',
    'underReplicated',
    'underMinIsr',
    'duplicates',
  ] as const) {
    const listed = e[name];
    if (listed) c.set(name, listed, actual[name]);
  }
  // A broker without leaders or followers may be left out of a dump's counts: that is 0.
  if (e.leaderCounts)
    c.each('leaderCounts', e.leaderCounts, actual.leaderCounts, (p, v, a) => c.value(p, v, a ?? 0));
  if (e.followerCounts)
    c.each('followerCounts', e.followerCounts, actual.followerCounts, (p, v, a) =>
      c.value(p, v, a ?? 0),
    );
  if (e.truncations) c.list('truncations', e.truncations, actual.truncations);
  e.consume?.forEach((item, i) => compareConsume(c, `consume[${i}]`, item, actual.consume));
  return out;
}

export function formatMismatch(m: Mismatch): string {
  const text = `${m.path}: expected ${show(m.expected)}, got ${show(m.actual)}`;
  return m.note ? `${text} (${m.note})` : text;
}

function comparePartition(
  c: Comparer,
  path: string,
  e: PartitionFacts,
  a: StateDump['partitions'][string],
) {
  if (e.leader !== undefined) c.value(`${path}.leader`, e.leader, a.leader);
  if (e.leaderEpoch !== undefined) c.value(`${path}.leaderEpoch`, e.leaderEpoch, a.leaderEpoch);
  if (e.partitionEpoch !== undefined)
    c.value(`${path}.partitionEpoch`, e.partitionEpoch, a.partitionEpoch);
  if (e.isr) c.set(`${path}.isr`, e.isr, a.isr);
  if (e.elr) c.set(`${path}.elr`, e.elr, a.elr);
  if (e.lastKnownElr) c.set(`${path}.lastKnownElr`, e.lastKnownElr, a.lastKnownElr);
  // The assignment is ordered: its first broker is the preferred leader.
  if (e.assignment) c.list(`${path}.assignment`, e.assignment, a.assignment);
  if (e.replicas)
    c.each(`${path}.replicas`, e.replicas, a.replicas, (p, v, r) => compareReplica(c, p, v, r));
  if (e.committed) c.list(`${path}.committed`, e.committed, a.committed);
}

function compareReplica(
  c: Comparer,
  path: string,
  e: ReplicaFacts,
  a: StateDump['partitions'][string]['replicas'][string],
) {
  if (e.leo !== undefined) c.value(`${path}.leo`, e.leo, a.leo);
  if (e.hw !== undefined) c.value(`${path}.hw`, e.hw, a.hw);
  if (e.log) c.list(`${path}.log`, e.log, a.log);
  if (e.epochCache) c.list(`${path}.epochCache`, e.epochCache, a.epochCache);
}

function compareRecord(c: Comparer, path: string, e: RecordFacts, a: StateDump['records'][string]) {
  if (e.status !== undefined) c.value(`${path}.status`, e.status, a.status);
  if (e.offset !== undefined) c.value(`${path}.offset`, e.offset, a.offset);
  if (e.error !== undefined) c.value(`${path}.error`, e.error, a.error);
  if (e.partition !== undefined) c.value(`${path}.partition`, e.partition, a.partition);
  if (e.attemptErrors) c.list(`${path}.attemptErrors`, e.attemptErrors, a.attemptErrors);
}

/**
 * Matches a consume expectation with a read in `actual.consume` by that client of that partition:
 * with `from`, the fresh read the runner made for it; without, the consumer's latest consume/poll.
 */
function compareConsume(
  c: Comparer,
  path: string,
  e: NonNullable<Facts['consume']>[number],
  reads: ConsumeResult[],
) {
  const matching = reads.filter(
    (r) =>
      r.client === e.client &&
      r.partition === e.partition &&
      // With `from`: the runner's fresh read; without: the consumer's own latest read.
      (e.from === undefined ? !r.fresh : r.fresh === true && r.from === e.from),
  );
  const a = matching[0];
  if (!a) {
    const from = e.from === undefined ? '' : ` from offset ${e.from}`;
    c.push({
      path,
      expected: e,
      actual: undefined,
      note: `no read by ${e.client} of ${e.partition}${from}`,
    });
    return;
  }
  // A read returns records or an error; show the other outcome rather than "nothing".
  if (e.records)
    c.list(
      `${path}.records`,
      e.records,
      a.records ?? (a.error === undefined ? undefined : { error: a.error }),
    );
  if (e.error !== undefined)
    c.value(
      `${path}.error`,
      e.error,
      a.error ?? (a.records === undefined ? undefined : { records: a.records }),
    );
}

/** The per-partition committed lists as one list, by topic name, then partition number. */
function allCommitted(committed: Record<string, string[]>): string[] {
  const split = (name: string): [string, number] => {
    const dash = name.lastIndexOf('-');
    return [name.slice(0, dash), Number(name.slice(dash + 1))];
  };
  const names = Object.keys(committed).sort((x, y) => {
    const [tx, px] = split(x);
    const [ty, py] = split(y);
    return tx < ty ? -1 : tx > ty ? 1 : px - py;
  });
  return names.flatMap((name) => committed[name] ?? []);
}

class Comparer {
  constructor(private readonly out: Mismatch[]) {}

  push(m: Mismatch): void {
    this.out.push(m);
  }

  value(path: string, expected: unknown, actual: unknown): void {
    if (!deepEqual(expected, actual)) this.push({ path, expected, actual });
  }

  list(path: string, expected: readonly unknown[], actual: unknown): void {
    if (!deepEqual(expected, actual)) this.push({ path, expected, actual });
  }

  set(path: string, expected: readonly unknown[], actual: unknown): void {
    if (!Array.isArray(actual)) return this.push({ path, expected, actual });
    const want = new Set(expected.map(key));
    const have = new Set(actual.map(key));
    const missing = [...want].filter((k) => !have.has(k));
    const extra = [...have].filter((k) => !want.has(k));
    if (missing.length === 0 && extra.length === 0) return;
    const parts = [];
    if (missing.length > 0) parts.push(`missing ${missing.join(', ')}`);
    if (extra.length > 0) parts.push(`unexpected ${extra.join(', ')}`);
    this.push({ path, expected, actual, note: `as a set: ${parts.join('; ')}` });
  }

  /** Key by key over what is expected; an entry missing from the state is one mismatch. */
  each<E, A>(
    path: string,
    expected: Record<string, E>,
    actual: Record<string, A> | undefined,
    compare: (path: string, expected: E, actual: A) => void,
  ): void {
    for (const [k, e] of Object.entries(expected)) {
      const a = actual && Object.hasOwn(actual, k) ? actual[k] : undefined;
      if (a === undefined && !isPlainObject(e)) compare(`${path}.${k}`, e, a as A);
      else if (a === undefined) this.push({ path: `${path}.${k}`, expected: e, actual: undefined });
      else compare(`${path}.${k}`, e, a);
    }
  }
}

function key(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  return JSON.stringify(value) ?? String(value);
}
