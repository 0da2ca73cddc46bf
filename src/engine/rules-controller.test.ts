// R2-R4, R20-R23: creation, epochs, broker liveness and the KRaft controller.
import { describe, expect, it } from 'vitest';
import { cluster } from './test-support/cluster';

describe('partition state and epochs (R1-R4)', () => {
  it('R1/R2: at creation the leader is the first replica, the ISR is every replica, epochs are 0', () => {
    const c = cluster({
      brokers: [1, 2, 3, 4],
      assignment: [
        [3, 1, 4],
        [4, 2, 1],
      ],
    });
    expect(c.partition('t-0')).toMatchObject({
      replicas: [3, 1, 4],
      leader: 3,
      isr: [3, 1, 4],
      leaderEpoch: 0,
      partitionEpoch: 0,
    });
    expect(c.partition('t-1')).toMatchObject({ leader: 4, isr: [4, 2, 1] });
    expect(c.dump().leaderCounts).toEqual({ 1: 0, 2: 0, 3: 1, 4: 1 });
  });

  it('R3: the leader epoch grows by one on every leader change, including to and from none', () => {
    // ELR off: with it a crashed sole replica leaves the ELR and the partition stays offline (R45)
    const c = cluster({ assignment: [[1]], elr: 0 });
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: null, leaderEpoch: 1 });
    c.do({ type: 'restart', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    expect(c.partition()).toMatchObject({ leader: 1, leaderEpoch: 2 });
  });

  it('R4: a new leader records (new epoch -> its LEO) in its epoch cache before any write', () => {
    const c = cluster();
    c.produce(['a', 'b']).advance(1000);
    c.do({ type: 'stop', broker: 1 }).advance(100);
    expect(c.replica(2).epochCache).toEqual([
      [0, 0],
      [1, 2],
    ]);
  });

  it('R4: an epoch that started at the same offset as a newer one holds no record and leaves the cache (LeaderEpochFileCache.assign)', () => {
    // Found by replaying fault schedule 29 on Kafka 4.4.0: its checkpoint had [[5,0]] where the
    // engine kept [[3,0],[5,0]].
    const c = cluster();
    c.at(1000).do({ type: 'stop', broker: 1 }).advance(100);
    c.do({ type: 'stop', broker: 2 }).advance(100);
    // broker 3 leads in epoch 2 at offset 0; epochs 0 and 1 (brokers 1 and 2) wrote nothing
    expect(c.replica(3).epochCache).toEqual([[2, 0]]);
    c.do({ type: 'restart', broker: 1 }).advance(3000);
    c.produce(['a']).advance(1000);
    // broker 1 led epoch 0 from offset 0 ([0,0]); the record of epoch 2 at offset 0 replaces it
    expect(c.replica(1).epochCache).toEqual([[2, 0]]);
    expect(c.log(1)).toEqual(['a:e2']);
  });

  it('R4: a restart loads the log and cuts the epoch cache at its end: an epoch that wrote nothing is forgotten (LogLoader.load)', () => {
    // Found by replaying fault schedules 14, 16 and 59 on Kafka 4.4.0: a replica with an empty
    // log had an empty leader-epoch-checkpoint after its restart where the engine kept [[0,0]].
    const c = cluster();
    c.produce(['a', 'b']).advance(1000);
    c.do({ type: 'stop', broker: 1 }).advance(100);
    // broker 2 leads epoch 1 from offset 2 and writes nothing
    expect(c.replica(2).epochCache).toEqual([
      [0, 0],
      [1, 2],
    ]);
    c.do({ type: 'kill', broker: 2 }).advance(100);
    c.do({ type: 'restart', broker: 2 }).advance(1);
    expect(c.replica(2).epochCache).toEqual([[0, 0]]);
  });
});

describe('broker liveness and the controller (R20-R23)', () => {
  it('R20: a hard-killed broker is fenced broker.session.timeout.ms after its last heartbeat', () => {
    const c = cluster();
    c.at(1000).do({ type: 'kill', broker: 2 });
    const fenced = c.waitFor('brokerFenced', { broker: 2 });
    // last heartbeat reached the controller at t=1 (sent at 0, latency 1 ms)
    expect(fenced.t).toBe(9001);
    expect(c.dump().brokers).toMatchObject({ 2: 'down' });
    expect(c.partition().isr).toEqual([1, 3]);
  });

  it('R21: a restarted broker cannot register while its old session is valid, then stays fenced until caught up', () => {
    const c = cluster();
    c.at(1000).do({ type: 'kill', broker: 2 });
    c.at(2000).do({ type: 'restart', broker: 2 });
    const registered = c.waitFor('brokerRegistered', { broker: 2 });
    const fenced = c.events('brokerFenced')[0]!;
    expect(registered.t).toBeGreaterThanOrEqual(fenced.t);
    const unfenced = c.waitFor('brokerUnfenced', { broker: 2 });
    expect(unfenced.t).toBeGreaterThan(registered.t);
    c.waitFor('isrExpanded', { partition: 't-0' });
    expect(c.partition().isr.sort()).toEqual([1, 2, 3]);
  });

  it('R22: a controlled shutdown moves leadership at once, with no session timeout', () => {
    const c = cluster();
    c.at(1000).do({ type: 'stop', broker: 1 });
    const moved = c.waitFor('leaderChanged', { partition: 't-0' });
    expect(moved.t).toBeLessThan(1010);
    expect(c.partition()).toMatchObject({ leader: 2, isr: [2, 3], leaderEpoch: 1 });
    c.advance(100);
    expect(c.dump().brokers[1]).toBe('down');
  });

  it('R22: with no active controller a stopping broker waits, then exits after 5 minutes anyway (KafkaBroker.shutdown)', () => {
    const c = cluster();
    c.do({ type: 'killController', controller: 102 }).do({
      type: 'killController',
      controller: 103,
    });
    c.advance(8000);
    expect(c.s.quorum.active).toBeNull();
    c.do({ type: 'stop', broker: 2 }).advance(299_000);
    // nobody approved it: still up, still in the ISR
    expect(c.dump().brokers[2]).toBe('up');
    expect(c.partition().isr).toEqual([1, 2, 3]);
    c.advance(2000);
    expect(c.dump().brokers[2]).toBe('down');
    expect(c.events('brokerStopped').at(-1)!.text).toMatch(/timed out waiting for the controller/);
    // a controller back: broker 2's session expires and it leaves the ISR
    c.do({ type: 'restartController', controller: 102 });
    c.waitFor('brokerFenced', { broker: 2 });
    expect(c.partition()).toMatchObject({ leader: 1, isr: [1, 3] });
  });

  it('R23: a new active controller is elected after the old one crashes; brokers get fresh sessions', () => {
    const c = cluster();
    c.at(1000).do({ type: 'killController', controller: 101 });
    const elected = c.waitFor('controllerElected');
    expect(elected.t - 1000).toBeGreaterThanOrEqual(2000); // controller.quorum.fetch.timeout.ms
    expect(elected.t - 1000).toBeLessThan(4000);
    expect([102, 103]).toContain(c.s.quorum.active);
    c.do({ type: 'kill', broker: 3 });
    const fenced = c.waitFor('brokerFenced', { broker: 3 });
    expect(fenced.t - elected.t).toBeLessThanOrEqual(9000);
    expect(fenced.t - elected.t).toBeGreaterThanOrEqual(7000);
  });

  it('R23: produce, fetch, HW and acks go on without a controller', () => {
    const c = cluster();
    c.do({ type: 'killController', controller: 101 }).do({
      type: 'killController',
      controller: 102,
    });
    c.advance(5000);
    expect(c.s.quorum.active).toBeNull();
    c.produce(['a']).advance(100);
    expect(c.record('a')).toMatchObject({ status: 'acked', offset: 0 });
  });
});
