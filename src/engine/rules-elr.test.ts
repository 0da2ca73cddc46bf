// R45: eligible leader replicas (KIP-966), on by default as on a new Kafka 4.1+ cluster.
import { describe, expect, it } from 'vitest';
import { cluster } from './test-support/cluster';

describe('eligible leader replicas (R45)', () => {
  it('R45: fencing the last ISR member empties the ISR; the members that left below min ISR stay eligible', () => {
    const c = cluster();
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: 1, isr: [1], elr: [] }); // min ISR 1 is met
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [], elr: [1], leaderEpoch: 1 });
  });

  it('R45: a replica that left the ISR below min ISR is elected cleanly once the ISR empties', () => {
    const c = cluster({ topic: { 'min.insync.replicas': 2 } });
    c.produce(['a']).advance(1000);
    c.do({ type: 'pauseFetch', broker: 3 }).produce(['b']).advance(45_000);
    expect(c.partition()).toMatchObject({ isr: [1, 2], elr: [] });
    c.do({ type: 'pauseFetch', broker: 2 }).produce(['c']).advance(45_000);
    expect(c.partition()).toMatchObject({ leader: 1, isr: [1], elr: [2] });
    c.do({ type: 'stop', broker: 1 }).advance(200);
    // without ELR the ISR would stay [1] and the partition would be offline (R26)
    expect(c.partition()).toMatchObject({ leader: 2, isr: [2], elr: [1], leaderEpoch: 1 });
    expect(c.events('leaderChanged').at(-1)!.rule).toBe('R45');
    expect(c.dump().lost).toEqual([]);
  });

  it('R45 (ELR off): the same faults leave the partition offline with the last ISR member kept', () => {
    const c = cluster({ topic: { 'min.insync.replicas': 2 }, elr: 0 });
    c.produce(['a']).advance(1000);
    c.do({ type: 'pauseFetch', broker: 3 }).produce(['b']).advance(45_000);
    c.do({ type: 'pauseFetch', broker: 2 }).produce(['c']).advance(45_000);
    c.do({ type: 'stop', broker: 1 }).advance(200);
    expect(c.partition()).toMatchObject({ leader: null, isr: [1], elr: [] });
  });

  it('R45: when the ISR empties the last leader is remembered (last-known ELR); back from a crash it leaves the ELR but leads again, as an unclean election (balanced recovery)', () => {
    const c = cluster();
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [], elr: [1], lastKnownElr: [1] });
    // another replica coming back cannot lead: it is neither in the ISR nor eligible
    c.do({ type: 'restart', broker: 2 }).advance(5_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [], elr: [1], lastKnownElr: [1] });
    expect(c.dump().offline).toEqual(['t-0']);
    c.do({ type: 'restart', broker: 1 }).advance(5_000);
    // unclean.leader.election.enable is false, yet Kafka 4.x elects the last known leader
    expect(c.partition()).toMatchObject({ leader: 1, elr: [], lastKnownElr: [] });
    const election = c.events('leaderChanged').at(-1)!;
    expect(election.data).toMatchObject({ leader: 1, election: 'unclean' });
    expect(c.dump().lost).toEqual([]);
  });

  it('R10/R45: a lowered min.insync.replicas does not advance the HW by itself; the next append does', () => {
    // the ELR it clears reaches the leader before the new config (same metadata batch), so the
    // HW is recomputed under the old min ISR; Kafka 4.4.0 showed the same (m1 uncommitted 5 s on)
    const c = cluster({ topic: { 'min.insync.replicas': 2 }, producer: { acks: 1 } });
    c.do({ type: 'stop', broker: 3 }).do({ type: 'stop', broker: 2 }).advance(100);
    c.produce(['m1']).advance(100);
    expect(c.partition()).toMatchObject({ isr: [1], elr: [2] });
    c.do({ type: 'setConfig', scope: 'topic', id: 't', config: { 'min.insync.replicas': 1 } });
    c.advance(5000);
    expect(c.partition().elr).toEqual([]);
    expect(c.dump().uncommitted).toEqual(['m1']);
    c.produce(['m2']).advance(100);
    expect(c.dump().committed).toEqual({ 't-0': ['m1', 'm2'] });
  });

  it('R45: changing min.insync.replicas clears the ELR', () => {
    const c = cluster({ topic: { 'min.insync.replicas': 2 } });
    c.do({ type: 'pauseFetch', broker: 3 }).produce(['b']).advance(45_000);
    c.do({ type: 'pauseFetch', broker: 2 }).produce(['c']).advance(45_000);
    expect(c.partition().elr).toEqual([2]);
    c.do({ type: 'setConfig', scope: 'topic', id: 't', config: { 'min.insync.replicas': 1 } });
    expect(c.partition()).toMatchObject({ isr: [1], elr: [], lastKnownElr: [] });
  });
});
