// The `steps` list: one action per step (`do`). Each step's fields are read against the action
// vocabulary (vocabulary.ts); what is checked here by hand is what the shape cannot say: that a
// broker, partition, client or record exists, that records are produced once, and which network
// cuts carry traffic in Kafka.
import {
  checkBrokerId,
  checkClient,
  checkControllerId,
  checkEndpoint,
  checkPartition,
  checkRecord,
  checkTopicName,
  type ClientType,
  type Context,
} from './context';
import { at, isObject, own, show } from './issues';
import type { Endpoint, Step } from './types';
import { FACT_NAMES, validateFacts } from './facts';
import { validateSetConfig } from './validate-set-config';
import * as v from 'valibot';
import { readFields } from './read';
import { STEP_AT, STEP_FIELDS } from './vocabulary';

/** The fields of each action besides `do` and `at`. */
export const ACTION_FIELDS: Record<string, readonly string[]> = {
  ...Object.fromEntries(Object.entries(STEP_FIELDS).map(([a, fields]) => [a, Object.keys(fields)])),
  expect: FACT_NAMES,
};

export const ACTIONS = Object.keys(ACTION_FIELDS);

/** Who may give each action that names a client. */
const CLIENT_OF: Partial<Record<string, ClientType | 'any'>> = {
  produce: 'producer',
  produceStream: 'producer',
  consume: 'consumer',
  poll: 'consumer',
  subscribe: 'consumer',
  refreshMetadata: 'any',
};

export function validateSteps(ctx: Context, raw: unknown): Step[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    ctx.issues.expected('steps', 'a list of steps', raw);
    return [];
  }
  const steps: Step[] = [];
  raw.forEach((entry, index) => {
    const step = validateStep(ctx, entry, index);
    if (step) steps.push(step);
  });
  return steps;
}

function validateStep(ctx: Context, raw: unknown, index: number): Step | undefined {
  const path = `steps[${index}]`;
  const { issues } = ctx;
  if (!isObject(raw)) {
    issues.expected(path, 'a step { "do": <action>, ... }', raw);
    return undefined;
  }
  const action = own(raw, 'do');
  if (typeof action !== 'string' || !Object.hasOwn(ACTION_FIELDS, action)) {
    issues.expected(at(path, 'do'), `an action (${ACTIONS.join(', ')})`, action);
    return undefined;
  }
  const before = issues.errors.length;
  const known = ['do', 'at', ...ACTION_FIELDS[action]!];
  const what = action === 'expect' ? 'fact' : `field of ${action}`;
  const entries = { at: v.optional(STEP_AT), ...STEP_FIELDS[action as keyof typeof STEP_FIELDS] };
  const read = readFields(issues, entries, raw, path, known, what);
  const { at: time, ...fields } = read.values;
  const body = references(ctx, action, fields, raw, path, index);
  if (!body || !read.ok || issues.errors.length > before) return undefined;
  const step = { ...body, index } as Step;
  if (time !== undefined) step.at = time as number;
  return step;
}

/** The step's references checked; the step as it runs, or undefined. */
function references(
  ctx: Context,
  action: string,
  f: Record<string, unknown>,
  raw: Record<string, unknown>,
  path: string,
  index: number,
): Record<string, unknown> | undefined {
  const p = (name: string) => at(path, name);
  const { issues } = ctx;
  if (action === 'setConfig') return validateSetConfig(ctx, raw, path);
  if (action === 'expect') {
    if (!FACT_NAMES.some((name) => Object.hasOwn(raw, name)))
      issues.add(path, `an expect needs at least one fact (${FACT_NAMES.join(', ')})`);
    return { do: 'expect', facts: validateFacts(ctx, raw, path) };
  }
  const out: Record<string, unknown> = { do: action, ...f };
  const ok = (value: unknown) => value !== undefined;
  const refs: boolean[] = [];
  const clientType = CLIENT_OF[action];
  if (clientType && f.client !== undefined)
    refs.push(ok(checkClient(ctx, f.client, p('client'), clientType)));
  if (
    action === 'produce' &&
    (own(raw, 'partition') === undefined) === (own(raw, 'topic') === undefined)
  ) {
    issues.add(
      path,
      'expected exactly one of "partition" (e.g. "t-0") or "topic" (the partitioner picks)',
    );
    refs.push(false);
  } else {
    if (f.partition !== undefined) refs.push(ok(checkPartition(ctx, f.partition, p('partition'))));
    if (f.topic !== undefined) refs.push(ok(checkTopicName(ctx, f.topic, p('topic'))));
  }
  if (f.broker !== undefined) refs.push(ok(checkBrokerId(ctx, f.broker, p('broker'))));
  if (f.controller !== undefined)
    refs.push(ok(checkControllerId(ctx, f.controller, p('controller'))));
  if (Array.isArray(f.records))
    refs.push(produced(ctx, f.records as string[], p('records'), index));
  if (action === 'partitionNetwork' || action === 'heal') refs.push(cut(ctx, out, raw, path));
  if (action === 'expectEvent') refs.push(expectEvent(ctx, out, raw, path));
  return refs.every(Boolean) ? out : undefined;
}

/** Record values identify records in expectations, so each value is produced once per file. */
function produced(ctx: Context, records: string[], path: string, index: number): boolean {
  let ok = true;
  records.forEach((value, i) => {
    const first = ctx.produced.get(value);
    if (first === undefined) return void ctx.produced.set(value, index);
    const where = first === index ? 'this step' : `steps[${first}]`;
    ctx.issues.add(
      at(path, i),
      `record ${show(value)} is already produced by ${where}; record values must be unique`,
    );
    ok = false;
  });
  return ok;
}

/** partitionNetwork and heal: two endpoints between which traffic is cut or restored. */
function cut(
  ctx: Context,
  out: Record<string, unknown>,
  raw: Record<string, unknown>,
  path: string,
): boolean {
  const [rawA, rawB] = [own(raw, 'a'), own(raw, 'b')];
  if (out.do === 'heal' && rawA === undefined && rawB === undefined) return true;
  if (rawA === undefined || rawB === undefined) {
    // partitionNetwork's missing end is reported by its shape
    if (out.do === 'heal')
      ctx.issues.add(
        at(path, rawA === undefined ? 'a' : 'b'),
        'missing: expected both ends a and b, or neither (heal everything)',
      );
    return false;
  }
  const a = checkEndpoint(ctx, rawA, at(path, 'a'));
  const b = checkEndpoint(ctx, rawB, at(path, 'b'));
  if (a === undefined || b === undefined) return false;
  const problem = cutProblem(ctx, a, b);
  if (problem) ctx.issues.add(path, problem);
  [out.a, out.b] = [a, b];
  return !problem;
}

/** Pairs that carry no traffic in Kafka, so cutting them is most likely a mistake. */
function cutProblem(ctx: Context, a: Endpoint, b: Endpoint): string | undefined {
  const kind = (e: Endpoint) =>
    e === 'controller' || ctx.controllers?.includes(e as number)
      ? 'controller'
      : typeof e === 'number'
        ? 'broker'
        : 'client';
  if (a === b) return `a and b are the same endpoint (${show(a)})`;
  const kinds = [kind(a), kind(b)];
  if (kinds[0] === 'controller' && kinds[1] === 'controller')
    return 'a and b are both the controller quorum or its members; cut a controller from a broker instead';
  if (kinds.includes('client') && kinds[0] !== 'broker' && kinds[1] !== 'broker')
    return 'clients only talk to brokers; one end must be a broker';
  return undefined;
}

/** expectEvent: the window's order, the narrowing references and the facts after the event. */
function expectEvent(
  ctx: Context,
  out: Record<string, unknown>,
  raw: Record<string, unknown>,
  path: string,
): boolean {
  const { issues } = ctx;
  const before = issues.errors.length;
  const within = out.within as [number, number] | undefined;
  if (within && within[0] > within[1])
    issues.add(at(path, 'within'), `from (${within[0]}) is after to (${within[1]})`);
  const p = (name: string) => at(path, name);
  if (out.record !== undefined) out.record = checkRecord(ctx, out.record, p('record'));
  const expect = own(raw, 'expect');
  delete out.expect;
  if (expect !== undefined) {
    if (!isObject(expect)) issues.expected(p('expect'), 'an object of facts', expect);
    else {
      readFields(issues, {}, expect, p('expect'), FACT_NAMES, 'fact');
      out.facts = validateFacts(ctx, expect, p('expect'));
    }
  }
  return issues.errors.length === before;
}
