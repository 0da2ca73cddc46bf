// The few shapes every format is built from, on top of valibot. Each carries, in words, what it
// expects: an error reads "<path>: expected <what>, got <value>", "<path>: missing: expected
// <what>" or, for an unknown key, "<path>: unknown field; did you mean x?".
import * as v from 'valibot';
import { didYouMean, isObject } from './issues';

/** A field's shape and, in words, what it expects. */
export const field = <S extends v.GenericSchema>(
  schema: S,
  what: string | ((i: v.BaseIssue<unknown>) => string),
) => v.message(schema, what);
export const int = (min: number) => v.pipe(v.number(), v.safeInteger(), v.minValue(min));
export const nonEmpty = v.pipe(v.string(), v.minLength(1));
/** Two integers >= 0. */
export const pair = v.pipe(v.array(int(0)), v.length(2));

/** JSON Schema keywords for what a shape cannot state (json-schema.ts merges them in). */
export const JSON_EXTRAS = new Map<unknown, Record<string, unknown>>();
export const json = <S>(schema: S, extra: Record<string, unknown>): S => {
  JSON_EXTRAS.set(schema, { ...JSON_EXTRAS.get(schema), ...extra });
  return schema;
};

/** Issues whose message is a whole sentence, not "expected <what>". */
export const SENTENCE = new Set(['raw_check', 'raw_transform', 'unknown_key']);

/** A list of distinct items; a repeat is named where it stands (JSON Schema: uniqueItems). */
export const distinct = <S extends v.GenericSchema>(
  item: S,
  repeat: (x: unknown) => string = (x) => `duplicate id ${String(x)}`,
) =>
  v.pipe(
    v.array(item),
    json(
      v.rawCheck<v.InferOutput<S>[]>(({ dataset, addIssue }) => {
        if (!dataset.typed) return;
        const list = dataset.value;
        list.forEach((x, i) => {
          if (list.indexOf(x) < i)
            addIssue({
              message: repeat(x),
              path: [{ type: 'array', origin: 'value', input: list, key: i, value: x }],
            });
        });
      }),
      { uniqueItems: true },
    ),
  );

export const opt = <E extends v.ObjectEntries>(entries: E) =>
  Object.fromEntries(Object.entries(entries).map(([k, s]) => [k, v.optional(s)])) as {
    [K in keyof E]: v.OptionalSchema<E[K], undefined>;
  };

/** Largest id Kafka accepts for a node (node.id is an int32). */
export const MAX_NODE_ID = 2147483647;
export const nodeId = v.pipe(int(0), v.maxValue(MAX_NODE_ID));

/** Object keys that are broker ids ("1", "12"). */
const idKey = field(v.pipe(v.string(), v.regex(/^(0|[1-9][0-9]*)$/)), 'a broker id as key');
/** An object (not an array) of keys to values. */
export function keyed<K extends v.GenericSchema<string, string>, S extends v.GenericSchema>(
  key: K,
  value: S,
) {
  const base = notArray(v.record(key, value));
  const schema: typeof base = {
    ...base,
    '~run'(dataset, config) {
      const input = dataset.value;
      const out = base['~run'](dataset, config);
      // valibot's records skip these keys without a word; say why they cannot be used
      for (const k of isObject(input) ? RESERVED.filter((k) => Object.hasOwn(input, k)) : [])
        (out.issues ??= [] as never).push({
          kind: 'validation',
          type: 'unknown_key',
          input: k,
          message: `"${k}" cannot be a key here (every JavaScript object has it)`,
          path: [{ type: 'object', origin: 'key', input, key: k, value: undefined }],
        } as never);
      return out;
    },
  };
  return schema;
}
const RESERVED = ['__proto__', 'prototype', 'constructor'];
export const byId = <S extends v.GenericSchema>(value: S) => keyed(idKey, value);

interface Closed {
  /** what an unknown key is called: "field", "fact", "field of kill" */
  unknown?: string;
  /** the hint after the name of an unknown key (default: a near miss and the known keys) */
  hint?: (key: string, known: string[]) => string;
  /** extra JSON Schema keywords (rules between fields) */
  jsonRule?: object;
  /** "_" and "$" fields are free (default), or unknown like any other */
  free?: boolean;
  /** unknown fields pass (a message from the page: the handler reads only the known ones) */
  open?: boolean;
}

/**
 * An object of these fields. Every unknown key is an error (a misspelt optional field would
 * otherwise be replaced by its default), except "_" and "$" ones (comments, "$schema"), which are
 * dropped. A missing field says what it expects; `what` is what the object itself is.
 */
export function closed<E extends v.ObjectEntries>(
  entries: E,
  what = `an object with ${Object.keys(entries).join(', ')}`,
  o: Closed = {},
) {
  const known = Object.keys(entries);
  const expects = (key: string) => v.safeParse(entries[key]!, undefined).issues?.[0]?.message;
  const name = o.unknown ?? 'field';
  const free = o.free ?? true;
  const hint =
    o.hint ?? ((key: string) => `${didYouMean(key, known)} (known: ${known.join(', ')})`);
  const base = v.looseObject(entries, (issue) => {
    const key = issue.path?.[0]?.key as string | undefined;
    return key === undefined ? what : (expects(key) ?? 'a value');
  });
  const schema: typeof base = {
    ...base,
    '~run'(dataset, config) {
      const input = dataset.value;
      if (Array.isArray(input)) return arrayIssue(dataset, what) as never;
      const out = base['~run'](dataset, config);
      if (!isObject(input)) return out;
      if (o.open) return out;
      // unknown keys first: a misspelt key also reads as a missing one, and its hint is the better
      const unknown = Object.keys(input)
        .filter((key) => !known.includes(key) && !(free && /^[_$]/.test(key)))
        .map((key) => ({
          kind: 'validation',
          type: 'unknown_key',
          input: input[key],
          expected: null,
          received: '',
          message: `unknown ${name}${hint(key, known)}`,
          path: [{ type: 'object', origin: 'key', input, key, value: input[key] }],
        }));
      if (unknown.length > 0) out.issues = [...unknown, ...(out.issues ?? [])] as never;
      if (isObject(out.value))
        for (const key of Object.keys(out.value)) if (!known.includes(key)) delete out.value[key];
      return out;
    },
  };
  json(schema, {
    additionalProperties: false,
    ...(free ? { patternProperties: { '^[_$]': {} } } : {}),
    ...o.jsonRule,
  });
  // its output holds exactly the entries (unknown keys are refused, free ones dropped)
  return schema as unknown as v.ObjectSchema<E, undefined>;
}

/** A union read by the branch for the input's kind (a number or not), so errors keep their paths. */
export const byKind = <N extends v.GenericSchema, O extends v.GenericSchema>(number: N, other: O) =>
  either(number, other, (x) => typeof x === 'number');

/** A union read by `first` when the input passes `isFirst`, else by `second` (errors keep paths). */
export function either<A extends v.GenericSchema, B extends v.GenericSchema>(
  first: A,
  second: B,
  isFirst: (input: unknown) => boolean,
) {
  const base = v.union([first, second]);
  const schema: typeof base = {
    ...base,
    '~run': (dataset, config) =>
      (isFirst(dataset.value) ? first : second)['~run'](dataset, config) as never,
  };
  return schema;
}

/** An object schema that refuses arrays (valibot's objects accept them); `what` it expects. */
export function notArray<S extends v.GenericSchema>(base: S, expects?: string): S {
  return {
    ...base,
    '~run'(dataset, config) {
      const what = expects ?? (typeof config.message === 'string' ? config.message : 'an object');
      if (Array.isArray(dataset.value)) return arrayIssue(dataset, what) as never;
      return base['~run'](dataset, config);
    },
  };
}

function arrayIssue(
  dataset: v.UnknownDataset,
  what: string,
): v.OutputDataset<unknown, v.BaseIssue<unknown>> {
  const { value: input } = dataset;
  const issue = { kind: 'schema', type: 'object', input, expected: 'Object', received: 'Array' };
  return { typed: false, value: input, issues: [{ ...issue, message: what } as never] };
}
