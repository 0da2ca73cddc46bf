// JSON Schema (draft 2020-12) of scenario files, for editors and other tools. It describes the
// shape; validate.ts is the authority (it also checks references such as broker ids and
// partitions, and Kafka's cross-config rules). docs/scenario.schema.json is this object as JSON;
// schema.test.ts keeps the two equal.
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  type ConfigDef,
} from '../engine';
import { ALL_EVENTS } from '../engine';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });
/** Fields starting with "_" or "$" are free (comments, "$schema"); any other unknown field is an error. */
const closed = { patternProperties: { '^[_$]': {} }, additionalProperties: false } as const;
const ms = { type: 'integer', minimum: 0 } as const;
const count = { type: 'integer', minimum: 0 } as const;
const idKey = { pattern: '^(0|[1-9][0-9]*)$' } as const;
const listOf = (items: object, extra: object = {}) => ({ type: 'array', items, ...extra });

function configValue(def: ConfigDef): object {
  const common = { default: def.default };
  switch (def.kind) {
    case 'bool':
      return { ...common, enum: [true, false, 'true', 'false'] };
    case 'acks':
      return { ...common, enum: ['all', '-1', '1', '0', -1, 1, 0] };
    case 'enum':
      return { ...common, enum: [...(def.values ?? [])] };
    case 'string':
      return { ...common, type: 'string' };
    case 'ms':
    case 'int':
      return {
        ...common,
        anyOf: [
          { type: 'integer', ...(def.min === undefined ? {} : { minimum: def.min }) },
          { type: 'string', pattern: '^\\s*-?[0-9]+\\s*$' },
        ],
      };
  }
}

function configObject(defs: Record<string, ConfigDef>): object {
  const properties = Object.fromEntries(Object.entries(defs).map(([k, d]) => [k, configValue(d)]));
  return { type: 'object', properties, additionalProperties: false };
}

const FACTS = {
  brokers: {
    type: 'object',
    propertyNames: idKey,
    additionalProperties: { enum: ['up', 'fenced', 'down'] },
  },
  controller: { type: ['integer', 'null'], minimum: 0 },
  partitions: {
    type: 'object',
    propertyNames: ref('partitionName'),
    additionalProperties: ref('partitionFacts'),
  },
  records: { type: 'object', additionalProperties: ref('recordFacts') },
  committed: {
    anyOf: [
      listOf(ref('recordValue')),
      {
        type: 'object',
        propertyNames: ref('partitionName'),
        additionalProperties: listOf(ref('recordValue')),
      },
    ],
  },
  lost: listOf(ref('recordValue')),
  uncommitted: listOf(ref('recordValue')),
  offline: listOf(ref('partitionName'), { uniqueItems: true }),
  underReplicated: listOf(ref('partitionName'), { uniqueItems: true }),
  underMinIsr: listOf(ref('partitionName'), { uniqueItems: true }),
  leaderCounts: { type: 'object', propertyNames: idKey, additionalProperties: count },
  followerCounts: { type: 'object', propertyNames: idKey, additionalProperties: count },
  duplicates: listOf(ref('recordValue')),
  truncations: listOf({
    type: 'object',
    required: ['broker', 'partition', 'fromLeo', 'toOffset'],
    properties: {
      broker: ref('nodeId'),
      partition: ref('partitionName'),
      fromLeo: count,
      toOffset: count,
    },
    ...closed,
  }),
  consume: listOf({
    type: 'object',
    required: ['client', 'partition'],
    properties: {
      client: { type: 'string' },
      partition: ref('partitionName'),
      from: count,
      records: listOf(ref('recordValue')),
      error: { type: 'string', minLength: 1 },
    },
    not: { required: ['records', 'error'] },
    ...closed,
  }),
} as const;

const brokerField = { broker: ref('nodeId') };

/** Per action: its fields (besides do and at) and which are required. */
const ACTION_SCHEMAS: Record<string, { properties: object; required?: string[]; extra?: object }> =
  {
    produce: {
      properties: {
        client: { type: 'string' },
        partition: ref('partitionName'),
        topic: ref('topicName'),
        key: { type: 'string' },
        records: listOf(ref('recordValue'), { minItems: 1 }),
      },
      required: ['client', 'records'],
      extra: { oneOf: [{ required: ['partition'] }, { required: ['topic'] }] },
    },
    consume: {
      properties: { client: { type: 'string' }, partition: ref('partitionName'), from: count },
      required: ['client', 'partition', 'from'],
    },
    poll: {
      properties: { client: { type: 'string' }, partition: ref('partitionName') },
      required: ['client', 'partition'],
    },
    kill: { properties: brokerField, required: ['broker'] },
    stop: { properties: brokerField, required: ['broker'] },
    restart: { properties: brokerField, required: ['broker'] },
    pauseFetch: { properties: brokerField, required: ['broker'] },
    resumeFetch: { properties: brokerField, required: ['broker'] },
    fetch: {
      properties: { ...brokerField, deliverResponse: { type: 'boolean', default: true } },
      required: ['broker'],
    },
    partitionNetwork: {
      properties: { a: ref('endpoint'), b: ref('endpoint') },
      required: ['a', 'b'],
    },
    heal: {
      properties: { a: ref('endpoint'), b: ref('endpoint') },
      extra: { dependentRequired: { a: ['b'], b: ['a'] } },
    },
    killController: { properties: { controller: ref('nodeId') } },
    restartController: { properties: { controller: ref('nodeId') } },
    electPreferred: { properties: { partition: ref('partitionName') } },
    setConfig: {
      properties: {
        scope: {
          anyOf: [
            { enum: ['broker', 'topic', 'client'] },
            {
              type: 'object',
              properties: {
                broker: { anyOf: [ref('nodeId'), { type: 'string', pattern: '^[0-9]+$' }] },
                topic: ref('topicName'),
                client: { type: 'string' },
              },
              minProperties: 1,
              maxProperties: 1,
              additionalProperties: false,
            },
          ],
        },
        id: { type: ['integer', 'string'] },
        broker: { anyOf: [ref('nodeId'), { type: 'string', pattern: '^[0-9]+$' }] },
        topic: ref('topicName'),
        client: { type: 'string' },
        config: {
          type: 'object',
          minProperties: 1,
          additionalProperties: { type: ['string', 'number', 'boolean'] },
        },
      },
      required: ['scope', 'config'],
    },
    refreshMetadata: { properties: { client: { type: 'string' } }, required: ['client'] },
    produceStream: {
      properties: {
        client: { type: 'string' },
        rate: { type: 'number', minimum: 0, maximum: 1000 },
      },
      required: ['client', 'rate'],
    },
    subscribe: {
      properties: { client: { type: 'string' }, on: { type: 'boolean', default: true } },
      required: ['client'],
    },
    advance: { properties: { ms }, required: ['ms'] },
    settle: { properties: { maxMs: { ...ms, default: 2000 } } },
    expect: {
      properties: FACTS,
      extra: { anyOf: Object.keys(FACTS).map((name) => ({ required: [name] })) },
    },
    expectEvent: {
      properties: {
        event: { enum: [...ALL_EVENTS] },
        within: {
          description: '[fromMs, toMs], measured from the moment this step starts',
          type: 'array',
          prefixItems: [ms, ms],
          items: false,
          minItems: 2,
        },
        ...brokerField,
        partition: ref('partitionName'),
        record: ref('recordValue'),
        expect: ref('facts'),
      },
      required: ['event', 'within'],
    },
  };

const stepDefs = Object.fromEntries(
  Object.entries(ACTION_SCHEMAS).map(([action, s]) => [
    `step.${action}`,
    {
      type: 'object',
      required: ['do', ...(s.required ?? [])],
      properties: { do: { const: action }, at: ms, ...s.properties },
      ...closed,
      ...s.extra,
    },
  ]),
);

export const SCENARIO_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Kafka replication scenario (format v1)',
  description: 'See docs/scenario-format.md.',
  type: 'object',
  required: ['format', 'title', 'cluster'],
  properties: {
    format: { const: 'kafka-replication-scenario/1' },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string' },
    seed: { type: 'integer', default: 1 },
    cluster: {
      type: 'object',
      required: ['brokers'],
      properties: {
        brokers: {
          anyOf: [
            { type: 'integer', minimum: 1, maximum: 1000 },
            listOf(ref('nodeId'), { minItems: 1, maxItems: 1000, uniqueItems: true }),
          ],
        },
        racks: {
          type: 'object',
          propertyNames: idKey,
          additionalProperties: { type: 'string', minLength: 1 },
        },
        controllers: listOf(ref('nodeId'), { minItems: 1, uniqueItems: true }),
        network: {
          type: 'object',
          properties: { latencyMs: { ...ms, default: 1 }, jitterMs: { ...ms, default: 0 } },
          ...closed,
        },
        config: configObject(BROKER_CONFIG),
        features: {
          type: 'object',
          description:
            'KRaft feature levels. eligible.leader.replicas.version: 1 (the default of a new Kafka 4.1+ cluster) keeps eligible leader replicas (KIP-966); 0 is the behaviour before it.',
          properties: { 'eligible.leader.replicas.version': { enum: [0, 1], default: 1 } },
          ...closed,
        },
      },
      ...closed,
    },
    topics: listOf({
      type: 'object',
      required: ['name'],
      properties: {
        name: ref('topicName'),
        partitions: { type: 'integer', minimum: 1, maximum: 10000 },
        replicationFactor: { type: 'integer', minimum: 1 },
        assignment: {
          type: 'object',
          propertyNames: idKey,
          additionalProperties: listOf(ref('nodeId'), { minItems: 1, uniqueItems: true }),
        },
        state: {
          type: 'object',
          propertyNames: idKey,
          additionalProperties: {
            type: 'object',
            required: ['leader', 'isr'],
            properties: {
              leader: { anyOf: [ref('nodeId'), { type: 'null' }] },
              isr: listOf(ref('nodeId'), { minItems: 1, uniqueItems: true }),
            },
            additionalProperties: false,
          },
        },
        config: configObject(TOPIC_CONFIG),
      },
      ...closed,
    }),
    clients: {
      type: 'object',
      propertyNames: { pattern: '^(?![0-9]+$)(?!controller$).+$' },
      additionalProperties: ref('client'),
    },
    steps: listOf(ref('step')),
  },
  ...closed,
  $defs: {
    nodeId: { type: 'integer', minimum: 0, maximum: 2147483647 },
    topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' },
    partitionName: { type: 'string', pattern: '^[a-zA-Z0-9._-]+-(0|[1-9][0-9]*)$' },
    recordValue: { type: 'string', minLength: 1 },
    endpoint: {
      description: 'a broker or controller id, "controller" (the quorum) or a client id',
      anyOf: [ref('nodeId'), { type: 'string', minLength: 1 }],
    },
    client: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['producer', 'consumer'] }, config: { type: 'object' } },
      allOf: [
        {
          if: { properties: { type: { const: 'producer' } } },
          then: { properties: { config: configObject(PRODUCER_CONFIG) } },
        },
        {
          if: { properties: { type: { const: 'consumer' } } },
          then: { properties: { config: configObject(CONSUMER_CONFIG) } },
        },
      ],
      ...closed,
    },
    facts: { type: 'object', properties: FACTS, ...closed },
    partitionFacts: {
      type: 'object',
      properties: {
        leader: { type: ['integer', 'null'], minimum: 0 },
        leaderEpoch: count,
        partitionEpoch: count,
        isr: listOf(ref('nodeId'), { uniqueItems: true }),
        elr: listOf(ref('nodeId'), { uniqueItems: true }),
        lastKnownElr: listOf(ref('nodeId'), { uniqueItems: true }),
        assignment: listOf(ref('nodeId'), { uniqueItems: true }),
        replicas: {
          type: 'object',
          propertyNames: idKey,
          additionalProperties: {
            type: 'object',
            properties: {
              leo: count,
              hw: count,
              log: listOf({ type: 'string', pattern: ':e(0|[1-9][0-9]*)$' }),
              epochCache: listOf({
                type: 'array',
                prefixItems: [count, count],
                items: false,
                minItems: 2,
              }),
            },
            ...closed,
          },
        },
        committed: listOf(ref('recordValue')),
      },
      ...closed,
    },
    recordFacts: {
      type: 'object',
      properties: {
        status: { enum: ['pending', 'acked', 'sent', 'failed'] },
        offset: { type: 'integer', minimum: -1 },
        error: { type: 'string', minLength: 1 },
        attemptErrors: listOf({ type: 'string', minLength: 1 }),
        partition: ref('partitionName'),
      },
      ...closed,
    },
    step: {
      type: 'object',
      required: ['do'],
      properties: { do: { enum: Object.keys(ACTION_SCHEMAS) } },
      allOf: Object.keys(ACTION_SCHEMAS).map((action) => ({
        if: { properties: { do: { const: action } }, required: ['do'] },
        then: ref(`step.${action}`),
      })),
    },
    ...stepDefs,
  },
} as const;
