// docs/scenario.schema.json is generated from the valibot shape (npm run gen:schema): it must be
// current, accept every valid file and refuse the mistakes editors should flag. ajv checks it
// here only: it compiles with new Function, which the app's Content-Security-Policy forbids.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { BROKER_CONFIG, CONSUMER_CONFIG, PRODUCER_CONFIG, TOPIC_CONFIG } from '../engine';
import { ALL_EVENTS } from '../engine';
import { scenarioJsonSchema } from './json-schema';
import { FACT_NAMES } from './facts';
import { STEP_FIELDS } from './shape';

const ACTION_FIELDS = Object.fromEntries(
  Object.entries(STEP_FIELDS).map(([action, fields]) => [action, Object.keys(fields)]),
);

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, changed by the tests
type Json = Record<string, any>;
const fixture = (name: string) => JSON.parse(read(`./fixtures/${name}.json`)) as Json;
const published = JSON.parse(read('../../docs/scenario.schema.json')) as Json;
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(published);
const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []));

describe('the JSON Schema', () => {
  it('in docs/scenario.schema.json is the one generated from shape.ts', () => {
    expect(published, 'regenerate it with: npm run gen:schema').toEqual(
      JSON.parse(JSON.stringify(scenarioJsonSchema())),
    );
  });

  it('describes exactly the actions and fields the validator accepts', () => {
    const steps = published.properties.steps.items.oneOf as Json[];
    const fields = Object.fromEntries(
      steps.map((s) => [s.properties.do.const, Object.keys(s.properties).sort()]),
    );
    for (const [action, names] of Object.entries(ACTION_FIELDS))
      expect(fields[action], action).toEqual(['do', 'at', ...names].sort());
    expect(Object.keys(fields).sort()).toEqual(Object.keys(ACTION_FIELDS).sort());
    const expectStep = steps.find((s) => s.properties.do.const === 'expect')!;
    expect(Object.keys(expectStep.properties).slice(2)).toEqual([...FACT_NAMES]);
  });

  it.each(['spec-example', 'every-action'])('accepts %s.json', (name) => {
    expect(errorsOf(fixture(name))).toEqual([]);
  });

  const bundled = readdirSync(new URL('../data/scenarios', import.meta.url)).filter((f) =>
    f.endsWith('.json'),
  );
  it.each(bundled)('accepts src/data/scenarios/%s', (name) => {
    expect(errorsOf(JSON.parse(read(`../data/scenarios/${name}`)))).toEqual([]);
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
    ['an ISR listing a broker twice', (s) => (s.steps[4].partitions = { 't-0': { isr: [1, 1] } })],
    ['an empty setConfig', (s) => s.steps.push({ do: 'setConfig', scope: 'broker', config: {} })],
  ])('refuses a file with %s', (_name, change) => {
    const s = fixture('spec-example');
    change(s);
    expect(errorsOf(s)).not.toEqual([]);
  });

  it('lets fields starting with "_" or "$" through, as the validator does', () => {
    const s = fixture('spec-example');
    s.$schema = '../docs/scenario.schema.json';
    s.cluster._note = 'three brokers';
    expect(errorsOf(s)).toEqual([]);
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
