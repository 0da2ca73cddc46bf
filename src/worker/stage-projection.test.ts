// The facts the stage draws beyond the cluster structure: message labels, the controller's view
// of each session, idle long polls, lagging followers, leadership moves and produce errors.
import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './test-support/scenario-runner';

const lecture = () => scenarioRunner('lecture');

describe('stage facts in the view', () => {
  it('labels a replicated record with its value and offset, and the produce with its value', () => {
    const r = lecture();
    r.advance(1000);
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['x'],
    });
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      r.advance(10);
      for (const m of r.view().messages)
        if (m.about === 'replicated_topic-0' && m.label) seen.add(`${m.kind} ${m.label}`);
    }
    const offset = r.state.brokers[2]!.replicas['replicated_topic-0']!.hw - 1;
    expect(seen).toContain('produce x');
    expect(seen).toContain(`fetchResponse x @${offset}`);
    expect(seen).toContain(`produceResponse ack @${offset}`);
  });

  it("counts down a killed broker's session as the controller sees it", () => {
    const r = lecture();
    r.advance(1000);
    const timeout = r.view().timings.sessionTimeoutMs;
    r.command({ type: 'kill', broker: 3 });
    r.advance(timeout / 2);
    const left = r.view().brokers.find((b) => b.id === 3)!.sessionRemainingMs!;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(timeout / 2);
    r.advance(timeout);
    expect(r.view().brokers.find((b) => b.id === 3)!.sessionRemainingMs).toBeNull(); // fenced
    const alive = r.view().brokers.find((b) => b.id === 0)!.sessionRemainingMs!;
    expect(alive).toBeGreaterThan(timeout - r.view().timings.heartbeatMs - 200);
  });

  it('an idle follower has a fetch parked at each leader it follows', () => {
    const r = lecture();
    r.advance(2000);
    const b0 = r.view().brokers.find((b) => b.id === 0)!;
    // broker 0 follows partitions led by brokers 1, 2, 3 and 4 (the lecture's layout)
    expect(b0.fetchingFrom.length).toBeGreaterThan(0);
    for (const leader of b0.fetchingFrom) expect(leader).not.toBe(0);
  });

  it('a paused follower shows its replica.lag.time.max.ms running out, then leaves the ISR', () => {
    const r = lecture();
    r.advance(1000);
    r.command({ type: 'pauseFetch', broker: 0 }); // a follower of partition 0 (leader 2)
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['y'],
    });
    const lag = r.view().timings.lagTimeMaxMs;
    r.advance(lag / 2);
    const l = r.view().lagging.find((x) => x.partition === 'replicated_topic-0' && x.broker === 0);
    expect(l).toBeDefined();
    expect(l!.remainingMs).toBeLessThan(lag);
    expect(l!.remainingMs + l!.lagMs).toBe(lag);
    r.advance(lag);
    const v = r.view();
    expect(v.lagging.some((x) => x.partition === 'replicated_topic-0' && x.broker === 0)).toBe(
      false,
    );
    expect(v.partitions!.find((p) => p.name === 'replicated_topic-0')!.isr).not.toContain(0);
  });

  it('remembers a leadership move: new leader, old leader and the new epoch', () => {
    const r = lecture();
    r.advance(1000);
    r.command({ type: 'kill', broker: 2 }); // leads partitions 0 and 6
    r.advance(r.view().timings.sessionTimeoutMs + 1000);
    const move = r.view().leaderChanges.find((c) => c.partition === 'replicated_topic-0')!;
    expect(move.previousLeader).toBe(2);
    expect(move.leader).not.toBe(2);
    expect(move.leaderEpoch).toBe(1);
    expect(move.unclean).toBe(false);
  });

  it('NOT_ENOUGH_REPLICAS is remembered with the partition and the leader that refused', () => {
    const r = lecture();
    r.advance(1000);
    // partition 0: leader 2, followers 0 and 1; min.insync.replicas 2: two followers gone
    r.command({ type: 'pauseFetch', broker: 0 });
    r.command({ type: 'pauseFetch', broker: 1 });
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['w'],
    }); // the paused followers fall behind and leave the ISR
    r.advance(r.view().timings.lagTimeMaxMs + 2000);
    expect(r.view().partitions!.find((p) => p.name === 'replicated_topic-0')!.isr).toEqual([2]);
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['z'],
    });
    r.advance(500);
    const e = r.view().produceErrors.find((x) => x.partition === 'replicated_topic-0');
    expect(e).toMatchObject({ client: 'producer', broker: 2, error: 'NOT_ENOUGH_REPLICAS' });
  });

  it('gives every replica its own LEO and HW', () => {
    const r = lecture();
    r.advance(1000);
    const v = r.view();
    expect(v.replicaOffsets).toHaveLength(2 * v.replicas!.length);
    v.replicas!.forEach((rep, i) => {
      const replica = r.state.brokers[rep.broker]!.replicas[rep.partition]!;
      expect(v.replicaOffsets[2 * i + 1]).toBe(replica.hw);
    });
  });
});
