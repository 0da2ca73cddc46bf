import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../scenario/validate';
import { runScenario } from '../../../scenario-run/run';
import { notRunnableReason } from '../runnable';
import { replayFile } from './generate';
import { REPLAY_SEEDS } from './schedule';

const files = REPLAY_SEEDS.map((seed) => replayFile(seed));

describe('replayed fault schedules (src/cli/kafka/replay)', () => {
  it('the same seed gives the same file, and another seed another one', () => {
    expect(JSON.stringify(replayFile(29).scenario)).toBe(JSON.stringify(files[14]!.scenario));
    expect(files[14]!.seed).toBe(29);
    expect(JSON.stringify(replayFile(8).scenario)).not.toBe(JSON.stringify(files[14]!.scenario));
  });

  it('every listed seed gives a valid file that runs green in the engine and on Kafka needs only runnable steps', () => {
    for (const f of files) {
      const parsed = parseScenario(f.scenario);
      expect(parsed.ok ? [] : parsed.errors, `seed ${f.seed}`).toEqual([]);
      if (!parsed.ok) continue;
      const run = runScenario(parsed.scenario);
      expect(run.errors, `seed ${f.seed}`).toEqual([]);
      const failed = run.assertions.filter((a) => !a.ok).flatMap((a) => a.failures);
      expect(failed, `seed ${f.seed}`).toEqual([]);
      expect(run.assertions.length).toBeGreaterThan(1);
      const kinds = new Set(parsed.scenario.steps.map((s) => s.do));
      for (const k of kinds)
        expect(['produce', 'kill', 'stop', 'restart', 'advance', 'settle', 'expect']).toContain(k);
      expect(notRunnableReason(parsed.scenario, `replay-${f.seed}.json`)).toBeNull();
    }
  });

  it('each schedule has at least two broker faults, and the set has kills, controlled shutdowns, restarts, both acks and losses', () => {
    for (const f of files)
      expect(f.counts.kill + f.counts.stop + f.counts.restart, `seed ${f.seed}`).toBeGreaterThan(1);
    const sum = (k: 'kill' | 'stop' | 'restart') => files.reduce((n, f) => n + f.counts[k], 0);
    expect(sum('kill')).toBeGreaterThan(10);
    expect(sum('stop')).toBeGreaterThan(10);
    expect(sum('restart')).toBeGreaterThan(10);
    const titles = files.map((f) => String(f.scenario.title));
    expect(titles.some((t) => t.includes('acks=1'))).toBe(true);
    expect(titles.some((t) => t.includes('acks=all, idempotence on'))).toBe(true);
    expect(titles.some((t) => t.includes('acks=all, idempotence off'))).toBe(true);
    const finalLost = files.map((f) => {
      const steps = f.scenario.steps as { lost?: string[] }[];
      return steps[steps.length - 1]!.lost ?? [];
    });
    expect(finalLost.filter((l) => l.length > 0).length).toBeGreaterThan(5);
  });

  it('ends with every broker up, then a final expect of logs, epoch caches, committed and lost sets', () => {
    for (const f of files) {
      const steps = f.scenario.steps as Record<string, unknown>[];
      const last = steps[steps.length - 1]!;
      expect(last.do).toBe('expect');
      expect(Object.values(last.brokers as object).every((b) => b === 'up')).toBe(true);
      const parts = last.partitions as Record<string, { replicas: object; isr: number[] }>;
      for (const p of Object.values(parts)) expect(Object.keys(p.replicas)).toHaveLength(3);
      expect(last).toHaveProperty('committed');
      expect(last).toHaveProperty('lost');
      expect(last).toHaveProperty('duplicates');
    }
  });
});
