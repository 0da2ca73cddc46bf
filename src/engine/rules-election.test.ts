// R25-R28: clean, unclean and preferred leader election.
import { describe, expect, it } from 'vitest';
import { logEndOffset } from './broker/log';
import { cluster } from './test-support/cluster';

describe('leader election (R25-R28)', () => {
  it('R25: the new leader is the first in-sync replica in assignment order, not the most caught-up one', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.do({ type: 'pauseFetch', broker: 2 });
    c.produce(['a', 'b']).advance(1000);
    expect(logEndOffset(c.replica(3))).toBe(2);
    expect(logEndOffset(c.replica(2))).toBe(0);
    c.do({ type: 'kill', broker: 1 });
    const changed = c.waitFor('leaderChanged', { partition: 't-0' });
    expect(changed.data).toMatchObject({
      leader: 2,
      previousLeader: 1,
      leaderEpoch: 1,
      election: 'clean',
    });
    expect(c.dump().lost.sort()).toEqual(['a', 'b']); // R42: acks=1 records the new leader lacks
  });

  it('R26 (ELR off): with no eligible ISR member and unclean election off the partition is offline until that member returns', () => {
    const c = cluster({ elr: 0 });
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['a']).advance(1000);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    c.do({ type: 'restart', broker: 2 }).advance(5000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [1] }); // broker 2 is not in the ISR
    expect(c.dump().offline).toEqual(['t-0']);
    c.do({ type: 'restart', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    expect(c.partition()).toMatchObject({ leader: 1, isr: [1] });
    expect(c.dump().lost).toEqual([]);
  });

  it('R27 (ELR off): an unclean election replaces the ISR in one change, told once', () => {
    const c = cluster({ topic: { 'unclean.leader.election.enable': true }, elr: 0 });
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    const before = c.events('isrExpanded').length + c.events('isrShrunk').length;
    c.do({ type: 'restart', broker: 3 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    const isrEvents = [...c.events('isrExpanded'), ...c.events('isrShrunk')].slice(before);
    expect(isrEvents).toHaveLength(1);
    expect(isrEvents[0]!.text).toMatch(
      /ISR replaced by \[3\] \(was \[1\]\) in an unclean election/,
    );
  });

  it('R27: unclean election picks the first live replica in assignment order with ISR = [it]; committed records are lost', () => {
    const c = cluster({ topic: { 'unclean.leader.election.enable': true } });
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['a']).advance(1000);
    expect(c.record('a')).toMatchObject({ status: 'acked', offset: 0 });
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    c.do({ type: 'restart', broker: 3 });
    const changed = c.waitFor('leaderChanged', { partition: 't-0' });
    expect(changed.data).toMatchObject({ leader: 3, election: 'unclean' });
    expect(c.partition()).toMatchObject({ leader: 3, isr: [3], recovering: true });
    expect(c.dump().lost).toEqual(['a']);
    expect(c.s.checker.losses.map((l) => l.value)).toEqual(['a']);
  });

  it('R28: restarting the preferred replica does not give leadership back; electPreferred does', () => {
    const c = cluster();
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition().leader).toBe(2);
    c.do({ type: 'restart', broker: 1 });
    c.waitFor('isrExpanded', { partition: 't-0' });
    c.advance(5000);
    expect(c.partition().leader).toBe(2);
    c.do({ type: 'electPreferred', partition: 't-0' }).advance(10);
    expect(c.partition()).toMatchObject({ leader: 1, leaderEpoch: 2 });
  });

  it('R28: preferred election never elects a replica outside the ISR', () => {
    const c = cluster();
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    const r = c.s.controller.partitions['t-0']!;
    expect(r.isr).not.toContain(1);
    c.do({ type: 'electPreferred', partition: 't-0' });
    expect(c.events('preferredLeaderNotAvailable')[0]?.data).toEqual({
      error: 'PREFERRED_LEADER_NOT_AVAILABLE',
    });
    expect(c.partition().leader).toBe(2);
  });

  it('R28: the automatic rebalance restores the preferred leader leader.imbalance.check.interval.seconds after the imbalance', () => {
    const c = cluster();
    c.do({ type: 'kill', broker: 1 });
    const moved = c.waitFor('leaderChanged', { partition: 't-0' });
    c.do({ type: 'restart', broker: 1 });
    const back = c.waitFor('leaderChanged', { partition: 't-0' }, 400_000);
    expect(back.data).toMatchObject({ leader: 1, election: 'preferred' });
    expect(back.t - moved.t).toBe(300_000);
  });
});
