// A runner for one of the shipped scenario files (src/data/scenarios/<name>.json), for the tests
// and benchmarks that run in Node.
import { readFileSync } from 'node:fs';
import { SimRunner } from '../runner';
import type { TimingsPreset } from '../../protocol/messages';

export function readScenario(name: string): unknown {
  return JSON.parse(readFileSync(`src/data/scenarios/${name}.json`, 'utf8'));
}

export function scenarioRunner(name: string, timings: TimingsPreset = 'demo'): SimRunner {
  const created = SimRunner.create(readScenario(name), timings);
  if (!created.ok) throw new Error(`${name}: ${created.errors.join('; ')}`);
  return created.runner;
}
