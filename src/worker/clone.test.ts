import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  dumpState,
  runUntil,
  applyCommand,
  type SimState,
} from '../engine/index';
import { buildSetup, finale, type Case } from '../engine/test-support/fault-schedule';
import * as found from '../engine/test-support/regressions';
import { NEW_LEADER_TRUNCATED_ON_LATE_FETCH } from '../engine/test-support/regressions';
import { freezeState, thawState, type FrozenState } from './clone';

/** Records, logs, HWs, ISRs, losses: what a snapshot must give back exactly. */
function picture(s: SimState): string {
  return JSON.stringify({ dump: dumpState(s), queue: s.queue.length, now: s.now });
}

function run(c: Case, observeEveryMs: number, until: number) {
  const created = createSimulation(buildSetup(c.shape, c.mode));
  if (!created.ok) throw new Error(created.error);
  const s = created.state;
  const steps = [...c.schedule, ...finale(c.shape)].filter((st) => st.at <= until);
  const snaps: { frozen: FrozenState; picture: string }[] = [];
  let next = 0;
  const advance = (t: number) => {
    for (; next <= t; next += observeEveryMs) {
      runUntil(s, next);
      snaps.push({ frozen: freezeState(s), picture: picture(s) });
    }
    runUntil(s, t);
  };
  for (const st of steps) {
    advance(st.at);
    applyCommand(s, st.command);
  }
  advance(until);
  return { s, snaps };
}

describe('history snapshots share what never changes', () => {
  // An unclean election that truncates a leader's log and loses acknowledged records after the
  // snapshots were taken: shared logs, records and loss flags must not leak into the past.
  const c = NEW_LEADER_TRUNCATED_ON_LATE_FETCH;
  const until = 40_000;

  it('a snapshot thaws to exactly the state it was taken from, after truncations and losses', () => {
    const { s, snaps } = run(c, 2_500, until);
    expect(s.truncations.length).toBeGreaterThan(0);
    expect(s.checker.losses.length).toBeGreaterThan(0);
    for (const snap of snaps) expect(picture(thawState(snap.frozen))).toBe(snap.picture);
  });

  it('a thawed state played on reaches the same end as the live run', () => {
    const { s, snaps } = run(c, 2_500, until);
    const mid = snaps[Math.floor(snaps.length / 2)]!;
    const replayed = thawState(mid.frozen);
    const from = replayed.now;
    for (const st of [...c.schedule, ...finale(c.shape)]) {
      if (st.at <= from || st.at > until) continue;
      runUntil(replayed, st.at);
      applyCommand(replayed, st.command);
    }
    runUntil(replayed, until);
    expect(picture(replayed)).toBe(picture(s));
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
});
