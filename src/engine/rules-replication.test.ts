// R11-R18: the follower fetch loop, the high watermark and ISR maintenance.
import { describe, expect, it } from 'vitest';
import { logEndOffset } from './broker/log';
import { cluster } from './test-support/cluster';
import { onBrokerMessage } from './broker/broker';
import { maximalIsr } from './broker/leader-state';

describe('replication and the high watermark (R11-R15)', () => {
  it('R11: the leader learns a follower has a record only from its next fetch; followers learn the HW one round later', () => {
    const c = cluster();
    c.produce(['a']);
    c.at(7);
    expect(c.log(2)).toEqual(['a:e0']); // fetched in the response to the parked fetch
    expect(c.replica(1).hw).toBe(0); // the leader does not know yet
    c.at(8);
    expect(c.replica(1).hw).toBe(1); // the next fetches (offset 1) advanced it
    c.at(508);
    expect(c.replica(2).hw).toBe(0); // that fetch is parked for replica.fetch.wait.max.ms
    c.at(509);
    expect(c.replica(2).hw).toBe(1);
  });

  it('R11: a manual fetch makes one new round trip even while a fetch from before the pause is parked', () => {
    const c = cluster();
    c.s.messageLog = [];
    c.at(1000); // follower 3's idle fetch is parked at leader 1
    const parked = c.s.brokers[1]!.parkedFetches.filter((p) => p.replicaId === 3);
    expect(parked).toHaveLength(1);
    c.do({ type: 'pauseFetch', broker: 3 }).do({ type: 'fetch', broker: 3 });
    const sent = () =>
      c.s.messageLog!.filter(
        (m) => m.what === 'send' && m.kind === 'fetch' && m.from === 'broker:3',
      );
    const before = sent().length;
    c.advance(1);
    expect(sent()).toHaveLength(before); // nothing else sends: the new fetch left at t=1000
    expect(sent().at(-1)!.t).toBe(1000);
    c.advance(600); // both fetches answered: the old one is discarded, the new one counted
    expect(c.s.brokers[3]!.fetchers[1]!.inflight).toBe(0);
    expect(c.s.brokers[1]!.parkedFetches.filter((p) => p.replicaId === 3)).toHaveLength(0);
  });

  it('R12: a fetch with an old leader epoch gets FENCED_LEADER_EPOCH, a newer one UNKNOWN_LEADER_EPOCH', () => {
    const c = cluster();
    c.do({ type: 'stop', broker: 1 }).advance(100);
    expect(c.partition().leader).toBe(2);
    const fetch = (epoch: number) =>
      c.request('broker:3', 'broker:2', {
        kind: 'fetch',
        fetchId: 999_000 + epoch,
        replicaId: 3,
        brokerEpoch: 3,
        dropResponse: false,
        partitions: [
          { partition: 't-0', fetchOffset: 0, currentLeaderEpoch: epoch, lastFetchedEpoch: -1 },
        ],
      });
    expect(fetch(0)).toMatchObject({ partitions: [{ error: 'FENCED_LEADER_EPOCH' }] });
    expect(fetch(5)).toMatchObject({ partitions: [{ error: 'UNKNOWN_LEADER_EPOCH' }] });
  });

  it('R13: the HW is the minimum LEO of the ISR: one lagging ISR member holds it back', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a', 'b']).advance(1000);
    expect(logEndOffset(c.replica(1))).toBe(2);
    expect(logEndOffset(c.replica(2))).toBe(2);
    expect(c.replica(1).hw).toBe(0);
    c.do({ type: 'resumeFetch', broker: 3 });
    c.waitFor('highWatermarkAdvanced', { broker: 1 });
    expect(c.replica(1).hw).toBe(2);
  });

  it('R13: the HW never decreases', () => {
    const c = cluster();
    c.produce(['a']).advance(1000);
    expect(c.replica(1).hw).toBe(1);
    c.do({ type: 'kill', broker: 3 }).advance(20_000);
    expect(c.replica(1).hw).toBe(1);
  });
});

describe('ISR maintenance (R15-R19)', () => {
  it('R16: a stuck follower leaves the ISR between 1x and 1.5x replica.lag.time.max.ms after it last caught up', () => {
    const c = cluster({ broker: { 'replica.lag.time.max.ms': 10_000 } });
    c.at(1000).do({ type: 'pauseFetch', broker: 3 });
    const caughtUp = c.replica(1).followers[3]!.lastCaughtUpTime;
    c.produce(['a']);
    const shrunk = c.waitFor('isrShrunk', { partition: 't-0' });
    expect(shrunk.t - caughtUp).toBeGreaterThanOrEqual(10_000);
    expect(shrunk.t - caughtUp).toBeLessThanOrEqual(15_000 + 2);
    expect(c.partition().isr).toEqual([1, 2]);
    expect(c.partition().leaderEpoch).toBe(0); // R3: an ISR change does not bump the leader epoch
    expect(c.partition().partitionEpoch).toBe(1);
  });

  it('R16: a silent follower whose LEO equals the leader LEO is not removed when nothing is written', () => {
    const c = cluster({ broker: { 'replica.lag.time.max.ms': 10_000 } });
    c.do({ type: 'pauseFetch', broker: 3 }).advance(60_000);
    expect(c.partition().isr).toEqual([1, 2, 3]);
    expect(c.events('isrShrunk')).toEqual([]);
  });

  it('R17: without an active controller the ISR cannot shrink and acks=all stays blocked', () => {
    const c = cluster({ broker: { 'replica.lag.time.max.ms': 4000 } });
    c.do({ type: 'killController', controller: 101 }).do({
      type: 'killController',
      controller: 102,
    });
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(20_000);
    expect(c.s.quorum.active).toBeNull();
    expect(c.partition().isr).toEqual([1, 2, 3]);
    expect(c.replica(1).pendingIsr?.isr).toEqual([1, 2]);
    expect(c.replica(1).hw).toBe(0);
    expect(c.record('a').status).toBe('pending');
  });

  it('R17: an answer to another proposal is ignored; a rejection saying the leader is out of date keeps the proposal pending until the metadata log catches up; INELIGIBLE_REPLICA resets it', () => {
    const c = cluster({ broker: { 'replica.lag.time.max.ms': 4000 } });
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']);
    c.waitFor('isrShrunk', { partition: 't-0' }, 10_000);
    c.do({ type: 'resumeFetch', broker: 3 });
    c.until(() => c.replica(1).pendingIsr?.kind === 'expand');
    const pending = { ...c.replica(1).pendingIsr! };
    expect(pending.isr).toEqual([1, 2, 3]);
    const answer = (error: string | null, partitionEpoch = pending.partitionEpoch) =>
      onBrokerMessage(c.s, c.s.brokers[1]!, {
        id: -1,
        from: 'controller:101',
        to: 'broker:1',
        sentAt: c.s.now,
        deliverAt: c.s.now,
        payload: {
          kind: 'alterPartitionResponse',
          partition: 't-0',
          proposal: { partitionEpoch, newIsr: pending.isr },
          error,
          state: null,
        },
      });
    answer(null, pending.partitionEpoch - 1); // a late answer to an earlier proposal
    expect(c.replica(1).pendingIsr?.isr).toEqual([1, 2, 3]);
    answer('INVALID_UPDATE_VERSION');
    expect(c.replica(1).pendingIsr?.isr).toEqual([1, 2, 3]);
    expect(maximalIsr(c.replica(1))).toContain(3); // the HW still waits for broker 3
    answer('INELIGIBLE_REPLICA');
    expect(c.replica(1).pendingIsr).toBeNull();
  });

  it('R18: a follower rejoins once its LEO reaches the leader HW (not its LEO)', () => {
    const c = cluster({ broker: { 'replica.lag.time.max.ms': 4000 } });
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']);
    c.waitFor('isrShrunk', { partition: 't-0' }, 10_000);
    c.do({ type: 'resumeFetch', broker: 3 });
    const expanded = c.waitFor('isrExpanded', { partition: 't-0' });
    expect(expanded.data?.added).toEqual([3]);
    expect(c.partition().isr).toEqual([1, 2, 3]);
    expect(logEndOffset(c.replica(3))).toBeGreaterThanOrEqual(c.replica(1).hw);
  });

  it('R19 (ELR off): fencing removes a broker from every ISR; the last member stays and the partition goes offline', () => {
    const c = cluster({ elr: 0 });
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    expect(c.partition().isr).toEqual([1]);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [1], leaderEpoch: 1 });
    expect(c.dump().offline).toEqual(['t-0']);
  });
});
