// The steps of a file whose shape is right (shape.ts), checked for what a shape cannot say: that
// a broker, controller, partition, client or record exists, that records are produced once, which
// network cuts carry traffic in Kafka, which config a setConfig target takes, and the rules Kafka
// applies when a config changes.
import { BROKER_CONFIG, PRODUCER_CONFIG, defaultsOf, type BrokerConfig } from '../engine';
import { applyProducerRules, brokerConfigProblems } from './config-rules';
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
import { checkFacts } from './facts';
import { at, isObject, show } from '../schema-kit/issues';
import { readValue } from '../schema-kit/read';
import { CONFIG } from './shape';
import type { Endpoint, Step } from './types';

type Ok = (path: string) => boolean;
type Fields = Record<string, unknown>;

/** Who may give each action that names a client. */
const CLIENT_OF: Partial<Record<string, ClientType | 'any'>> = {
  produce: 'producer',
  produceStream: 'producer',
  consume: 'consumer',
  poll: 'consumer',
  subscribe: 'consumer',
  refreshMetadata: 'any',
};

export function checkSteps(ctx: Context, raw: unknown[], ok: Ok): Step[] {
  const steps: Step[] = [];
  raw.forEach((s, index) => {
    const path = `steps[${index}]`;
    if (!isObject(s) || !ok(at(path, 'do'))) return;
    const before = ctx.issues.errors.length;
    const body = references(ctx, s, path, index, ok);
    if (body && ok(path) && ctx.issues.errors.length === before)
      steps.push({ ...body, index, ...(s.at === undefined ? {} : { at: s.at }) } as Step);
  });
  return steps;
}

/** The step's references checked (fields whose shape is wrong aside); the step as it runs. */
function references(
  ctx: Context,
  f: Fields,
  path: string,
  index: number,
  ok: Ok,
): Fields | undefined {
  const p = (name: string) => at(path, name);
  const has = (name: string) => f[name] !== undefined && ok(p(name));
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- `at` is added back by the caller
  const { do: action, at: _at, ...out } = f;
  if (action === 'setConfig') return ok(path) ? setConfig(ctx, f, path) : undefined;
  if (action === 'expect') return { do: action, facts: checkFacts(ctx, out, path, ok) };
  const clientType = CLIENT_OF[action as string];
  if (clientType && has('client')) checkClient(ctx, f.client, p('client'), clientType);
  if (has('partition')) checkPartition(ctx, f.partition as string, p('partition'));
  if (has('topic')) checkTopicName(ctx, f.topic, p('topic'));
  if (has('broker')) checkBrokerId(ctx, f.broker, p('broker'));
  if (has('controller')) checkControllerId(ctx, f.controller, p('controller'));
  if (has('records')) produced(ctx, f.records as string[], p('records'), index);
  if (has('record')) checkRecord(ctx, f.record, p('record'));
  if (has('a') && has('b')) {
    const a = checkEndpoint(ctx, f.a, p('a'));
    const b = checkEndpoint(ctx, f.b, p('b'));
    if (a === undefined || b === undefined) return undefined;
    const problem = cutProblem(ctx, a, b);
    if (problem) ctx.issues.add(path, problem);
    [out.a, out.b] = [a, b];
  }
  if (action === 'expectEvent') {
    const [from, to] = has('within') ? (f.within as [number, number]) : [0, 0];
    if (from > to) ctx.issues.add(p('within'), `from (${from}) is after to (${to})`);
    delete out.expect;
    if (has('expect')) out.facts = checkFacts(ctx, f.expect as Fields, p('expect'), ok);
  }
  return { do: action, ...out };
}

/** Record values identify records in expectations, so each value is produced once per file. */
function produced(ctx: Context, records: string[], path: string, index: number): void {
  records.forEach((value, i) => {
    const first = ctx.produced.get(value);
    if (first === undefined) return void ctx.produced.set(value, index);
    const where = first === index ? 'this step' : `steps[${first}]`;
    ctx.issues.add(
      at(path, i),
      `record ${show(value)} is already produced by ${where}; record values must be unique`,
    );
  });
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

type Scope = 'broker' | 'topic' | 'client';
const SCOPES: readonly Scope[] = ['broker', 'topic', 'client'];

/**
 * setConfig: the scope and its id from any accepted spelling (ids given twice must agree), then
 * the config checked against that scope's table. Normalised to { scope, id, config }.
 */
function setConfig(ctx: Context, f: Fields, path: string): Fields | undefined {
  const { issues } = ctx;
  const scope = (isObject(f.scope) ? Object.keys(f.scope)[0] : f.scope) as Scope;
  const candidates: [string, unknown][] = [];
  if (isObject(f.scope)) candidates.push([at(at(path, 'scope'), scope), f.scope[scope]]);
  for (const other of SCOPES)
    if (other !== scope && f[other] !== undefined)
      issues.add(at(path, other), `does not apply to scope ${scope}`);
  for (const name of ['id', scope])
    if (f[name] !== undefined) candidates.push([at(path, name), f[name]]);
  // "2" and 2 name the same broker; show() compares anything else without calling toString.
  const asId = (x: unknown) => (typeof x === 'string' ? x : show(x));
  const first = candidates[0];
  if (candidates.some(([, x]) => asId(x) !== asId(first?.[1]))) {
    const given = candidates.map(([q, x]) => `${q} = ${show(x)}`).join(', ');
    return void issues.add(path, `the ${scope} is given differently: ${given}`);
  }
  const [idPath, rawId] = first ?? [at(path, 'id'), undefined];
  const configPath = at(path, 'config');
  const step = (id: unknown, config: unknown) =>
    config === undefined
      ? undefined
      : { do: 'setConfig', scope, ...(id === undefined ? {} : { id }), config };
  if (scope === 'topic') {
    const id = checkTopicName(ctx, rawId, idPath);
    return id === undefined ? undefined : step(id, read(ctx, 'topic', f.config, configPath));
  }
  if (scope === 'broker') {
    const numeric = typeof rawId === 'string' ? Number(rawId) : rawId;
    const id = rawId === undefined ? undefined : checkBrokerId(ctx, numeric, idPath);
    if (rawId !== undefined && id === undefined) return undefined;
    const given = read(ctx, 'broker', f.config, configPath);
    if (given) brokerChange(ctx, id, given as Partial<BrokerConfig>, configPath);
    return step(id, given);
  }
  const id = checkClient(ctx, rawId, idPath, 'any');
  const type = id === undefined ? null : ctx.clients.get(id);
  if (!id || !type) return undefined;
  if (type === 'consumer') return step(id, read(ctx, 'consumer', f.config, configPath));
  const given = read(ctx, 'producer', f.config, configPath);
  return step(id, given && producerChange(ctx, id, given, configPath));
}

function read(ctx: Context, table: keyof typeof CONFIG, config: unknown, path: string) {
  const out = readValue(ctx.issues, CONFIG[table], config, path);
  return out.ok ? (out.value as Fields) : undefined;
}

/** Follows each affected broker's config, so a change Kafka would refuse is reported here. */
function brokerChange(
  ctx: Context,
  id: number | undefined,
  given: Partial<BrokerConfig>,
  path: string,
): void {
  const targets = id === undefined ? [...ctx.brokerConfigs.keys()] : [id];
  for (const broker of targets) {
    const current = ctx.brokerConfigs.get(broker) ?? defaultsOf(BROKER_CONFIG);
    const next = { ...current, ...given };
    for (const problem of brokerConfigProblems(next))
      ctx.issues.add(path, id === undefined ? problem : `broker ${broker}: ${problem}`);
    ctx.brokerConfigs.set(broker, next);
  }
}

/**
 * A producer's config change is applied as Kafka would apply the same values at construction:
 * the rules (R37 idempotence, delivery.timeout.ms) are re-run over everything set so far, and
 * every effective value that changes is part of the step, not only the ones written.
 */
function producerChange(ctx: Context, id: string, given: Fields, path: string): Fields | undefined {
  const tracked = ctx.producerConfigs.get(id);
  if (!tracked) return undefined;
  const allGiven = { ...tracked.given, ...given };
  const { config, problems } = applyProducerRules(
    { ...defaultsOf(PRODUCER_CONFIG), ...allGiven },
    new Set(Object.keys(allGiven)),
  );
  for (const p of problems) ctx.issues.add(at(path, p.name), p.message);
  const change: Fields = { ...given };
  // Kafka configs only: the engine parses the step's config again with the same definitions.
  for (const name of Object.keys(PRODUCER_CONFIG) as (keyof typeof PRODUCER_CONFIG)[])
    if (tracked.config[name] !== config[name]) change[name] = config[name];
  ctx.producerConfigs.set(id, { config, given: allGiven as Partial<typeof config> });
  return change;
}
