import { describe, expect, it } from 'vitest';
import { readScenario, scenarioRunner } from './test-support/scenario-runner';
import { dumpState, nextRid, type SimState } from '../engine/index';
import { SimRunner } from './runner';
import { HISTORY_MAX_RECORDS, HISTORY_WINDOW_MS, MAX_SNAPSHOTS } from './history';

const lecture = () => scenarioRunner('lecture');

/** Everything a user can see: the dump plus messages in flight. */
function picture(s: SimState) {
  return JSON.stringify({
    dump: dumpState(s),
    inflight: Object.values(s.inflight).map((m) => [
      m.id,
      m.payload.kind,
      m.from,
      m.to,
      m.sentAt,
      m.deliverAt,
    ]),
    queue: s.queue.length,
  });
}

function liveRun(until: number[]) {
  const r = lecture();
  const pictures: Record<number, string> = {};
  let t = 0;
  for (const target of until) {
    while (t < target) {
      const next = Math.min(target, t + 1000);
      r.advance(next - t);
      t = next;
      if (t === 10_000) r.command({ type: 'kill', broker: 2 });
    }
    pictures[target] = picture(r.state);
  }
  return { r, pictures };
}

/** Heavy tests (minutes of a streaming cluster) get an explicit limit: the default 5 s is too
 * close on a loaded 2-core machine (they take about 5 s unloaded). */
const HEAVY_MS = 60_000;

describe('time travel', () => {
  it('seeking back shows the cluster exactly as it was, messages in flight included', () => {
    const { r, pictures } = liveRun([7_500, 15_000, 40_000]);
    r.seek({ t: 15_000 });
    expect(picture(r.state)).toBe(pictures[15_000]);
    r.seek({ t: 7_500 });
    expect(picture(r.state)).toBe(pictures[7_500]);
  });

  it('playing on from the past replays the same future, commands included', () => {
    const { r, pictures } = liveRun([15_000, 40_000]);
    r.seek({ t: 5_000 });
    r.advance(10_000);
    expect(picture(r.state)).toBe(pictures[15_000]);
    r.advance(25_000);
    expect(picture(r.state)).toBe(pictures[40_000]);
    expect(r.commandLog.filter((c) => !c.fromScript)).toHaveLength(1);
  });

  it('acting in the past forks a new branch; the old one stays selectable', () => {
    const { r, pictures } = liveRun([40_000]);
    r.seek({ t: 5_000 });
    r.command({ type: 'kill', broker: 3 });
    expect(r.commandLog.filter((c) => !c.fromScript).map((c) => c.command)).toEqual([
      { type: 'kill', broker: 3 },
    ]);
    r.advance(10_000);
    expect(dumpState(r.state).brokers).toMatchObject({ 2: 'up', 3: 'down' });
    const view = r.view();
    expect(view.timeline!.branches).toHaveLength(2);
    r.selectBranch(0);
    r.seek({ t: 40_000 });
    expect(picture(r.state)).toBe(pictures[40_000]);
    expect(dumpState(r.state).brokers).toMatchObject({ 2: 'down', 3: 'up' });
  });

  it('step back undoes one step', () => {
    const r = lecture();
    r.advance(3_000);
    const before = picture(r.state);
    r.step();
    expect(picture(r.state)).not.toBe(before);
    r.stepBack();
    expect(picture(r.state)).toBe(before);
  });

  it('timeline markers: the kill, the fencing and the leader changes, sent only when they change', () => {
    const { r } = liveRun([15_000]);
    const first = r.view().timeline!;
    expect(first.markers!.map((m) => m.type)).toEqual(
      expect.arrayContaining(['brokerKilled', 'brokerFenced', 'leaderChanged', 'isrShrunk']),
    );
    expect(first.markers!.find((m) => m.type === 'brokerKilled')!.t).toBe(10_000);
    expect(r.view().timeline!.markers).toBeNull();
  });

  it(
    'snapshots stay bounded in a long run',
    () => {
      const r = lecture();
      for (let i = 0; i < 60; i++) r.advance(10_000);
      const snaps = r.snapshots.length;
      expect(snaps).toBeLessThanOrEqual(MAX_SNAPSHOTS);
      r.seek({ t: 123_456 });
      expect(r.now).toBe(123_456);
    },
    HEAVY_MS,
  );

  it(
    'a fast stream shortens the window: at most HISTORY_MAX_RECORDS records back',
    () => {
      const r = lecture();
      // Kafka's default batch.size: the lecture's 64 bytes (one record a batch, so the stream
      // visits every partition) cannot carry 500 records/s, and the backlog would swamp the run.
      r.command({
        type: 'setConfig',
        scope: 'client',
        id: 'producer',
        config: { 'batch.size': 16384 },
      });
      r.command({ type: 'produceStream', client: 'producer', rate: 500 });
      r.advance(12 * 60_000);
      const snaps = r.snapshots;
      const sent = nextRid(r.state);
      expect(sent).toBeGreaterThan(HISTORY_MAX_RECORDS * 1.2);
      // The first snapshot is the last one at or before the window's start.
      expect(snaps[0]!.sent).toBeLessThanOrEqual(sent - HISTORY_MAX_RECORDS);
      expect(snaps[1]!.sent).toBeGreaterThan(sent - HISTORY_MAX_RECORDS);
      expect(r.now - snaps[0]!.t).toBeLessThan(HISTORY_WINDOW_MS / 2);
      r.seek({ t: 0 });
      expect(r.now).toBe(snaps[0]!.t);
    },
    HEAVY_MS,
  );

  it(
    'a run longer than the window keeps its last 30 minutes: older moments clamp to the start',
    () => {
      const r = lecture();
      r.advance(HISTORY_WINDOW_MS * 2); // one jump: the runner still snapshots along the way
      const snaps = r.snapshots;
      const start = snaps[0]!.t;
      expect(start).toBeGreaterThan(0);
      expect(r.now - start).toBeGreaterThanOrEqual(HISTORY_WINDOW_MS);
      expect(r.now - start).toBeLessThan(HISTORY_WINDOW_MS * 1.2);
      expect(snaps.length).toBeGreaterThan(10);
      const head = picture(r.state);
      r.seek({ t: 1_000 });
      expect(r.now).toBe(start);
      r.seek({ t: start + 60_000 });
      expect(r.now).toBe(start + 60_000);
      r.seek({ t: r.view().timeline!.head });
      expect(picture(r.state)).toBe(head);
    },
    HEAVY_MS,
  );
});

describe('side by side', () => {
  it('a lane with another setting replays the run so far by simulated time', () => {
    const main = lecture();
    main.advance(1000);
    main.command({ type: 'kill', broker: 2 });
    main.advance(3000);
    const scenario = readScenario('lecture') as { clients: Record<string, unknown> };
    const lane = SimRunner.create(
      {
        ...scenario,
        clients: { ...scenario.clients, producer: { type: 'producer', config: { acks: '1' } } },
      },
      'demo',
    );
    if (!lane.ok) throw new Error(lane.errors.join('; '));
    lane.runner.replayByTime(main.recordedRun());
    expect(lane.runner.now).toBe(main.now);
    expect(dumpState(lane.runner.state).brokers).toMatchObject({ 2: 'down' });
    expect(
      lane.runner.commandLog.filter((c) => !c.fromScript).map((c) => [c.t, c.command]),
    ).toEqual([[1000, { type: 'kill', broker: 2 }]]);
  });
});
