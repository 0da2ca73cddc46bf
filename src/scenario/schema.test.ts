import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKER_CONFIG, CONSUMER_CONFIG, PRODUCER_CONFIG, TOPIC_CONFIG } from '../engine';
import { ALL_EVENTS } from '../engine';
import { SCENARIO_SCHEMA } from './schema';
import { FACT_NAMES } from './validate-facts';
import { ACTION_FIELDS } from './validate-steps';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, changed by the tests
type Json = Record<string, any>;
const fixture = (name: string) => JSON.parse(read(`./fixtures/${name}.json`)) as Json;

const REGENERATE = `npx tsx -e "import { SCENARIO_SCHEMA } from './src/scenario/schema.ts'; import { writeFileSync } from 'node:fs'; writeFileSync('docs/scenario.schema.json', JSON.stringify(SCENARIO_SCHEMA, null, 2) + '\\n')" && npx prettier --write docs/scenario.schema.json`;

describe('the JSON Schema', () => {
  it('in docs/scenario.schema.json is the one of schema.ts', () => {
    const published: unknown = JSON.parse(read('../../docs/scenario.schema.json'));
    // JSON drops undefined values; compare with what schema.ts serialises to.
    expect(published, `regenerate it with:\n${REGENERATE}`).toEqual(
      JSON.parse(JSON.stringify(SCENARIO_SCHEMA)),
    );
  });

  it('describes exactly the actions and fields the validator accepts', () => {
    const defs = SCENARIO_SCHEMA.$defs as Record<string, { properties?: object }>;
    for (const [action, fields] of Object.entries(ACTION_FIELDS)) {
      const properties = Object.keys(defs[`step.${action}`]?.properties ?? {});
      expect(properties.sort(), action).toEqual(['do', 'at', ...fields].sort());
    }
    expect(Object.keys(defs.facts?.properties ?? {})).toEqual([...FACT_NAMES]);
  });

  it.each(['spec-example', 'every-action'])('accepts %s.json', (name) => {
    expect(validate(SCENARIO_SCHEMA, fixture(name))).toEqual([]);
  });

  it.each<[string, (s: Json) => void]>([
    ['another format', (s) => (s.format = 'kafka-replication-scenario/2')],
    ['no cluster', (s) => delete s.cluster],
    ['an unknown field', (s) => (s.clusterr = {})],
    ['an unknown action', (s) => (s.steps[1].do = 'sleep')],
    ['an unknown field of an action', (s) => (s.steps[2].brokers = 1)],
    ['produce with partition and topic', (s) => (s.steps[0].topic = 't')],
    ['heal with one end', (s) => s.steps.push({ do: 'heal', a: 1 })],
    ['an unknown fact', (s) => (s.steps[4].leader = 1)],
    ['an unknown event', (s) => (s.steps[3].event = 'brokerDied')],
    ['a window of three numbers', (s) => (s.steps[3].within = [1, 2, 3])],
    ['a bad acks', (s) => (s.clients.P.config.acks = 2)],
    ['an unknown producer config', (s) => (s.clients.P.config['acks.all'] = 1)],
    ['a numeric client id', (s) => (s.clients['7'] = { type: 'consumer' })],
  ])('refuses a file with %s', (_name, change) => {
    const s = fixture('spec-example');
    change(s);
    expect(validate(SCENARIO_SCHEMA, s)).not.toEqual([]);
  });
});

describe('docs/scenario-format.md', () => {
  const docs = read('../../docs/scenario-format.md');
  const names = [
    ...[BROKER_CONFIG, TOPIC_CONFIG, PRODUCER_CONFIG, CONSUMER_CONFIG].flatMap(Object.keys),
    ...Object.keys(ACTION_FIELDS),
    ...FACT_NAMES,
    ...ALL_EVENTS,
  ];
  it.each(names)('documents %s', (name) => {
    expect(docs).toContain(`\`${name}\``);
  });
});

// A minimal JSON Schema 2020-12 checker covering the keywords schema.ts uses (no new
// dependency for one test). An unsupported keyword fails loudly instead of being ignored.
type Schema = boolean | Record<string, unknown>;

const ANNOTATIONS = ['$schema', '$defs', 'title', 'description', 'default'];

function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, root, value, '', errors);
  return errors;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) return void errors.push(`${path}: not allowed`);
  const fail = (message: string) => errors.push(`${path}: ${message}`);
  const sub = (s: unknown, v: unknown, p = path) => {
    const inner: string[] = [];
    check(root, s as Schema, v, p, inner);
    return inner;
  };
  const isObj = typeof value === 'object' && value !== null && !Array.isArray(value);
  const obj = value as Record<string, unknown>;
  for (const [keyword, arg] of Object.entries(schema)) {
    const a = arg as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    switch (keyword) {
      case '$ref': {
        const name = String(a).replace('#/$defs/', '');
        const target = (root as { $defs: Record<string, Schema> }).$defs[name];
        if (target === undefined) throw new Error(`unresolved $ref ${a}`);
        errors.push(...sub(target, value));
        break;
      }
      case 'type': {
        const types: string[] = Array.isArray(a) ? a : [a];
        const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
        const ok = types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
        if (!ok) fail(`expected type ${types.join('|')}`);
        break;
      }
      case 'enum':
        if (!a.some((x: unknown) => JSON.stringify(x) === JSON.stringify(value)))
          fail('not in enum');
        break;
      case 'const':
        if (JSON.stringify(a) !== JSON.stringify(value)) fail(`expected ${JSON.stringify(a)}`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < a) fail(`below ${a}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > a) fail(`above ${a}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && value.length < a) fail('too short');
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(a, 'u').test(value))
          fail(`does not match ${a}`);
        break;
      case 'required':
        if (isObj) for (const k of a) if (!Object.hasOwn(obj, k)) fail(`missing ${k}`);
        break;
      case 'dependentRequired':
        if (isObj)
          for (const [k, needs] of Object.entries(a as Record<string, string[]>))
            if (Object.hasOwn(obj, k))
              for (const n of needs) if (!Object.hasOwn(obj, n)) fail(`${k} needs ${n}`);
        break;
      case 'minProperties':
        if (isObj && Object.keys(obj).length < a) fail('too few properties');
        break;
      case 'maxProperties':
        if (isObj && Object.keys(obj).length > a) fail('too many properties');
        break;
      case 'properties':
        if (isObj)
          for (const [k, s] of Object.entries(a as Record<string, Schema>))
            if (Object.hasOwn(obj, k)) errors.push(...sub(s, obj[k], `${path}.${k}`));
        break;
      case 'patternProperties':
        break; // evaluated with additionalProperties
      case 'additionalProperties':
        if (isObj)
          for (const k of Object.keys(obj)) {
            const named = Object.hasOwn((schema.properties as object | undefined) ?? {}, k);
            const patterns = Object.keys((schema.patternProperties as object | undefined) ?? {});
            if (!named && !patterns.some((p) => new RegExp(p, 'u').test(k)))
              errors.push(...sub(a, obj[k], `${path}.${k}`));
          }
        break;
      case 'propertyNames':
        if (isObj) for (const k of Object.keys(obj)) errors.push(...sub(a, k, `${path}.${k}`));
        break;
      case 'items':
        if (Array.isArray(value)) {
          const from = Array.isArray(schema.prefixItems) ? schema.prefixItems.length : 0;
          value.slice(from).forEach((v, i) => errors.push(...sub(a, v, `${path}[${i + from}]`)));
        }
        break;
      case 'prefixItems':
        if (Array.isArray(value))
          (a as Schema[]).forEach((s, i) => {
            if (i < value.length) errors.push(...sub(s, value[i], `${path}[${i}]`));
          });
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < a) fail('too few items');
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > a) fail('too many items');
        break;
      case 'uniqueItems':
        if (
          Array.isArray(value) &&
          a &&
          new Set(value.map((v) => JSON.stringify(v))).size !== value.length
        )
          fail('items not unique');
        break;
      case 'anyOf':
        if (!(a as Schema[]).some((s) => sub(s, value).length === 0)) fail('matches none of anyOf');
        break;
      case 'oneOf':
        if ((a as Schema[]).filter((s) => sub(s, value).length === 0).length !== 1)
          fail('does not match exactly one of oneOf');
        break;
      case 'allOf':
        for (const s of a as Schema[]) errors.push(...sub(s, value));
        break;
      case 'not':
        if (sub(a, value).length === 0) fail('matches a "not" schema');
        break;
      case 'if':
        if (sub(a, value).length === 0 && schema.then !== undefined)
          errors.push(...sub(schema.then, value));
        break;
      case 'then':
        break; // evaluated with if
      default:
        if (!ANNOTATIONS.includes(keyword)) throw new Error(`unsupported keyword ${keyword}`);
    }
  }
}
