// `setConfig` steps: which broker / topic / client, and config values valid for that scope.
// Several spellings of the scope are accepted (see docs/scenario-format.md); all normalise to
// { scope, id, config } where config holds the parsed values that change.
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  defaultsOf,
} from '../engine';
import { checkBrokerId, checkClient, checkTopicName, type Context, type StepBody } from './context';
import { at, isObject, own, show, type Json } from './issues';
import { applyProducerRules, brokerConfigProblems, parseConfigFields } from './validate-config';

type Scope = 'broker' | 'topic' | 'client';
type SetConfigStep = StepBody<'setConfig'>;
const SCOPES: readonly Scope[] = ['broker', 'topic', 'client'];

export function validateSetConfig(
  ctx: Context,
  raw: Json,
  path: string,
): SetConfigStep | undefined {
  const target = resolveTarget(ctx, raw, path);
  if (!target) return undefined;
  const { scope, id } = target;
  const configPath = at(path, 'config');
  const rawConfig = own(raw, 'config');
  if (!isObject(rawConfig) || Object.keys(rawConfig).length === 0) {
    ctx.issues.expected(configPath, 'an object with at least one config name and value', rawConfig);
    return undefined;
  }
  const before = ctx.issues.errors.length;
  const config = parseForScope(ctx, scope, id, rawConfig, configPath);
  if (!config || ctx.issues.errors.length > before) return undefined;
  const step: SetConfigStep = { do: 'setConfig', scope, config };
  if (id !== undefined) step.id = id;
  return step;
}

/** Finds the scope and its id from any accepted spelling; ids given twice must agree. */
function resolveTarget(
  ctx: Context,
  raw: Json,
  path: string,
): { scope: Scope; id: number | string | undefined } | undefined {
  const { issues } = ctx;
  const rawScope = own(raw, 'scope');
  const candidates: [string, unknown][] = [];
  let scope: Scope | undefined;
  if (typeof rawScope === 'string' && SCOPES.includes(rawScope as Scope)) {
    scope = rawScope as Scope;
  } else if (isObject(rawScope)) {
    const keys = Object.keys(rawScope);
    const only = keys[0];
    if (keys.length === 1 && only !== undefined && SCOPES.includes(only as Scope)) {
      scope = only as Scope;
      candidates.push([at(at(path, 'scope'), only), rawScope[only]]);
    }
  }
  if (!scope) {
    const forms =
      '"broker", "topic" or "client" (with "id"), or { "broker" | "topic" | "client": <id> }';
    issues.expected(at(path, 'scope'), forms, rawScope);
    return undefined;
  }
  for (const other of SCOPES) {
    if (other !== scope && own(raw, other) !== undefined)
      issues.add(at(path, other), `does not apply to scope ${scope}`);
  }
  for (const name of ['id', scope]) {
    if (own(raw, name) !== undefined) candidates.push([at(path, name), own(raw, name)]);
  }
  const first = candidates[0];
  // "2" and 2 name the same broker; show() compares anything else without calling toString.
  const asId = (v: unknown) => (typeof v === 'string' ? v : show(v));
  if (candidates.some(([, v]) => asId(v) !== asId(first?.[1]))) {
    const given = candidates.map(([p, v]) => `${p} = ${show(v)}`).join(', ');
    issues.add(path, `the ${scope} is given differently: ${given}`);
    return undefined;
  }
  const [idPath, rawId] = first ?? [at(path, 'id'), undefined];
  if (scope === 'broker') {
    if (rawId === undefined) return { scope, id: undefined }; // every broker
    const numeric = typeof rawId === 'string' && /^[0-9]+$/.test(rawId) ? Number(rawId) : rawId;
    const id = checkBrokerId(ctx, numeric, idPath);
    return id === undefined ? undefined : { scope, id };
  }
  const id =
    scope === 'topic' ? checkTopicName(ctx, rawId, idPath) : checkClient(ctx, rawId, idPath, 'any');
  return id === undefined ? undefined : { scope, id };
}

function parseForScope(
  ctx: Context,
  scope: Scope,
  id: number | string | undefined,
  raw: Json,
  path: string,
): Record<string, unknown> | undefined {
  const { issues } = ctx;
  if (scope === 'topic')
    return parseConfigFields(issues, TOPIC_CONFIG, raw, path, defaultsOf(TOPIC_CONFIG)).given;
  if (scope === 'broker') {
    const { given } = parseConfigFields(
      issues,
      BROKER_CONFIG,
      raw,
      path,
      defaultsOf(BROKER_CONFIG),
    );
    // Follow each affected broker's config, so a change Kafka would refuse is reported here.
    const targets = id === undefined ? [...ctx.brokerConfigs.keys()] : [id as number];
    for (const broker of targets) {
      const current = ctx.brokerConfigs.get(broker);
      if (!current) continue;
      const next = { ...current, ...given };
      for (const problem of brokerConfigProblems(next))
        issues.add(path, id === undefined ? problem : `broker ${broker}: ${problem}`);
      ctx.brokerConfigs.set(broker, next);
    }
    return given;
  }
  const type = ctx.clients.get(id as string);
  if (type === 'consumer')
    return parseConfigFields(issues, CONSUMER_CONFIG, raw, path, defaultsOf(CONSUMER_CONFIG)).given;
  const tracked = ctx.producerConfigs.get(id as string);
  if (type !== 'producer' || !tracked) return undefined;
  return changeProducerConfig(ctx, id as string, raw, path);
}

/**
 * A producer's config change is applied as Kafka would apply the same values at construction:
 * the rules (R37 idempotence, delivery.timeout.ms) are re-run over everything set so far, and
 * every effective value that changes is part of the step, not only the ones written.
 */
function changeProducerConfig(
  ctx: Context,
  id: string,
  raw: Json,
  path: string,
): Record<string, unknown> | undefined {
  const tracked = ctx.producerConfigs.get(id);
  if (!tracked) return undefined;
  const defaults = defaultsOf(PRODUCER_CONFIG);
  const { given } = parseConfigFields(ctx.issues, PRODUCER_CONFIG, raw, path, defaults);
  const allGiven = { ...tracked.given, ...given };
  const { config, problems } = applyProducerRules(
    { ...defaults, ...allGiven },
    new Set(Object.keys(allGiven)),
  );
  for (const p of problems) ctx.issues.add(at(path, p.name), p.message);
  const change: Record<string, unknown> = { ...given };
  // Kafka configs only: the engine parses the step's config again with the same definitions.
  for (const name of Object.keys(PRODUCER_CONFIG) as (keyof typeof PRODUCER_CONFIG)[]) {
    if (tracked.config[name] !== config[name]) change[name] = config[name];
  }
  ctx.producerConfigs.set(id, { config, given: allGiven });
  return change;
}
