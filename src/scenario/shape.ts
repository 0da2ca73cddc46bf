// The shape of a whole scenario file (scenario-format.md) in valibot: the action vocabulary's
// steps plus the cluster, topics, clients and facts. The validator reads files with it, and
// docs/scenario.schema.json is generated from it (src/cli/gen-schema.ts). What a shape cannot
// say (references to brokers, partitions, clients and records; Kafka's own rules) is checked
// afterwards by setup.ts and steps.ts.
import * as v from 'valibot';
import {
  ALL_EVENTS,
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  parseConfigValue,
  type ConfigDef,
} from '../engine';
import { FACTS, FACT_NAMES } from './facts';
import { didYouMean } from '../schema-kit/issues';
import {
  byId,
  byKind,
  closed,
  distinct,
  field,
  int,
  json,
  keyed,
  nodeId,
  nonEmpty,
  notArray,
  opt,
  pair,
} from '../schema-kit/kit';
import {
  COMMAND_FIELDS,
  STEP_AT,
  TOPIC_NAME,
  broker,
  client,
  duration,
  partition,
  recordValue,
  topic,
} from './vocabulary';

export const SCENARIO_FORMAT = 'kafka-replication-scenario/1';

const oneOf = <T extends v.Literal>(values: readonly T[]) =>
  v.union(values.map((x) => v.literal(x)));

/** A config value in any spelling Kafka accepts, read as the engine reads it. */
function configValue(def: ConfigDef): v.GenericSchema {
  const { min } = def;
  const [shape, what] = ((): [v.GenericSchema, string] => {
    switch (def.kind) {
      case 'bool':
        return [oneOf([true, false, 'true', 'false']), 'true or false'];
      case 'acks':
        return [oneOf(['all', '-1', '1', '0', -1, 1, 0]), '"all", "-1", "1" or "0"'];
      case 'enum':
        return [v.picklist(def.values ?? []), `one of ${(def.values ?? []).join(', ')}`];
      case 'string':
        return [v.string(), 'a string'];
      case 'ms':
      case 'int': {
        const integer = min === undefined ? v.pipe(v.number(), v.integer()) : int(min);
        const text = v.pipe(v.string(), v.regex(/^\s*-?[0-9]+\s*$/));
        return [
          v.union([integer, text]),
          min === undefined ? 'an integer' : `an integer >= ${min}`,
        ];
      }
    }
  })();
  // the default is for editors: the validator reads only the values given
  const read = json(
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const parsed = parseConfigValue(def, dataset.value);
      if (parsed.ok) return parsed.value;
      addIssue({ message: parsed.error });
      return NEVER;
    }),
    { default: def.default },
  );
  return field(v.pipe(shape, read), what);
}

const TABLES: [Record<string, ConfigDef>, string][] = [
  [BROKER_CONFIG, 'a broker config (cluster.config)'],
  [TOPIC_CONFIG, 'a topic config (topics[].config)'],
  [PRODUCER_CONFIG, 'a producer config'],
  [CONSUMER_CONFIG, 'a consumer config'],
];

/** A config map: each name known to this table, each value valid; a name of another table says so. */
const configOf = (defs: Record<string, ConfigDef>) =>
  closed(
    opt(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, configValue(d)]))),
    'an object of config names to values',
    {
      unknown: 'config',
      free: false,
      hint: (name, known) => {
        const elsewhere = TABLES.find(([table]) => Object.hasOwn(table, name));
        const hint = elsewhere ? `; ${name} is ${elsewhere[1]}` : didYouMean(name, known);
        return `${hint} (known here: ${known.join(', ')})`;
      },
    },
  );
export const CONFIG = {
  broker: configOf(BROKER_CONFIG),
  topic: configOf(TOPIC_CONFIG),
  producer: configOf(PRODUCER_CONFIG),
  consumer: configOf(CONSUMER_CONFIG),
};

/** An in-browser simulator, not a data centre: larger clusters are refused rather than frozen on. */
export const MAX_BROKERS = 1000;
/** An in-browser simulator: more partitions per topic than this are refused. */
export const MAX_PARTITIONS = 10000;

const ids = (what: string) =>
  v.pipe(distinct(field(nodeId, `a ${what} (an integer from 0 to 2147483647)`)), v.minLength(1));
const latency = field(int(0), 'an integer number of ms >= 0');

const cluster = closed(
  {
    brokers: byKind(
      field(v.pipe(int(1), v.maxValue(MAX_BROKERS)), `a broker count from 1 to ${MAX_BROKERS}`),
      field(
        v.pipe(ids('broker id'), v.maxLength(MAX_BROKERS)),
        `a broker count (e.g. 3 = brokers 1, 2, 3) or a list of 1 to ${MAX_BROKERS} distinct broker ids`,
      ),
    ),
    ...opt({
      racks: field(
        byId(field(nonEmpty, 'a rack name (a non-empty string)')),
        'an object of broker id to rack name',
      ),
      controllers: field(ids('controller id'), 'a non-empty list of distinct controller ids'),
      network: closed(
        { latencyMs: v.optional(latency, 1), jitterMs: v.optional(latency, 0) },
        'an object { "latencyMs", "jitterMs" }',
      ),
      config: CONFIG.broker,
      features: json(
        closed(
          {
            'eligible.leader.replicas.version': v.optional(
              field(v.picklist([0, 1]), '0 (off) or 1 (on)'),
              1,
            ),
          },
          'an object { "eligible.leader.replicas.version": 0 or 1 }',
        ),
        {
          description:
            'KRaft feature levels. eligible.leader.replicas.version: 1 (the default of a new Kafka 4.1+ cluster) keeps eligible leader replicas (KIP-966); 0 is the behaviour before it.',
        },
      ),
    }),
  },
  'an object with at least "brokers"',
);

const partitionKey = field(
  v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]*)$/)),
  'a partition number as key',
);
const topicSetup = closed(
  {
    name: field(
      v.pipe(v.string(), v.regex(TOPIC_NAME)),
      'a topic name of 1 to 249 characters a-z, A-Z, 0-9, ".", "_" or "-"',
    ),
    ...opt({
      partitions: field(
        v.pipe(int(1), v.maxValue(MAX_PARTITIONS)),
        `an integer from 1 to ${MAX_PARTITIONS}`,
      ),
      replicationFactor: field(int(1), 'an integer >= 1'),
      assignment: field(
        keyed(
          partitionKey,
          field(
            v.pipe(
              distinct(field(nodeId, 'a broker id'), (b) => `broker ${String(b)} is listed twice`),
              v.minLength(1),
            ),
            'a non-empty list of distinct broker ids',
          ),
        ),
        'an object of partition number to broker ids',
      ),
      state: field(
        keyed(
          partitionKey,
          closed(
            {
              leader: field(v.nullable(nodeId), 'a broker id or null'),
              isr: field(
                v.pipe(distinct(nodeId), v.minLength(1)),
                'a non-empty list of distinct broker ids',
              ),
            },
            '{ "leader": id | null, "isr": [ids] }',
            { free: false },
          ),
        ),
        'an object { "0": { "leader": id | null, "isr": [ids] }, ... }',
      ),
      config: CONFIG.topic,
    }),
  },
  'a topic { "name", "partitions", "replicationFactor", ... }',
);

const CLIENT = '{ "type": "producer" | "consumer", "config": {...} }';
const clientSetup = notArray(
  v.variant(
    'type',
    [
      closed({ type: v.literal('producer'), config: v.optional(CONFIG.producer) }, CLIENT),
      closed({ type: v.literal('consumer'), config: v.optional(CONFIG.consumer) }, CLIENT),
    ],
    (issue) => (issue.path ? '"producer" or "consumer"' : CLIENT),
  ),
  CLIENT,
);
const clientId = v.pipe(
  v.string(),
  json(
    v.rawCheck<string>(({ dataset, addIssue }) => {
      // endpoints of partitionNetwork are broker ids, numeric strings, "controller" or client ids
      if (dataset.typed && /^([0-9]*|controller)$/.test(dataset.value))
        addIssue({
          message: 'a client id must be a name that is neither a number nor "controller"',
        });
    }),
    { pattern: '^(?![0-9]+$)(?!controller$).+$' },
  ),
);

const brokerTarget = v.union([nodeId, v.pipe(v.string(), v.regex(/^[0-9]+$/))]);
const SCOPE =
  '"broker", "topic" or "client" (with "id"), or { "broker" | "topic" | "client": <id> }';
const within = '[fromMs, toMs], integers >= 0, measured from the start of this step';

const STEP = 'a step { "do": <action>, ... }';

/** Each action's fields (`do` and `at` aside). */
export const STEP_FIELDS = {
  ...COMMAND_FIELDS,
  setConfig: {
    scope: field(
      v.union([
        v.picklist(['broker', 'topic', 'client']),
        v.union([
          closed({ broker: brokerTarget }, SCOPE, { free: false }),
          closed({ topic }, SCOPE, { free: false }),
          closed({ client }, SCOPE, { free: false }),
        ]),
      ]),
      SCOPE,
    ),
    ...opt({
      id: field(v.union([v.number(), v.string()]), 'a broker id, topic name or client id'),
      broker: field(brokerTarget, 'a broker id'),
      topic,
      client,
    }),
    config: field(
      v.pipe(
        keyed(v.string(), v.union([v.string(), v.number(), v.boolean()])),
        json(
          v.check<Record<string, string | number | boolean>>(
            (config) => Object.keys(config).length > 0,
          ),
          { minProperties: 1 },
        ),
      ),
      'an object with at least one config name and value',
    ),
  },
  advance: { ms: duration },
  expect: FACTS,
  settle: { maxMs: v.optional(duration, 2000) },
  expectEvent: {
    event: field(v.picklist(ALL_EVENTS), `an event (${ALL_EVENTS.join(', ')})`),
    within: field(pair, within),
    ...opt({
      broker,
      partition,
      record: recordValue,
      expect: closed(FACTS, 'an object of facts', { unknown: 'fact' }),
    }),
  },
} satisfies Record<string, v.ObjectEntries>;

type Rule = (s: Record<string, unknown>) => [message: string, key?: string] | null;
/** Rules between a step's fields: as JSON Schema keywords, and as the validator's check. */
const STEP_RULES: Record<string, [object, Rule]> = {
  produce: [
    { oneOf: [{ required: ['partition'] }, { required: ['topic'] }] },
    (s) =>
      (s.partition === undefined) === (s.topic === undefined)
        ? ['expected exactly one of "partition" (e.g. "t-0") or "topic" (the partitioner picks)']
        : null,
  ],
  heal: [
    { dependentRequired: { a: ['b'], b: ['a'] } },
    (s) =>
      (s.a === undefined) === (s.b === undefined)
        ? null
        : [
            'missing: expected both ends a and b, or neither (heal everything)',
            s.a === undefined ? 'a' : 'b',
          ],
  ],
  expect: [
    { anyOf: FACT_NAMES.map((name) => ({ required: [name] })) },
    (s) =>
      FACT_NAMES.some((name) => s[name] !== undefined)
        ? null
        : [`an expect needs at least one fact (${FACT_NAMES.join(', ')})`],
  ],
};

export const ACTIONS = Object.keys(STEP_FIELDS);

const step = notArray(
  v.variant(
    'do',
    Object.entries(STEP_FIELDS).map(([action, fields]) => {
      const [jsonRule, rule] = STEP_RULES[action] ?? [{}, () => null];
      return v.pipe(
        closed({ do: v.literal(action), at: v.optional(STEP_AT), ...fields }, STEP, {
          unknown: action === 'expect' ? 'fact' : `field of ${action}`,
          jsonRule,
        }),
        v.rawCheck(({ dataset, addIssue }) => {
          const broken = dataset.typed && rule(dataset.value as Record<string, unknown>);
          if (!broken) return;
          const [message, key] = broken;
          const input = dataset.value as Record<string, unknown>;
          const at = (k: string) =>
            ({ type: 'object', origin: 'value', input, key: k, value: undefined }) as const;
          addIssue({ message, ...(key ? { path: [at(key)] } : {}) });
        }),
      );
    }) as unknown as [v.LooseObjectSchema<{ do: v.LiteralSchema<string, undefined> }, undefined>],
    (issue) => (issue.path ? `an action (${ACTIONS.join(', ')})` : STEP),
  ),
  STEP,
);

/** A whole scenario file, format v1. */
export const SCENARIO_SHAPE = closed(
  {
    format: field(v.literal(SCENARIO_FORMAT), `"${SCENARIO_FORMAT}"`),
    title: field(
      v.pipe(
        nonEmpty,
        v.check((t) => t.trim() !== ''),
      ),
      'a non-empty string',
    ),
    description: v.optional(field(v.string(), 'a string')),
    seed: v.optional(field(v.pipe(v.number(), v.integer()), 'an integer'), 1),
    cluster,
    ...opt({
      topics: field(v.array(topicSetup), 'a list of topics'),
      clients: field(
        keyed(clientId, clientSetup),
        'an object of client id to { "type", "config" }',
      ),
      steps: field(v.array(step), 'a list of steps'),
    }),
  },
  `a scenario object { "format": "${SCENARIO_FORMAT}", ... }`,
);

export type ScenarioFile = v.InferOutput<typeof SCENARIO_SHAPE>;
