// R34-R40, R44: consumers, producer retries, idempotence, no-leader expiry and zombie leaders.
import { describe, expect, it } from 'vitest';
import { cluster } from './test-support/cluster';
import { partitionForKey } from './clients/partitioner';
import { readAsConsumer } from './core/project-dump';

describe('consumers (R34, R35)', () => {
  it('R34: consumers only get records below the HW; between HW and LEO is empty; beyond LEO is out of range', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.produce(['a']).advance(1000);
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['b']).advance(1000);
    expect(c.replica(1).hw).toBe(1);
    expect(readAsConsumer(c.s, 'C', 't-0', 0).records).toEqual(['a']);
    expect(readAsConsumer(c.s, 'C', 't-0', 1).records).toEqual([]);
    expect(readAsConsumer(c.s, 'C', 't-0', 3).error).toBe('OFFSET_OUT_OF_RANGE');
    c.do({ type: 'consume', client: 'C', partition: 't-0', from: 0 });
    c.until((s) => !s.consumers.C!.ops['t-0']);
    expect(c.s.consumers.C!.outcomes['t-0']).toMatchObject({ from: 0, records: ['a'] });
  });

  it('R35: after an unclean election a consumer detects the truncation below its position', () => {
    const c = cluster({
      topic: { 'unclean.leader.election.enable': true },
      consumer: { 'auto.offset.reset': 'none' },
    });
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['a', 'b']).advance(1000);
    c.do({ type: 'poll', client: 'C', partition: 't-0' });
    c.until((s) => !s.consumers.C!.ops['t-0']);
    expect(c.s.consumers.C!.outcomes['t-0']!.records).toEqual(['a', 'b']);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    c.do({ type: 'restart', broker: 2 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.do({ type: 'refreshMetadata', client: 'C' }).advance(100);
    c.do({ type: 'poll', client: 'C', partition: 't-0' });
    c.until((s) => !s.consumers.C!.ops['t-0']);
    expect(c.s.consumers.C!.outcomes['t-0']).toMatchObject({ error: 'LogTruncationException' });
    expect(c.events('logTruncationDetected')[0]!.data).toMatchObject({ position: 2, endOffset: 0 });
  });
});

describe('producer client (R37-R40)', () => {
  it('keyed records go to murmur2(key) % partitions, as the Java client', () => {
    const c = cluster({
      brokers: [1, 2, 3],
      assignment: [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
        [1, 3, 2],
        [2, 1, 3],
        [3, 2, 1],
        [1, 2, 3],
      ],
    });
    c.do({ type: 'produce', client: 'P', topic: 't', key: '21', records: ['k'] }).advance(1000);
    expect(partitionForKey('21', 7)).toBe(3);
    expect(c.record('k')).toMatchObject({ partition: 't-3', status: 'acked' });
  });

  it('keyless records go to a partition with a leader: send() waits for the metadata before it picks one (BuiltInPartitioner)', () => {
    // t-0 and t-1 have one replica each; t-0 goes offline before the producer's first send
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const c = cluster({ seed, assignment: [[1], [2]] });
      c.do({ type: 'kill', broker: 1 }).advance(12_000);
      expect(c.partition('t-0').leader).toBeNull();
      c.do({ type: 'produce', client: 'P', topic: 't', records: ['x', 'y'] }).advance(2000);
      expect(c.record('x')).toMatchObject({ partition: 't-1', status: 'acked', offset: 0 });
      expect(c.record('y')).toMatchObject({ partition: 't-1', status: 'acked', offset: 1 });
    }
  });

  it('R39: a keyless record that waited for the metadata stays ahead of a later send to the partition it goes to', () => {
    // found by the R39 property (seed 2060793867): "x" waited for t's metadata, "y" was sent
    // after it to t-1 explicitly; both land on t-1, and "x" must come first
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const c = cluster({ seed, assignment: [[1], [2]] });
      c.do({ type: 'kill', broker: 1 }).advance(12_000);
      c.do({ type: 'produce', client: 'P', topic: 't', records: ['x'] });
      c.do({ type: 'produce', client: 'P', partition: 't-1', records: ['y'] }).advance(2000);
      expect(c.record('x')).toMatchObject({ partition: 't-1', status: 'acked', offset: 0 });
      expect(c.record('y')).toMatchObject({ partition: 't-1', status: 'acked', offset: 1 });
    }
  });

  it('R38: a retriable error is retried after a metadata refresh and succeeds on the new leader', () => {
    const c = cluster();
    c.produce(['a']).advance(1000);
    c.produce(['b']).advance(5); // linger.ms: the request is on the wire now
    c.do({ type: 'kill', broker: 1 }); // the connection breaks under it
    c.waitFor('recordAcked', { record: 'b' });
    const b = c.record('b');
    expect(b.attemptErrors.length).toBeGreaterThan(0);
    expect(b.attemptErrors[0]).toBe('NETWORK_EXCEPTION');
    expect(b).toMatchObject({ status: 'acked', offset: 1 });
    expect(c.partition().leader).toBe(2);
  });

  it('R38 (connections): a request to a broker whose process is down is never written; the record waits and goes to the new leader', () => {
    const c = cluster({ producer: { acks: 0, 'enable.idempotence': false } });
    c.produce(['a']).advance(1000);
    c.do({ type: 'kill', broker: 1 }).produce(['b']).advance(1000);
    expect(c.record('b')).toMatchObject({ status: 'pending', attemptErrors: [] });
    expect(c.events('connectionRefused')).toHaveLength(1);
    expect(c.dump().lost).toEqual([]);
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.waitFor('recordSent', { record: 'b' });
    c.advance(100);
    expect(c.partition().leader).toBe(2);
    expect(c.log(2)).toEqual(['a:e0', 'b:e1']);
    expect(c.dump().lost).toEqual([]);
  });

  it('R7/R38 (connections): an acks=0 produce to a broker that no longer leads closes the connection; the client refreshes and sends to the new leader', () => {
    const c = cluster({ producer: { acks: 0, 'enable.idempotence': false } });
    c.produce(['a']).advance(1000);
    // Move leadership away from 1 without the producer noticing: a controlled shutdown and restart.
    c.do({ type: 'stop', broker: 1 }).advance(50);
    c.do({ type: 'restart', broker: 1 }).advance(3000);
    expect(c.partition().leader).toBe(2);
    expect(c.s.producers.P!.metadata.partitions['t-0']!.leader).toBe(1); // stale
    c.produce(['b']).advance(200);
    expect(c.events('connectionClosed')).toHaveLength(1);
    expect(c.record('b').status).toBe('sent');
    expect(c.dump().lost).toEqual(['b']); // R41: an acks=0 record the broker did not take
    expect(c.s.producers.P!.metadata.partitions['t-0']!.leader).toBe(2); // refreshed
    c.produce(['c']).advance(200);
    expect(c.log(2)).toEqual(['a:e0', 'c:e1']);
  });

  it('R39: an idempotent retry of a batch already in the log gets its original offset and is not appended twice', () => {
    const c = cluster({ producer: { 'request.timeout.ms': 1000, 'delivery.timeout.ms': 60_000 } });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(2500);
    expect(c.record('a').attemptErrors).toContain('REQUEST_TIMED_OUT');
    c.do({ type: 'resumeFetch', broker: 2 }).do({ type: 'resumeFetch', broker: 3 });
    c.waitFor('recordAcked', { record: 'a' });
    expect(c.record('a')).toMatchObject({ status: 'acked', offset: 0 });
    c.advance(1000);
    expect(c.log(1)).toEqual(['a:e0']);
    expect(c.dump().duplicates).toEqual([]);
  });

  it("R39 (order): a known producer's batch that does not follow its last sequence gets OUT_OF_ORDER_SEQUENCE_NUMBER and nothing is appended", () => {
    const c = cluster();
    c.produce(['a']).advance(1000); // sequence 0 is in the log
    const pid = c.s.producers.P!.producerId;
    const produce = (seq: number, value: string) =>
      c.request('client:Q', 'broker:1', {
        kind: 'produce',
        requestId: 990_000 + seq,
        acks: 1,
        timeoutMs: 30_000,
        batches: [
          {
            batchId: 990_000 + seq,
            partition: 't-0',
            producerId: pid,
            producerEpoch: 0,
            baseSequence: seq,
            records: [{ rid: c.s.records[0]!.rid, value, key: null }],
          },
        ],
      });
    expect(produce(2, 'x')).toMatchObject({
      partitions: [{ error: 'OUT_OF_ORDER_SEQUENCE_NUMBER', baseOffset: -1 }],
    });
    expect(c.log(1)).toEqual(['a:e0']);
    expect(produce(1, 'y')).toMatchObject({ partitions: [{ error: null, baseOffset: 1 }] });
    expect(c.log(1)).toEqual(['a:e0', 'y:e0']);
  });

  it('R39 (KIP-360): a batch that fails for good makes the producer bump its epoch; sequences restart at 0 and later records are written', () => {
    const c = cluster({
      topic: { 'min.insync.replicas': 2 },
      producer: { 'delivery.timeout.ms': 5000, 'request.timeout.ms': 1000, 'linger.ms': 0 },
    });
    c.produce(['a']).advance(1000);
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['b']).advance(6000); // NOT_ENOUGH_REPLICAS until it expires: sequence 1 never written
    expect(c.record('b')).toMatchObject({ status: 'failed', error: 'REQUEST_TIMED_OUT' });
    c.do({ type: 'restart', broker: 2 }).do({ type: 'restart', broker: 3 }).advance(5000);
    c.produce(['c']);
    c.waitFor('recordAcked', { record: 'c' });
    expect(c.events('producerEpochBumped')).toHaveLength(1);
    expect(c.log(1)).toEqual(['a:e0', 'c:e0']);
    expect(c.replica(1).producerState).toMatchObject([{ epoch: 1, runs: [[0, 0, 1]] }]);
  });

  it('network: messages on one link arrive in send order whatever their jitter (a connection is in order)', () => {
    const c = cluster({
      latencyMs: 5,
      jitterMs: 50,
      seed: 7,
      producer: { acks: 1, 'enable.idempotence': false, 'linger.ms': 0 },
    });
    c.produce(['w']).advance(1000); // metadata first, so each send below is its own request
    c.s.messageLog = [];
    const values = Array.from({ length: 10 }, (_, i) => `v${i}`);
    for (const v of values) c.produce([v]).advance(1);
    c.advance(2000);
    const sends = c.s.messageLog!.filter(
      (m) => m.what === 'send' && m.from === 'client:P' && m.to === 'broker:1',
    );
    const arrivals = sends.map(
      (m) => c.s.messageLog!.find((x) => x.what === 'deliver' && x.id === m.id)!.t,
    );
    expect(arrivals).toEqual([...arrivals].sort((x, y) => x - y));
    expect(sends.length).toBeGreaterThan(5);
    expect(c.log(1)).toEqual(['w:e0', ...values.map((v) => `${v}:e0`)]);
  });

  it('R39: without idempotence the same retry duplicates the record', () => {
    const c = cluster({
      producer: {
        'request.timeout.ms': 1000,
        'delivery.timeout.ms': 60_000,
        'enable.idempotence': false,
      },
    });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(2500);
    c.do({ type: 'resumeFetch', broker: 2 }).do({ type: 'resumeFetch', broker: 3 });
    c.waitFor('recordAcked', { record: 'a' });
    c.advance(1000);
    expect(c.log(1).slice(0, 2)).toEqual(['a:e0', 'a:e0']);
    expect(c.dump().duplicates).toEqual(['a']);
  });

  it('R40: with no leader, records wait in the producer and expire after delivery.timeout.ms', () => {
    const c = cluster({
      assignment: [[1]],
      producer: { 'delivery.timeout.ms': 10_000, 'request.timeout.ms': 5000 },
    });
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition().leader).toBeNull();
    const sentAt = c.s.now;
    c.produce(['a']);
    const failed = c.waitFor('produceFailed', { record: 'a' });
    expect(failed.t - sentAt).toBe(10_000);
    expect(c.record('a')).toMatchObject({ status: 'failed', error: 'REQUEST_TIMED_OUT' });
    expect(c.record('a').errorMessage).toMatch(/Expiring 1 record\(s\) for t-0/);
  });
});

describe('zombie leader (R44)', () => {
  it('R44: a leader cut off from the controller keeps accepting acks=1 writes, which are then lost', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.produce(['a']).advance(1000);
    c.do({ type: 'partitionNetwork', a: 1, b: 'controller' });
    c.waitFor('leaderChanged', { partition: 't-0' });
    expect(c.partition().leader).toBe(2);
    expect(c.replica(1).role).toBe('leader'); // it never heard about the change
    c.produce(['z']).advance(100);
    expect(c.record('z')).toMatchObject({ status: 'acked', offset: 1 });
    expect(c.dump().lost).toEqual(['z']);
    expect(c.events('recordLost').map((e) => e.record)).toEqual(['z']);
  });

  it('R44: acks=all writes to a zombie leader cannot commit', () => {
    const c = cluster({
      producer: {
        retries: 0,
        'request.timeout.ms': 5000,
        'delivery.timeout.ms': 5005,
        'enable.idempotence': false,
      },
    });
    c.produce(['a']).advance(1000);
    c.do({ type: 'partitionNetwork', a: 1, b: 'controller' });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.advance(2000);
    c.produce(['z']).advance(6000);
    expect(c.record('z').status).toBe('failed');
    expect(c.dump().lost).toEqual([]);
  });
});
