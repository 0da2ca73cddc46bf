import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './test-support/scenario-runner';
import { SimRunner } from './runner';

const runner = (name = 'three-brokers', timings: 'kafka' | 'demo' = 'kafka') =>
  scenarioRunner(name, timings);

describe('SimRunner', () => {
  it('reports a bad scenario with the field at fault and builds nothing', () => {
    const r = SimRunner.create(
      { format: 'kafka-replication-scenario/1', title: 'x', cluster: { brokers: 0 } },
      'kafka',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join(' ')).toMatch(/cluster\.brokers/);
  });

  it('advances simulated time by wall time x speed only while playing', () => {
    const r = runner();
    r.tick(100);
    expect(r.now).toBe(0);
    r.playing = true;
    r.speed = 2;
    r.tick(100);
    expect(r.now).toBe(200);
    r.speed = 0.01;
    r.tick(150);
    r.tick(150);
    expect(r.now).toBe(203); // fractions carry over
  });

  it('caps one tick at 250 ms of wall time (a background tab coming back)', () => {
    const r = runner();
    r.playing = true;
    r.tick(60_000);
    expect(r.now).toBe(250);
  });

  it('stops playing with a notice once it keeps too many records for the tab', () => {
    const r = runner('lecture');
    r.keptRecordsLimit = 2_000;
    r.command({ type: 'produceStream', client: 'producer', rate: 40 });
    r.playing = true;
    r.speed = 100;
    for (let i = 0; i < 100 && r.playing; i++) r.tick(250); // 25 simulated s per tick
    expect(r.playing).toBe(false);
    const kept = r.state.records.length;
    expect(kept).toBeGreaterThanOrEqual(2_000);
    expect(kept).toBeLessThan(2_000 + 25 * 40 + 10); // stopped at the first tick past it
    expect(r.takeNotice()).toMatch(
      /^Paused: the simulated cluster keeps 2,\d{3} records.*retention\.ms/,
    );
    expect(r.takeNotice()).toBeNull();
    // Below the limit nothing stops: the lecture's own hour of retention keeps far fewer.
    const quiet = runner('lecture');
    quiet.playing = true;
    quiet.speed = 100;
    for (let i = 0; i < 100; i++) quiet.tick(250);
    expect(quiet.playing).toBe(true);
    expect(quiet.takeNotice()).toBeNull();
  }, 60_000); // about 1.7 s unloaded: an explicit limit for a loaded machine

  it('step processes one protocol event: one delivery or one state change', () => {
    const r = runner();
    r.command({ type: 'produce', client: 'P', partition: 't-0', records: ['a'] });
    r.state.messageLog = [];
    for (let i = 0; i < 20; i++) {
      const events = r.state.eventCount;
      const logged = r.state.messageLog.length;
      r.step();
      const deliveries = r.state.messageLog
        .slice(logged)
        .filter((m) => m.what === 'deliver').length;
      expect(deliveries).toBeLessThanOrEqual(1);
      expect(deliveries === 1 || r.state.eventCount > events).toBe(true);
    }
  });

  it('runUntilEvent stops at the next event of that type with its millisecond applied', () => {
    const r = runner();
    r.command({ type: 'produce', client: 'P', partition: 't-0', records: ['a'] });
    expect(r.runUntilEvent('recordAcked', 10_000)).toBe(true);
    expect(r.now).toBe(9);
    expect(r.state.records[0]!.status).toBe('acked');
  });

  it('stamps every accepted command with its simulated time (the replay log)', () => {
    const r = runner();
    r.advance(500);
    r.command({ type: 'kill', broker: 2 });
    expect(r.command({ type: 'kill', broker: 99 }).ok).toBe(false);
    expect(r.commandLog).toEqual([
      { t: 500, d: r.state.dispatched, command: { type: 'kill', broker: 2 }, fromScript: false },
    ]);
  });

  it("applies the scenario's actions when time reaches them (the lecture's producer stream and consumer)", () => {
    const r = runner('lecture', 'demo');
    r.advance(3000);
    const v = r.view();
    expect(v.clients.find((c) => c.id === 'producer')!.acked).toBeGreaterThan(2);
    expect(v.clients.find((c) => c.id === 'consumer')!.consumed).toBeGreaterThan(0);
    expect(v.timings).toMatchObject({ preset: 'demo', latencyMs: 50, sessionTimeoutMs: 2000 });
  });

  it('sends each event once across views', () => {
    const r = runner();
    r.command({ type: 'produce', client: 'P', partition: 't-0', records: ['a'] });
    r.advance(100);
    const first = r.view().events.map((e) => e.seq);
    r.advance(1000);
    const second = r.view().events.map((e) => e.seq);
    expect(first.length).toBeGreaterThan(0);
    expect(second.every((s) => !first.includes(s))).toBe(true);
  });
});
