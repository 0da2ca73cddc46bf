// Every parser of outside input survives at least 10,000 mutated inputs without throwing:
// scenario files (text and object), lesson files, kafka-topics --describe text, commands.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseScenario, parseScenarioText } from './validate';
import { parseLesson } from './lesson';
import { describeToScenario } from '../worker/describe-import';
import { checkCommand } from './vocabulary';

const RUNS = 10_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIRD: unknown[] = [
  null,
  undefined,
  0,
  -1,
  1.5,
  1e300,
  NaN,
  '',
  'x',
  '__proto__',
  'constructor',
  true,
  false,
  [],
  {},
  [1, 2],
  { a: 1 },
  '-1',
  '9'.repeat(40),
  '\u0000',
  '<script>',
];

/** A copy of `value` with one random change deep inside: delete, replace, retype or duplicate. */
function mutate(value: unknown, r: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  if (depth > 0 && r() < 0.25) return pick(WEIRD);
  if (Array.isArray(value)) {
    if (value.length === 0 || r() < 0.15) return [...value, pick(WEIRD)];
    const i = Math.floor(r() * value.length);
    const copy = [...value];
    if (r() < 0.2) copy.splice(i, 1);
    else copy[i] = mutate(copy[i], r, depth + 1);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (keys.length === 0 || r() < 0.1)
      copy[pick(['x', '__proto__', 'constructor', 'steps', 'at'])] = pick(WEIRD);
    else {
      const k = pick(keys);
      if (r() < 0.2) delete copy[k];
      else copy[k] = mutate(copy[k], r, depth + 1);
    }
    return copy;
  }
  return pick(WEIRD);
}

function mutateText(text: string, r: () => number): string {
  const i = Math.floor(r() * (text.length + 1));
  const ops = [
    () => text.slice(0, i),
    () => text.slice(0, i) + text.slice(i + 1 + Math.floor(r() * 20)),
    () => text.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x3000)) + text.slice(i),
    () => text.slice(0, i) + text.slice(Math.floor(r() * text.length)),
    () => text.slice(0, i) + '\t:,{}[]"\\'.charAt(Math.floor(r() * 10)) + text.slice(i),
  ];
  return ops[Math.floor(r() * ops.length)]!();
}

const scenarioTexts = readdirSync('src/data/scenarios')
  .filter((f) => f.endsWith('.json'))
  .map((f) => readFileSync(`src/data/scenarios/${f}`, 'utf8'));
const lessons = readdirSync('src/data/lessons').map(
  (f) => JSON.parse(readFileSync(`src/data/lessons/${f}`, 'utf8')) as unknown,
);
const DESCRIBE =
  'Topic: orders\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2\n\tTopic: orders\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0\n\tTopic: orders\tPartition: 1\tLeader: none\tReplicas: 0,1,2\tIsr: 0\n\tTopic: orders\tPartition: 2\tLeader: 1\tReplicas: 1,2,0\tIsr: 1,2,0';
const COMMANDS: unknown[] = [
  { type: 'produce', client: 'P', partition: 't-0', records: ['a'] },
  { type: 'kill', broker: 1 },
  { type: 'partitionNetwork', a: 1, b: 'controller' },
  { type: 'setConfig', scope: 'topic', id: 't', config: { 'min.insync.replicas': 2 } },
];

/** 10,000 inputs take ~2 s alone; a loaded 2-core machine needs more. */
const HEAVY_MS = 30_000;

describe(`parsers never throw (${RUNS} mutated inputs each)`, () => {
  it(
    'scenario files as text',
    () => {
      const r = rng(1);
      let rejected = 0;
      for (let i = 0; i < RUNS; i++) {
        const base = scenarioTexts[i % scenarioTexts.length]!;
        let text = base;
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) text = mutateText(text, r);
        const out = parseScenarioText(text);
        if (!out.ok) {
          rejected++;
          expect(out.errors.length).toBeGreaterThan(0);
          expect(typeof out.errors[0]).toBe('string');
        }
      }
      expect(rejected).toBeGreaterThan(RUNS / 2);
    },
    HEAVY_MS,
  );

  it(
    'scenario files as objects',
    () => {
      const r = rng(2);
      const objects = scenarioTexts.map((t) => JSON.parse(t) as unknown);
      for (let i = 0; i < RUNS; i++) {
        let value = objects[i % objects.length];
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) value = mutate(value, r);
        const out = parseScenario(value);
        if (!out.ok)
          expect(out.errors.every((e) => typeof e === 'string' && e.length > 0)).toBe(true);
      }
    },
    HEAVY_MS,
  );

  it(
    'lesson files',
    () => {
      const r = rng(3);
      for (let i = 0; i < RUNS; i++) {
        let value = lessons[i % lessons.length];
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) value = mutate(value, r);
        const out = parseLesson(value);
        if (!out.ok) expect(out.error.length).toBeGreaterThan(0);
      }
    },
    HEAVY_MS,
  );

  it(
    'kafka-topics --describe text',
    () => {
      const r = rng(4);
      let accepted = 0;
      for (let i = 0; i < RUNS; i++) {
        let text = DESCRIBE;
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) text = mutateText(text, r);
        const out = describeToScenario(text);
        if (out.ok) {
          accepted++;
          // whatever it accepts is a valid scenario
          expect(parseScenario(out.scenario).ok).toBe(true);
        } else expect(out.error.length).toBeGreaterThan(0);
      }
      expect(accepted).toBeGreaterThan(0);
    },
    HEAVY_MS,
  );

  it(
    'commands from share links and lessons',
    () => {
      const r = rng(5);
      for (let i = 0; i < RUNS; i++) {
        let value = COMMANDS[i % COMMANDS.length];
        for (let k = 1 + Math.floor(r() * 2); k > 0; k--) value = mutate(value, r);
        const out = checkCommand(value, 'c');
        if (!out.ok) expect(out.error.startsWith('c')).toBe(true);
      }
    },
    HEAVY_MS,
  );
});
