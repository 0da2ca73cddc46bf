// R39 order on the lecture itself (the run a class sees): with idempotence on, demo timings and
// jittered latency, killing the leader of a partition being written never reorders its records.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyCommand, createSimulation, dumpState, runUntil } from '../engine/index';
import { applyTimings } from './timings';
import { parseScenario } from '../scenario/validate';

function lectureSetup() {
  const parsed = parseScenario(JSON.parse(readFileSync('src/data/scenarios/lecture.json', 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return applyTimings(parsed.scenario.setup, 'demo');
}

/** The stream's record numbers ("producer-12" -> 12) in each committed log, out of order ones. */
function outOfOrder(d: ReturnType<typeof dumpState>): string[] {
  const problems: string[] = [];
  for (const [name, p] of Object.entries(d.partitions)) {
    const r = p.replicas[p.leader!]!;
    const numbers = r.log
      .slice(0, r.hw)
      .map((e) => Number(e.slice(e.lastIndexOf('-') + 1, e.lastIndexOf(':e'))));
    numbers.forEach((n, i) => {
      if (i > 0 && n <= numbers[i - 1]!) problems.push(`${name}: ${numbers[i - 1]} then ${n}`);
    });
  }
  return problems;
}

describe('the lecture keeps each partition in send order across failovers (R39)', () => {
  for (const broker of [1, 2, 4]) {
    it(`R39: killing broker ${broker} under the producer's stream reorders nothing`, () => {
      const created = createSimulation(lectureSetup());
      if (!created.ok) throw new Error(created.error);
      const s = created.state;
      applyCommand(s, { type: 'produceStream', client: 'producer', rate: 20 });
      runUntil(s, 5_000);
      applyCommand(s, { type: 'kill', broker });
      runUntil(s, 25_000);
      applyCommand(s, { type: 'restart', broker });
      runUntil(s, 45_000);
      const d = dumpState(s);
      expect(outOfOrder(d)).toEqual([]);
      expect(d.duplicates).toEqual([]);
      expect(d.lost).toEqual([]);
    }, 30_000); // about 1.5 s alone; bounded for a loaded 2-core machine
  }
});
