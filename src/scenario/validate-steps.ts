// The `steps` list: one action per step (`do`), its fields checked and normalised.
import { ALL_EVENTS } from '../engine/events';
import {
  checkBrokerId,
  checkClient,
  checkControllerId,
  checkEndpoint,
  checkPartition,
  checkRecord,
  checkTopicName,
  type Context,
} from './context';
import { at, checkKnownFields, isInt, isObject, own, show, type Json } from './issues';
import type { Endpoint, Step } from './types';
import { FACT_NAMES, validateFacts } from './validate-facts';
import { validateSetConfig } from './validate-set-config';

const BROKER_ACTIONS = ['kill', 'stop', 'restart', 'pauseFetch', 'resumeFetch'] as const;

/** The fields of each action besides `do` and `at`. */
export const ACTION_FIELDS: Record<string, readonly string[]> = {
  produce: ['client', 'partition', 'topic', 'key', 'records'],
  consume: ['client', 'partition', 'from'],
  poll: ['client', 'partition'],
  ...Object.fromEntries(BROKER_ACTIONS.map((a) => [a, ['broker']])),
  fetch: ['broker', 'deliverResponse'],
  partitionNetwork: ['a', 'b'],
  heal: ['a', 'b'],
  killController: ['controller'],
  restartController: ['controller'],
  electPreferred: ['partition'],
  setConfig: ['scope', 'id', 'broker', 'topic', 'client', 'config'],
  refreshMetadata: ['client'],
  advance: ['ms'],
  settle: ['maxMs'],
  expect: FACT_NAMES,
  expectEvent: ['event', 'within', 'broker', 'partition', 'record', 'expect'],
};

export const ACTIONS = Object.keys(ACTION_FIELDS);

export const DEFAULT_SETTLE_MAX_MS = 2000;

/** A step (Step without its common fields) before `index`/`at` are added. */
type Action = Step extends infer S ? (S extends Step ? Omit<S, 'index' | 'at'> : never) : never;

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
  const fields = ACTION_FIELDS[action] ?? [];
  checkKnownFields(
    issues,
    raw,
    ['do', 'at', ...fields],
    path,
    action === 'expect' ? 'fact' : `field of ${action}`,
  );

  const time = own(raw, 'at');
  const atOk = time === undefined || isInt(time);
  if (!atOk) issues.expected(at(path, 'at'), 'a time in ms (an integer >= 0)', time);

  const before = issues.errors.length;
  const body = validateAction(ctx, action, raw, path, index);
  if (!body || !atOk || issues.errors.length > before) return undefined;
  const step = { ...body, index } as Step;
  if (time !== undefined) step.at = time as number;
  return step;
}

function validateAction(
  ctx: Context,
  action: string,
  raw: Json,
  path: string,
  index: number,
): Action | undefined {
  const f = (name: string) => own(raw, name);
  const p = (name: string) => at(path, name);
  const { issues } = ctx;
  switch (action) {
    case 'produce':
      return validateProduce(ctx, raw, path, index);
    case 'consume': {
      const client = checkClient(ctx, f('client'), p('client'), 'consumer');
      const partition = checkPartition(ctx, f('partition'), p('partition'));
      const from = f('from');
      if (!isInt(from)) issues.expected(p('from'), 'an offset (an integer >= 0)', from);
      if (!client || !partition || !isInt(from)) return undefined;
      return { do: 'consume', client, partition, from };
    }
    case 'poll': {
      const client = checkClient(ctx, f('client'), p('client'), 'consumer');
      const partition = checkPartition(ctx, f('partition'), p('partition'));
      return client && partition ? { do: 'poll', client, partition } : undefined;
    }
    case 'kill':
    case 'stop':
    case 'restart':
    case 'pauseFetch':
    case 'resumeFetch': {
      const broker = checkBrokerId(ctx, f('broker'), p('broker'));
      return broker === undefined ? undefined : { do: action, broker };
    }
    case 'fetch': {
      const broker = checkBrokerId(ctx, f('broker'), p('broker'));
      const deliver = f('deliverResponse') ?? true;
      if (typeof deliver !== 'boolean')
        issues.expected(p('deliverResponse'), 'true or false', deliver);
      if (broker === undefined || typeof deliver !== 'boolean') return undefined;
      return { do: 'fetch', broker, deliverResponse: deliver };
    }
    case 'partitionNetwork':
    case 'heal':
      return validateNetworkCut(ctx, action, raw, path);
    case 'killController':
    case 'restartController': {
      if (f('controller') === undefined) return { do: action };
      const controller = checkControllerId(ctx, f('controller'), p('controller'));
      return controller === undefined ? undefined : { do: action, controller };
    }
    case 'electPreferred': {
      if (f('partition') === undefined) return { do: 'electPreferred' };
      const partition = checkPartition(ctx, f('partition'), p('partition'));
      return partition ? { do: 'electPreferred', partition } : undefined;
    }
    case 'setConfig':
      return validateSetConfig(ctx, raw, path);
    case 'refreshMetadata': {
      const client = checkClient(ctx, f('client'), p('client'), 'any');
      return client ? { do: 'refreshMetadata', client } : undefined;
    }
    case 'advance': {
      const ms = f('ms');
      if (isInt(ms)) return { do: 'advance', ms };
      issues.expected(p('ms'), 'a duration in ms (an integer >= 0)', ms);
      return undefined;
    }
    case 'settle': {
      const maxMs = f('maxMs') ?? DEFAULT_SETTLE_MAX_MS;
      if (isInt(maxMs)) return { do: 'settle', maxMs };
      issues.expected(p('maxMs'), 'a duration in ms (an integer >= 0)', maxMs);
      return undefined;
    }
    case 'expect': {
      const facts = validateFacts(ctx, raw, path);
      if (!FACT_NAMES.some((name) => Object.hasOwn(raw, name)))
        issues.add(path, `an expect needs at least one fact (${FACT_NAMES.join(', ')})`);
      return { do: 'expect', facts };
    }
    case 'expectEvent':
      return validateExpectEvent(ctx, raw, path);
  }
  return undefined;
}

function validateProduce(ctx: Context, raw: Json, path: string, index: number): Action | undefined {
  const { issues } = ctx;
  const f = (name: string) => own(raw, name);
  const p = (name: string) => at(path, name);
  const client = checkClient(ctx, f('client'), p('client'), 'producer');
  let partition: string | undefined;
  let topic: string | undefined;
  if ((f('partition') === undefined) === (f('topic') === undefined)) {
    issues.add(
      path,
      'expected exactly one of "partition" (e.g. "t-0") or "topic" (the partitioner picks)',
    );
  } else if (f('partition') !== undefined) {
    partition = checkPartition(ctx, f('partition'), p('partition'));
  } else {
    topic = checkTopicName(ctx, f('topic'), p('topic'));
  }
  const key = f('key');
  if (key !== undefined && typeof key !== 'string') issues.expected(p('key'), 'a string', key);

  // Record values identify records in expectations, so each value is produced once per file.
  const records = f('records');
  const values: string[] = [];
  if (!Array.isArray(records) || records.length === 0) {
    issues.expected(p('records'), 'a non-empty list of record values (strings)', records);
  } else {
    records.forEach((value, i) => {
      if (typeof value !== 'string' || value === '') {
        issues.expected(at(p('records'), i), 'a record value (a non-empty string)', value);
      } else if (ctx.produced.has(value)) {
        const first = ctx.produced.get(value);
        const where = first === index ? 'this step' : `steps[${first}]`;
        issues.add(
          at(p('records'), i),
          `record ${show(value)} is already produced by ${where}; record values must be unique`,
        );
      } else {
        ctx.produced.set(value, index);
        values.push(value);
      }
    });
  }
  const allValid = Array.isArray(records) && values.length === records.length;
  if (!client || (!partition && !topic) || !allValid) return undefined;
  const step: Action = { do: 'produce', client, records: values };
  if (partition) step.partition = partition;
  if (topic) step.topic = topic;
  if (typeof key === 'string') step.key = key;
  return step;
}

function validateNetworkCut(
  ctx: Context,
  action: 'partitionNetwork' | 'heal',
  raw: Json,
  path: string,
): Action | undefined {
  const rawA = own(raw, 'a');
  const rawB = own(raw, 'b');
  if (action === 'heal' && rawA === undefined && rawB === undefined) return { do: 'heal' };
  if (rawA === undefined || rawB === undefined) {
    const missing = rawA === undefined ? 'a' : 'b';
    const what =
      action === 'heal' ? 'both ends a and b, or neither (heal everything)' : 'both ends a and b';
    ctx.issues.add(at(path, missing), `missing: expected ${what}`);
    return undefined;
  }
  const a = checkEndpoint(ctx, rawA, at(path, 'a'));
  const b = checkEndpoint(ctx, rawB, at(path, 'b'));
  if (a === undefined || b === undefined) return undefined;
  const problem = cutProblem(ctx, a, b);
  if (problem) {
    ctx.issues.add(path, problem);
    return undefined;
  }
  return { do: action, a, b };
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

function validateExpectEvent(ctx: Context, raw: Json, path: string): Action | undefined {
  const { issues } = ctx;
  const f = (name: string) => own(raw, name);
  const p = (name: string) => at(path, name);
  const before = issues.errors.length;

  const event = f('event');
  if (typeof event !== 'string' || !(ALL_EVENTS as readonly string[]).includes(event))
    issues.expected(p('event'), `an event (${ALL_EVENTS.join(', ')})`, event);

  const within = f('within');
  const validWindow =
    Array.isArray(within) && within.length === 2 && isInt(within[0]) && isInt(within[1]);
  if (!validWindow)
    issues.expected(
      p('within'),
      '[fromMs, toMs], integers >= 0, measured from the start of this step',
      within,
    );
  else if (within[0] > within[1])
    issues.add(p('within'), `from (${within[0]}) is after to (${within[1]})`);

  const step: Action = { do: 'expectEvent', event: event as string, within: [0, 0] };
  if (validWindow) step.within = [within[0], within[1]];
  if (f('broker') !== undefined) step.broker = checkBrokerId(ctx, f('broker'), p('broker'));
  if (f('partition') !== undefined)
    step.partition = checkPartition(ctx, f('partition'), p('partition'));
  if (f('record') !== undefined) step.record = checkRecord(ctx, f('record'), p('record'));
  const expect = f('expect');
  if (expect !== undefined) {
    if (!isObject(expect)) issues.expected(p('expect'), 'an object of facts', expect);
    else {
      checkKnownFields(issues, expect, FACT_NAMES, p('expect'), 'fact');
      step.facts = validateFacts(ctx, expect, p('expect'));
    }
  }
  return issues.errors.length > before ? undefined : step;
}
