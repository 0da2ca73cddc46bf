// The `steps` list: one action per step (`do`), its fields checked and normalised.
import {
  checkBrokerId,
  checkClient,
  checkControllerId,
  checkPartition,
  type Context,
  type StepBody,
} from './context';
import { at, checkKnownFields, isInt, isObject, own, type Json } from './issues';
import type { Step } from './types';
import { FACT_NAMES, validateFacts } from './validate-facts';
import { validateExpectEvent } from './validate-expect-event';
import { validateNetworkCut } from './validate-network-cut';
import { validateProduce } from './validate-produce';
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
  produceStream: ['client', 'rate'],
  subscribe: ['client', 'on'],
  advance: ['ms'],
  settle: ['maxMs'],
  expect: FACT_NAMES,
  expectEvent: ['event', 'within', 'broker', 'partition', 'record', 'expect'],
};

export const ACTIONS = Object.keys(ACTION_FIELDS);

export const DEFAULT_SETTLE_MAX_MS = 2000;

type Action = StepBody;

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
    case 'produceStream': {
      const client = checkClient(ctx, f('client'), p('client'), 'producer');
      const rate = f('rate');
      const rateOk = typeof rate === 'number' && Number.isFinite(rate) && rate >= 0 && rate <= 1000;
      if (!rateOk)
        issues.expected(p('rate'), 'records per simulated second (a number from 0 to 1000)', rate);
      return client && rateOk ? { do: 'produceStream', client, rate } : undefined;
    }
    case 'subscribe': {
      const client = checkClient(ctx, f('client'), p('client'), 'consumer');
      const on = f('on') ?? true;
      if (typeof on !== 'boolean') issues.expected(p('on'), 'true or false', on);
      return client && typeof on === 'boolean' ? { do: 'subscribe', client, on } : undefined;
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
