// The action vocabulary, written once: each engine command and the shape of its fields. Scenario
// steps, lesson steps, share links, the page's commands, the TypeScript types and the JSON Schema
// all derive from it. Each field carries what it expects, in words, for the error messages;
// references (a broker that exists, a producer's id) are checked by hand afterwards.
import * as v from 'valibot';
import { ALL_EVENTS, type Command } from '../engine/index';
import { isObject, own, show } from './issues';
import { readFirst } from './read';

/** A field's shape and, in words, what it expects ("expected <what>, got <value>"). */
export const field = <S extends v.GenericSchema>(
  schema: S,
  what: string | ((i: v.BaseIssue<unknown>) => string),
) => v.message(schema, what);
export const int = (min: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(min));
export const nonEmpty = v.pipe(v.string(), v.minLength(1));

/** JSON Schema keywords for what a shape cannot state (json-schema.ts merges them in). */
export const JSON_EXTRAS = new Map<unknown, Record<string, unknown>>();
export const json = <S extends v.GenericSchema>(schema: S, extra: Record<string, unknown>) => {
  JSON_EXTRAS.set(schema, extra);
  return schema;
};
/** The message of the check that items are distinct (JSON Schema: uniqueItems). */
export const DISTINCT = 'distinct items';

/** Object keys that are broker ids ("1", "12"). */
export const idKey = v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]*)$/));
export const byId = <S extends v.GenericSchema>(value: S) => v.record(idKey, value);
export const distinct = <S extends v.GenericSchema>(item: S) =>
  v.pipe(
    v.array(item),
    v.check((list) => new Set(list).size === list.length, DISTINCT),
  );
export const opt = <E extends v.ObjectEntries>(entries: E) =>
  Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(s)])) as {
    [K in keyof E]: v.OptionalSchema<E[K], undefined>;
  };

/** Largest id Kafka accepts for a node (node.id is an int32). */
export const MAX_NODE_ID = 2147483647;

export const nodeId = v.pipe(int(0), v.maxValue(MAX_NODE_ID));
export const client = field(v.string(), 'a client id');
export const partition = field(
  v.pipe(v.string(), v.regex(/^[a-zA-Z0-9._-]+-(0|[1-9][0-9]*)$/)),
  'a partition "<topic>-<n>"',
);
export const topic = field(v.pipe(v.string(), v.regex(/^[a-zA-Z0-9._-]{1,249}$/)), 'a topic name');
export const broker = field(nodeId, 'a broker id');
const controller = field(nodeId, 'a controller id');
const endpointShape = v.union([nodeId, nonEmpty]);
export const endpoint = field(
  endpointShape,
  'a broker or controller id, "controller" or a client id',
);
const bothEnds = field(endpointShape, (issue) =>
  issue.input === undefined
    ? 'both ends a and b'
    : 'a broker or controller id, "controller" or a client id',
);
const bool = field(v.boolean(), 'true or false');
export const duration = field(int(0), 'a duration in ms (an integer >= 0)');
export const recordValue = field(nonEmpty, 'a record value (a non-empty string)');

/** Each engine command's fields (engine/core/commands.ts `Command` must agree: checked below). */
export const COMMAND_FIELDS = {
  produce: {
    client,
    partition: v.optional(partition),
    topic: v.optional(topic),
    key: v.optional(field(v.string(), 'a string')),
    records: field(
      v.pipe(v.array(recordValue), v.minLength(1)),
      'a non-empty list of record values (strings)',
    ),
  },
  consume: { client, partition, from: field(int(0), 'an offset (an integer >= 0)') },
  poll: { client, partition },
  kill: { broker },
  stop: { broker },
  restart: { broker },
  pauseFetch: { broker },
  resumeFetch: { broker },
  fetch: { broker, deliverResponse: v.optional(bool, true) },
  partitionNetwork: { a: bothEnds, b: bothEnds },
  heal: { a: v.optional(endpoint), b: v.optional(endpoint) },
  killController: { controller: v.optional(controller) },
  restartController: { controller: v.optional(controller) },
  electPreferred: { partition: v.optional(partition) },
  setConfig: {
    scope: field(v.picklist(['broker', 'topic', 'client']), '"broker", "topic" or "client"'),
    id: v.optional(field(v.union([nodeId, v.string()]), 'a broker id, topic name or client id')),
    config: field(v.record(v.string(), v.unknown()), 'an object of config names to values'),
  },
  refreshMetadata: { client },
  produceStream: {
    client,
    rate: field(
      v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1000)),
      'records per simulated second (a number from 0 to 1000)',
    ),
  },
  subscribe: { client, on: v.optional(bool, true) },
} satisfies Record<Command['type'], v.ObjectEntries>;

type Fields = typeof COMMAND_FIELDS;
/** Optional fields without a default stay optional in the value read. */
type OptionalKeys<E> = {
  [K in keyof E]: E[K] extends v.OptionalSchema<v.GenericSchema, infer D>
    ? D extends undefined
      ? K
      : never
    : never;
}[keyof E];
type Read<E extends v.ObjectEntries> = {
  [K in Exclude<keyof E, OptionalKeys<E>>]: v.InferOutput<E[K]>;
} & { [K in OptionalKeys<E>]?: v.InferOutput<E[K]> };
/** A command as the vocabulary reads it (defaults filled in). */
export type VocabularyCommand = {
  [K in keyof Fields]: { type: K } & Read<Fields[K]>;
}[keyof Fields];
// The engine's own Command type and the vocabulary must not drift apart.
const agrees: VocabularyCommand extends Command ? true : false = true;
void agrees;

/**
 * Steps of a scenario file that are not commands. Their fields are shapes only here; expect and
 * expectEvent facts and the setConfig target spellings are checked by their own validators.
 */
export const STEP_FIELDS = {
  ...COMMAND_FIELDS,
  setConfig: {
    scope: v.unknown(),
    id: v.unknown(),
    broker: v.unknown(),
    topic: v.unknown(),
    client: v.unknown(),
    config: v.unknown(),
  },
  advance: { ms: duration },
  /** the facts (facts.ts) */
  expect: {},
  settle: { maxMs: v.optional(duration, 2000) },
  expectEvent: {
    event: field(v.picklist(ALL_EVENTS), `an event (${ALL_EVENTS.join(', ')})`),
    within: field(
      v.strictTuple([int(0), int(0)]),
      '[fromMs, toMs], integers >= 0, measured from the start of this step',
    ),
    broker: v.optional(v.unknown()),
    partition: v.optional(v.unknown()),
    record: v.optional(v.unknown()),
    expect: v.optional(v.unknown()),
  },
} satisfies Record<string, v.ObjectEntries>;

/** A step's time: `at`, the earliest simulated start (ms). */
export const STEP_AT = field(int(0), 'a time in ms (an integer >= 0)');

/** The commands as steps: `do` instead of `type`. */
export type CommandStep = {
  [K in keyof Fields]: { do: K } & Read<Fields[K]>;
}[keyof Fields];

export function isCommandAction(action: string): action is Command['type'] {
  return Object.hasOwn(COMMAND_FIELDS, action);
}

/** Checks a command from outside (a share link, a lesson, the page); the first error names the field. */
export function checkCommand(
  raw: unknown,
  where: string,
): { ok: true; command: Command } | { ok: false; error: string } {
  if (!isObject(raw)) return { ok: false, error: `${where}: expected a command object` };
  const type = own(raw, 'type');
  if (typeof type !== 'string' || !isCommandAction(type))
    return {
      ok: false,
      error: `${where}.type: expected one of ${Object.keys(COMMAND_FIELDS).join(', ')}, got ${show(type)}`,
    };
  const fields: v.ObjectEntries = COMMAND_FIELDS[type];
  const read = readFirst(fields, raw, where, ['type', ...Object.keys(fields)], `field of ${type}`);
  return read.ok ? { ok: true, command: { type, ...read.values } as Command } : read;
}

/** The engine command a step performs (waits and checks have none). */
export function stepCommand(step: { do: string }): Command | null {
  if (!isCommandAction(step.do)) return null;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- at and index are the step's own
  const { do: type, at, index, ...fields } = step as Record<string, unknown>;
  return { type, ...fields } as Command;
}
