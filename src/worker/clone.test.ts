import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  dumpState,
  runUntil,
  applyCommand,
  type SimState,
} from '../engine/index';
import {
  buildSetup,
  caseArb,
  describeCase,
  finale,
  FAULT_WINDOW_MS,
  SETTLE_MS,
  type Case,
  type Mode,
} from '../engine/test-support/fault-schedule';
import * as found from '../engine/test-support/regressions';
import { freezeState, thawState, type FrozenState } from './clone';

/** Records, logs, HWs, ISRs, losses: what a snapshot must give back exactly. */
function picture(s: SimState): string {
  return JSON.stringify({ dump: dumpState(s), queue: s.queue.length, now: s.now });
}

interface Snap {
  frozen: FrozenState;
  picture: string;
  /** steps of the schedule applied when it was taken */
  applied: number;
}

function stepsOf(c: Case, until: number) {
  return [...c.schedule, ...finale(c.shape)].filter((st) => st.at <= until);
}

/** Runs the case to `until`, taking a snapshot every `everyMs`. */
function run(c: Case, everyMs: number, until: number) {
  const created = createSimulation(buildSetup(c.shape, c.mode));
  if (!created.ok) throw new Error(created.error);
  const s = created.state;
  const steps = stepsOf(c, until);
  const snaps: Snap[] = [];
  let next = 0;
  let applied = 0;
  const advance = (t: number) => {
    for (; next <= t; next += everyMs) {
      runUntil(s, next);
      snaps.push({ frozen: freezeState(s), picture: picture(s), applied });
    }
    runUntil(s, t);
  };
  for (const st of steps) {
    advance(st.at);
    applyCommand(s, st.command);
    applied++;
  }
  advance(until);
  return { s, snaps };
}

/** A live state thawed from the snapshot, played on with the rest of the schedule. */
function playOn(c: Case, snap: Snap, until: number): SimState {
  const s = thawState(snap.frozen);
  for (const st of stepsOf(c, until).slice(snap.applied)) {
    runUntil(s, st.at);
    applyCommand(s, st.command);
  }
  runUntil(s, until);
  return s;
}

/** A truncation, then an acknowledged record lost in an unclean election (acks=1). */
const TRUNCATION_THEN_LOSS: Case = {
  shape: { brokers: 3, topics: [2, 2], latencyMs: 4, jitterMs: 0, seed: 2147483626 },
  mode: { acks: 1, idempotence: false, minIsr: 1, unclean: true },
  schedule: [
    { at: 16886, command: { type: 'partitionNetwork', a: 1, b: 2 } },
    {
      at: 16905,
      command: {
        type: 'produce',
        client: 'P',
        partition: 't0-0',
        records: ['v1.0', 'v1.1', 'v1.2', 'v1.3'],
      },
    },
    { at: 16909, command: { type: 'produce', client: 'P', partition: 't0-0', records: ['v2.0'] } },
    { at: 16915, command: { type: 'produce', client: 'P', partition: 't0-1', records: ['v3.0'] } },
    { at: 16933, command: { type: 'kill', broker: 1 } },
    { at: 17018, command: { type: 'restart', broker: 3 } },
    { at: 17747, command: { type: 'resumeFetch', broker: 3 } },
    {
      at: 19023,
      command: {
        type: 'produce',
        client: 'P',
        topic: 't1',
        records: ['v7.0', 'v7.1', 'v7.2', 'v7.3'],
      },
    },
    { at: 19292, command: { type: 'restart', broker: 2 } },
    { at: 19438, command: { type: 'partitionNetwork', a: 3, b: 'controller' } },
  ],
};

describe('history snapshots share what never changes', () => {
  // An unclean election that truncates a leader's log and loses acknowledged records after the
  // snapshots were taken: shared logs, records and loss flags must not leak into the past.
  const c = TRUNCATION_THEN_LOSS;
  const until = 40_000;

  it('a snapshot thaws to exactly the state it was taken from, after truncations and losses', () => {
    const { s, snaps } = run(c, 2_500, until);
    expect(s.truncations.length).toBeGreaterThan(0);
    expect(s.checker.losses.length).toBeGreaterThan(0);
    for (const snap of snaps) expect(picture(thawState(snap.frozen))).toBe(snap.picture);
  });

  it('a thawed state played on reaches the same end as the live run', () => {
    const { s: live, snaps } = run(c, 2_500, until);
    const mid = snaps[Math.floor(snaps.length / 2)]!;
    expect(picture(playOn(c, mid, until))).toBe(picture(live));
    // and playing on did not disturb the snapshot
    expect(picture(thawState(mid.frozen))).toBe(mid.picture);
  });

  it.each(Object.entries(found))(
    'snapshots taken every 500 ms of %s thaw exactly (retries, timeouts, elections)',
    (_, c) => {
      const { snaps } = run(c, 500, 30_000);
      for (const snap of snaps) expect(picture(thawState(snap.frozen))).toBe(snap.picture);
    },
  );

  const ANY_MODE: fc.Arbitrary<Mode> = fc.record({
    acks: fc.constantFrom(-1 as const, 1 as const, 0 as const),
    idempotence: fc.boolean(),
    minIsr: fc.integer({ min: 1, max: 2 }),
    unclean: fc.boolean(),
  });

  it('under random fault schedules, every snapshot thaws exactly and plays on to the live end', () => {
    const end = FAULT_WINDOW_MS + SETTLE_MS;
    fc.assert(
      fc.property(caseArb(ANY_MODE, 6), fc.nat(), (c, pick) => {
        const { s: live, snaps } = run(c, 7_000, end);
        const why = describeCase(c);
        for (const snap of snaps) expect(picture(thawState(snap.frozen)), why).toBe(snap.picture);
        const from = snaps[pick % snaps.length]!;
        expect(picture(playOn(c, from, end)), why).toBe(picture(live));
      }),
      {
        numRuns: Number(process.env.PROPERTY_RUNS ?? '') || 25,
        ...(process.env.CI ? { seed: 20261124 } : {}),
      },
    );
  }, 120_000);
});
