// R5-R10: the produce path on the leader, acks levels and min.insync.replicas.
import { describe, expect, it } from 'vitest';
import { logEndOffset } from './broker/log';
import { cluster } from './test-support/cluster';

const fastLag = { 'replica.lag.time.max.ms': 4000 };

describe('produce path (R5-R10)', () => {
  it('R5: a produce request to a follower fails with NOT_LEADER_OR_FOLLOWER and appends nothing', () => {
    const c = cluster();
    const answer = c.request('client:P', 'broker:2', {
      kind: 'produce',
      requestId: 900,
      acks: 1,
      timeoutMs: 30000,
      batches: [
        {
          batchId: 1,
          partition: 't-0',
          producerId: -1,
          producerEpoch: -1,
          baseSequence: -1,
          records: [{ rid: 0, value: 'x', key: null }],
        },
      ],
    });
    expect(answer).toMatchObject({
      kind: 'produceResponse',
      partitions: [{ error: 'NOT_LEADER_OR_FOLLOWER', baseOffset: -1 }],
    });
    expect(c.log(2)).toEqual([]);
    expect(c.log(1)).toEqual([]);
  });

  it('R6: acks=all below min.insync.replicas fails with NOT_ENOUGH_REPLICAS and nothing is appended', () => {
    const c = cluster({
      broker: fastLag,
      topic: { 'min.insync.replicas': 2 },
      producer: { retries: 0, 'enable.idempotence': false },
    });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['warmup']); // a write so the paused followers fall behind the leader's LEO
    c.waitFor('isrShrunk', { partition: 't-0' }, 10_000);
    expect(c.partition().isr).toEqual([1]);
    const leoBefore = logEndOffset(c.replica(1));
    c.produce(['x']).advance(100);
    expect(c.record('x')).toMatchObject({ status: 'failed', error: 'NOT_ENOUGH_REPLICAS' });
    expect(logEndOffset(c.replica(1))).toBe(leoBefore);
  });

  it('R7: acks=0 completes at once with offset -1 and the leader never answers', () => {
    const c = cluster({ producer: { acks: 0, 'enable.idempotence': false } });
    c.s.messageLog = [];
    c.produce(['a']).advance(50);
    expect(c.record('a')).toMatchObject({ status: 'sent', offset: -1 });
    expect(c.log(1)).toEqual(['a:e0']);
    expect(c.s.messageLog.filter((m) => m.kind === 'produceResponse')).toEqual([]);
  });

  it('R8: acks=1 is acknowledged right after the leader appends, before any follower has it', () => {
    const c = cluster({ producer: { acks: 1, 'enable.idempotence': false } });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(20);
    expect(c.record('a')).toMatchObject({ status: 'acked', offset: 0 });
    expect(c.log(2)).toEqual([]);
    expect(c.replica(1).hw).toBe(0);
  });

  it('R9: acks=all is acknowledged only after the leader HW passes the record', () => {
    const c = cluster();
    c.produce(['a']);
    const hw = c.waitFor('highWatermarkAdvanced', { broker: 1 });
    const acked = c.waitFor('recordAcked', { record: 'a' });
    expect(acked.t).toBeGreaterThan(hw.t);
    expect(c.record('a')).toMatchObject({ status: 'acked', offset: 0 });
    // latency 1 ms, linger 5 ms: sent at 5, appended at 6, fetched at 7, reported at 8, acked at 9
    expect(hw.t).toBe(8);
    expect(acked.t).toBe(9);
  });

  it('R9: a parked acks=all request ends with NOT_LEADER_OR_FOLLOWER when leadership moves', () => {
    const c = cluster();
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(20);
    expect(c.record('a').status).toBe('pending');
    c.do({ type: 'resumeFetch', broker: 2 }).do({ type: 'stop', broker: 1 });
    c.waitFor('recordAcked', { record: 'a' });
    expect(c.record('a').attemptErrors[0]).toBe('NOT_LEADER_OR_FOLLOWER');
  });

  it('R9: an acks=all request not satisfied within its timeout gets REQUEST_TIMED_OUT; the record stays in the log', () => {
    const c = cluster({
      producer: {
        retries: 0,
        'request.timeout.ms': 2000,
        'delivery.timeout.ms': 2005,
        'enable.idempotence': false,
      },
    });
    c.do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(3000);
    expect(c.record('a')).toMatchObject({ status: 'failed', error: 'REQUEST_TIMED_OUT' });
    expect(c.log(1)).toEqual(['a:e0']);
    expect(c.replica(1).hw).toBe(0);
  });

  it('R10: under min ISR the HW does not move, so acks=1 records stay uncommitted', () => {
    const c = cluster({
      broker: fastLag,
      topic: { 'min.insync.replicas': 2 },
      producer: { acks: 1, 'enable.idempotence': false },
    });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']);
    c.waitFor('isrShrunk', { partition: 't-0' }, 10_000);
    c.produce(['b']).advance(1000);
    expect(c.record('b')).toMatchObject({ status: 'acked', offset: 1 });
    expect(c.replica(1).hw).toBe(0);
    expect(c.dump().uncommitted).toEqual(['a', 'b']);
    expect(c.dump().underMinIsr).toEqual(['t-0']);
  });
});
