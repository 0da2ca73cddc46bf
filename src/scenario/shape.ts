// The shape of a whole scenario file (scenario-format.md) in valibot: the action vocabulary's
// steps plus the cluster, topics, clients and facts. docs/scenario.schema.json is generated from
// it (src/cli/gen-schema.ts). The validator (validate.ts) has the final word: it also checks
// references (broker ids, partitions, clients, records) and Kafka's cross-config rules.
import * as v from 'valibot';
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  type ConfigDef,
} from '../engine';
import { FACTS, closedFacts } from './facts';
import {
  byId,
  distinct,
  field,
  opt,
  STEP_AT,
  json,
  STEP_FIELDS,
  broker,
  client,
  int,
  nodeId,
  nonEmpty,
  partition,
  recordValue,
  topic,
} from './vocabulary';

/** Fields starting with "_" or "$" are free (comments, "$schema"); any other unknown field is an error. */
const closed = <E extends v.ObjectEntries>(entries: E) =>
  json(v.strictObject(entries), { patternProperties: { '^[_$]': {} } });

const oneOf = <T extends v.Literal>(values: readonly T[]) =>
  v.union(values.map((x) => v.literal(x)));

function configValue(def: ConfigDef): v.GenericSchema {
  const min = def.min;
  switch (def.kind) {
    case 'bool':
      return v.optional(oneOf([true, false, 'true', 'false']), def.default as never);
    case 'acks':
      return v.optional(oneOf(['all', '-1', '1', '0', -1, 1, 0]), def.default as never);
    case 'enum':
      return v.optional(v.picklist(def.values ?? []), def.default as never);
    case 'string':
      return v.optional(v.string(), def.default as never);
    case 'ms':
    case 'int': {
      const integer = min === undefined ? v.pipe(v.number(), v.integer()) : int(min);
      return v.optional(
        v.union([integer, v.pipe(v.string(), v.regex(/^\s*-?[0-9]+\s*$/))]),
        def.default as never,
      );
    }
  }
}

const configOf = (defs: Record<string, ConfigDef>) =>
  v.strictObject(Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, configValue(d)])));

const facts = closedFacts(FACTS);

const latency = field(int(0), 'an integer number of ms >= 0');
/** cluster.network: the simulated network's delay. */
export const NETWORK = { latencyMs: v.optional(latency, 1), jitterMs: v.optional(latency, 0) };
/** cluster.features: KRaft feature levels (kafka-features), R45. */
export const FEATURES = {
  'eligible.leader.replicas.version': v.optional(field(v.picklist([0, 1]), '0 (off) or 1 (on)'), 1),
};

const brokerTarget = v.union([nodeId, v.pipe(v.string(), v.regex(/^[0-9]+$/))]);
const steps = {
  ...STEP_FIELDS,
  setConfig: {
    scope: v.union([
      v.picklist(['broker', 'topic', 'client']),
      v.union([
        v.strictObject({ broker: brokerTarget }),
        v.strictObject({ topic }),
        v.strictObject({ client }),
      ]),
    ]),
    ...opt({ id: v.union([v.number(), v.string()]), broker: brokerTarget, topic, client }),
    config: v.pipe(
      v.record(v.string(), v.union([v.string(), v.number(), v.boolean()])),
      v.minEntries(1),
    ),
  },
  expect: FACTS,
  expectEvent: {
    ...STEP_FIELDS.expectEvent,
    ...opt({ broker, partition, record: recordValue, expect: facts }),
  },
};

/** Rules between a step's fields. */
const STEP_RULES: Record<string, object> = {
  produce: { oneOf: [{ required: ['partition'] }, { required: ['topic'] }] },
  heal: { dependentRequired: { a: ['b'], b: ['a'] } },
  expect: { anyOf: Object.keys(FACTS).map((name) => ({ required: [name] })) },
};

const step = v.variant(
  'do',
  Object.entries(steps).map(([action, fields]) =>
    json(v.strictObject({ do: v.literal(action), at: v.optional(STEP_AT), ...fields }), {
      patternProperties: { '^[_$]': {} },
      ...STEP_RULES[action],
    }),
  ) as unknown as [v.StrictObjectSchema<{ do: v.LiteralSchema<string, undefined> }, undefined>],
);

const clientSetup = v.variant('type', [
  closed({ type: v.literal('producer'), config: v.optional(configOf(PRODUCER_CONFIG)) }),
  closed({ type: v.literal('consumer'), config: v.optional(configOf(CONSUMER_CONFIG)) }),
]);

/** A whole scenario file, format v1. */
export const SCENARIO_SHAPE = closed({
  format: v.literal('kafka-replication-scenario/1'),
  title: nonEmpty,
  description: v.optional(v.string()),
  seed: v.optional(v.pipe(v.number(), v.integer()), 1),
  cluster: closed({
    brokers: v.union([
      v.pipe(int(1), v.maxValue(1000)),
      v.pipe(distinct(nodeId), v.minLength(1), v.maxLength(1000)),
    ]),
    ...opt({
      racks: byId(nonEmpty),
      controllers: v.pipe(distinct(nodeId), v.minLength(1)),
      network: closed(NETWORK),
      config: configOf(BROKER_CONFIG),
      features: v.pipe(
        closed(FEATURES),
        v.description(
          'KRaft feature levels. eligible.leader.replicas.version: 1 (the default of a new Kafka 4.1+ cluster) keeps eligible leader replicas (KIP-966); 0 is the behaviour before it.',
        ),
      ),
    }),
  }),
  ...opt({
    topics: v.array(
      closed({
        name: topic,
        ...opt({
          partitions: v.pipe(int(1), v.maxValue(10000)),
          replicationFactor: int(1),
          assignment: byId(v.pipe(distinct(nodeId), v.minLength(1))),
          state: byId(
            v.strictObject({
              leader: v.nullable(nodeId),
              isr: v.pipe(distinct(nodeId), v.minLength(1)),
            }),
          ),
          config: configOf(TOPIC_CONFIG),
        }),
      }),
    ),
    clients: v.record(v.pipe(v.string(), v.regex(/^(?![0-9]+$)(?!controller$).+$/)), clientSetup),
    steps: v.array(step),
  }),
});
