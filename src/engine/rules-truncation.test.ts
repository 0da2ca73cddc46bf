// R29-R33: becoming leader or follower, and truncation by leader epoch.
import { describe, expect, it } from 'vitest';
import { cluster } from './test-support/cluster';

describe('new leaders and truncation (R29-R33)', () => {
  it('R29: a new leader keeps records above its own stale HW and commits them once the ISR has them', () => {
    const c = cluster();
    c.produce(['a']).at(7);
    expect(c.log(2)).toEqual(['a:e0']);
    expect(c.replica(2).hw).toBe(0); // it has not learned the HW yet
    c.do({ type: 'kill', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    expect(c.log(2)).toEqual(['a:e0']);
    c.waitFor('highWatermarkAdvanced', { broker: 2 });
    expect(c.replica(2).hw).toBe(1);
    expect(c.dump().committed['t-0']).toEqual(['a']);
  });

  it('R31/R33: a returning leader truncates its unreplicated suffix to the leader-epoch boundary, not to its HW', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.produce(['a']).advance(1000);
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['b']).advance(100);
    expect(c.log(1)).toEqual(['a:e0', 'b:e0']);
    c.do({ type: 'kill', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.do({ type: 'resumeFetch', broker: 2 }).do({ type: 'resumeFetch', broker: 3 });
    c.produce(['c']).advance(1000);
    expect(c.log(2)).toEqual(['a:e0', 'c:e1']);
    c.do({ type: 'restart', broker: 1 });
    const t = c.waitFor('truncated', { broker: 1 });
    expect(t.data).toEqual({ fromLeo: 2, toOffset: 1 });
    c.waitFor('isrExpanded', { partition: 't-0' });
    expect(c.log(1)).toEqual(['a:e0', 'c:e1']);
    expect(c.replica(1).epochCache).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(c.dump().truncations).toEqual([
      { broker: 1, partition: 't-0', fromLeo: 2, toOffset: 1 },
    ]);
    expect(c.dump().lost).toEqual(['b']);
  });

  it('R31: after back-to-back elections a replica truncates to the largest common prefix (KIP-279)', () => {
    const c = cluster({
      brokers: [1, 2],
      assignment: [[1, 2]],
      topic: { 'unclean.leader.election.enable': true },
      producer: { acks: 1, 'enable.idempotence': false },
    });
    c.produce(['m1']).advance(1000);
    c.do({ type: 'pauseFetch', broker: 2 });
    c.produce(['m2']).advance(100); // only on broker 1, epoch 0
    c.do({ type: 'kill', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' }); // broker 2, epoch 1
    c.do({ type: 'resumeFetch', broker: 2 });
    c.produce(['m3']);
    c.waitFor('recordAcked', { record: 'm3' }); // only on broker 2, epoch 1, same offset as m2
    expect(c.log(2)).toEqual(['m1:e0', 'm3:e1']);
    c.do({ type: 'kill', broker: 2 });
    c.waitFor('brokerFenced', { broker: 2 }); // offline, epoch 2
    c.do({ type: 'restart', broker: 1 });
    const unclean = c.waitFor('leaderChanged', { partition: 't-0' });
    expect(unclean.data).toMatchObject({ leader: 1, leaderEpoch: 3, election: 'unclean' });
    c.do({ type: 'restart', broker: 2 });
    const t = c.waitFor('truncated', { broker: 2 });
    expect(t.data).toEqual({ fromLeo: 2, toOffset: 1 });
    c.advance(2000);
    expect(c.log(2)).toEqual(['m1:e0', 'm2:e0']);
    expect(c.log(1)).toEqual(['m1:e0', 'm2:e0']);
    expect(c.replica(1).epochCache).toEqual([
      [0, 0],
      [3, 2],
    ]);
    expect(c.dump().lost).toEqual(['m3']);
    expect(c.s.checker.violations).toEqual([]);
  });
});
