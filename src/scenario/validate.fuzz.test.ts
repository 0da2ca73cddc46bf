// Random damage to valid scenario files never makes the validator throw, and every outcome is
// either a scenario or a non-empty list of messages.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from './validate';

const files = ['spec-example', 'every-action'].map((name) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8'),
);

/** mulberry32: a small seeded PRNG, so a failure can be replayed from its iteration number. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  1,
  1.5,
  9,
  101,
  2 ** 53,
  1e308,
  NaN,
  '',
  'x',
  '2',
  't-0',
  't-99',
  'controller',
  'P',
  'C',
  'a0',
  'all',
  '__proto__',
  'constructor',
  [],
  [1, 2, 3],
  [[1]],
  [10, 5],
  ['a0'],
  {},
  { '0': [1] },
  JSON.parse('{"__proto__": {"x": 1}}'),
  { constructor: 1, toString: 'x' },
  { do: 'kill', broker: 1 },
];

type Container = Record<string, unknown> | unknown[];

/** Every container in the tree with its keys, so a mutation can hit any depth. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Container);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(root: Record<string, unknown>, random: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const target = pick(containers(root));
  const keys = Object.keys(target);
  const roll = random();
  const key = keys.length > 0 && roll < 0.8 ? pick(keys) : pick(['extra', '0', 'do', 'at']);
  const record = target as Record<string, unknown>;
  if (roll < 0.3) delete record[key];
  else if (roll < 0.4 && typeof record[key] === 'object')
    record[key] = structuredClone(pick(containers(root)));
  else record[key] = structuredClone(pick(ODD_VALUES)); // a copy: shared objects could form cycles
}

describe('the validator under random damage', () => {
  it('never throws on 2,000 mutated scenarios', () => {
    const random = prng(20240611);
    let valid = 0;
    for (let i = 0; i < 2000; i++) {
      const scenario = JSON.parse(files[i % files.length] as string) as Record<string, unknown>;
      const times = 1 + Math.floor(random() * 3);
      for (let m = 0; m < times; m++) mutate(scenario, random);
      const result = parseScenario(scenario);
      if (result.ok) valid++;
      else {
        expect(result.errors.length, `iteration ${i}`).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(typeof e).toBe('string');
          expect(e, `iteration ${i}`).not.toMatch(/^internal error/);
        }
      }
    }
    // Some damage is harmless (e.g. a deleted optional field): the success path is fuzzed too.
    expect(valid).toBeGreaterThan(50);
  }, 30_000); // ~4 s alone; a loaded 2-core machine needs more

  it('never throws on arbitrary JSON values or text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = parseScenario(value);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300, seed: 7 },
    );
    fc.assert(
      fc.property(fc.string(), fc.nat(), (junk, cut) => {
        const text = files[0] as string;
        const damaged = text.slice(0, cut % text.length) + junk + text.slice(cut % text.length);
        const result = parseScenarioText(damaged);
        if (!result.ok) expect(result.errors[0]).not.toMatch(/^internal error/);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
