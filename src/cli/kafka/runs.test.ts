import { afterEach, describe, expect, it } from 'vitest';
import type { KafkaScenarioRun, ScenarioResult } from './run-on-kafka';
import { runWithRetry } from './runs';

const result = (over: Partial<ScenarioResult>): ScenarioResult => ({
  file: 'x.json',
  title: 'x',
  verdict: 'agree',
  steps: [],
  engineFailures: [],
  seconds: 1,
  ...over,
});

/** A run factory answering the given results in turn, counting the clusters it started. */
function runs(...answers: ScenarioResult[]) {
  let started = 0;
  const make = () => ({ run: async () => answers[started++]! }) as unknown as KafkaScenarioRun;
  return { make, started: () => started };
}

const unknownDifference = {
  step: 3,
  label: 'expect',
  ok: false,
  differences: [{ path: 'partitions.t-0.isr', kafka: [1], engine: [1, 2] }],
  notCompared: [],
  seconds: 1,
};

describe('runWithRetry: one more try on a fresh cluster', () => {
  afterEach(() => {
    delete process.env.KAFKA_RETRY;
  });

  it('a harness error is run again; the result keeps the first reason', async () => {
    const r = runs(result({ verdict: 'harness error', reason: 'port taken' }), result({}));
    const out = await runWithRetry(r.make, () => 'unused');
    expect(r.started()).toBe(2);
    expect(out.verdict).toBe('agree');
    expect(out.firstAttempt).toBe('port taken');
  });

  it('an unexplained difference is run again, worded by the caller', async () => {
    const first = result({ verdict: 'differ', steps: [unknownDifference] });
    const r = runs(first, result({ verdict: 'differ', steps: [unknownDifference] }));
    const out = await runWithRetry(r.make, (x) => `${x.verdict} at steps[3]`);
    expect(r.started()).toBe(2);
    expect(out.verdict).toBe('differ');
    expect(out.firstAttempt).toBe('differ at steps[3]');
  });

  it('an agreement, a timed-out run and KAFKA_RETRY=0 get no second try', async () => {
    for (const [answer, env] of [
      [result({}), undefined],
      [result({ verdict: 'harness error', reason: 'slow', timedOut: true }), undefined],
      [result({ verdict: 'harness error', reason: 'port taken' }), '0'],
    ] as const) {
      if (env) process.env.KAFKA_RETRY = env;
      const r = runs(answer, result({}));
      const out = await runWithRetry(r.make, () => 'unused');
      expect(r.started()).toBe(1);
      expect(out).toBe(answer);
    }
  });
});
