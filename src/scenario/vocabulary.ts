// The action vocabulary, written once: each engine command and the shape of its fields. Scenario
// steps, lesson steps, share links, the page's commands, the TypeScript types and the JSON Schema
// all derive from it. Each field carries what it expects, in words, for the error messages;
// references (a broker that exists, a producer's id) are checked by hand afterwards.
import * as v from 'valibot';
import type { Command } from '../engine/index';
import { closed, field, int, nodeId, nonEmpty, notArray } from '../schema-kit/kit';
import { readFirst } from '../schema-kit/read';

export const client = field(v.string(), 'a client id');
export const partition = field(
  v.pipe(v.string(), v.regex(/^[a-zA-Z0-9._-]+-(0|[1-9][0-9]*)$/)),
  'a partition "<topic>-<n>"',
);
/** Kafka's legal topic names (Topic.validate: 1 to 249 of a-z, A-Z, 0-9, ".", "_", "-"). */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
export const topic = field(v.pipe(v.string(), v.regex(TOPIC_NAME)), 'a topic name');
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
      v.pipe(v.number(), v.minValue(0), v.maxValue(1000)),
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

/** A step's time: `at`, the earliest simulated start (ms). */
export const STEP_AT = field(int(0), 'a time in ms (an integer >= 0)');

/** The commands as steps: `do` instead of `type`. */
export type CommandStep = {
  [K in keyof Fields]: { do: K } & Read<Fields[K]>;
}[keyof Fields];

export function isCommandAction(action: string): action is Command['type'] {
  return Object.hasOwn(COMMAND_FIELDS, action);
}

/** Each command as an object { type, ...fields }. */
export const COMMAND = notArray(
  v.variant(
    'type',
    Object.entries(COMMAND_FIELDS).map(([type, fields]) =>
      closed({ type: v.literal(type), ...fields }, 'a command object', {
        unknown: `field of ${type}`,
      }),
    ),
    (issue) =>
      issue.path ? `one of ${Object.keys(COMMAND_FIELDS).join(', ')}` : 'a command object',
  ),
  'a command object',
);

/** Checks a command from outside (a share link, a lesson, the page); the first error names the field. */
export function checkCommand(
  raw: unknown,
  where: string,
): { ok: true; command: Command } | { ok: false; error: string } {
  const read = readFirst(COMMAND, raw, where);
  return read.ok ? { ok: true, command: read.value as Command } : read;
}

/** The engine command a step performs (waits and checks have none). */
export function stepCommand(step: { do: string }): Command | null {
  if (!isCommandAction(step.do)) return null;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- at and index are the step's own
  const { do: type, at, index, ...fields } = step as Record<string, unknown>;
  return { type, ...fields } as Command;
}
