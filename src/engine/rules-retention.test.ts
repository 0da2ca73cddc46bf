// R47 (our extension): log retention. Segments roll by segment.ms; every
// log.retention.check.interval.ms each broker deletes its oldest segments whose newest record is
// older than retention.ms, never above its HW; followers and consumers below the log start
// offset get OFFSET_OUT_OF_RANGE.
import { describe, expect, it } from 'vitest';
import { cluster, type ClusterOptions } from './test-support/cluster';
import { logEndOffset } from './broker/log';

const RETENTION: ClusterOptions = {
  topic: { 'retention.ms': 10_000, 'segment.ms': 2_000 },
  broker: { 'log.retention.check.interval.ms': 1_000 },
};

describe('log retention (R47)', () => {
  it('deletes whole segments older than retention.ms on every replica; LEO and HW stay', () => {
    const c = cluster(RETENTION);
    c.produce(['a', 'b']).advance(3_000);
    c.produce(['c']).advance(1_000); // c is more than segment.ms after a: a new segment
    expect(c.replica(1).segments.map((x) => x.baseOffset)).toEqual([0, 2]);
    c.advance(6_000); // t ≈ 10 s: a and b are just under 10 s old
    expect(c.replica(1).logStartOffset).toBe(0);
    c.advance(2_000);
    for (const broker of [1, 2, 3]) {
      const r = c.replica(broker);
      expect([r.logStartOffset, logEndOffset(r), r.hw]).toEqual([2, 3, 3]);
      expect(c.log(broker)).toEqual(['c:e0']);
    }
    expect(c.events('segmentsDeleted')[0]!.data).toMatchObject({ from: 0, to: 2 });
    // The active segment goes too once its newest record is old enough (rolled first).
    c.advance(3_000);
    expect([c.replica(1).logStartOffset, logEndOffset(c.replica(1))]).toEqual([3, 3]);
    c.produce(['d']).advance(1_000);
    expect(c.dump().partitions['t-0']!.replicas[2]).toMatchObject({
      leo: 4,
      hw: 4,
      log: ['d:e0'],
      logStartOffset: 3,
    });
  });

  it('never deletes records above the high watermark', () => {
    const c = cluster({ ...RETENTION, producer: { acks: 1, 'enable.idempotence': false } });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a']).advance(15_000); // older than retention.ms, but not committed
    expect(c.replica(1).hw).toBe(0);
    expect(c.replica(1).logStartOffset).toBe(0);
    expect(c.log(1)).toEqual(['a:e0']);
  });

  it('a follower whose log ends below the leader log start offset empties it and starts there', () => {
    const c = cluster(RETENTION);
    c.do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['a', 'b']).advance(3_000);
    c.produce(['c']).advance(10_000);
    expect(c.replica(1).logStartOffset).toBe(2);
    expect(c.log(3)).toEqual([]);
    c.do({ type: 'restart', broker: 3 });
    c.produce(['d']);
    c.waitFor('isrExpanded', { partition: 't-0' });
    const reset = c.events('logStartReset')[0]!;
    expect(reset).toMatchObject({ broker: 3, partition: 't-0', rule: 'R47' });
    expect(reset.data).toMatchObject({ leo: 0 });
    expect(reset.data!.to).toBeGreaterThanOrEqual(2);
    expect(c.replica(3).logStartOffset).toBe(c.replica(1).logStartOffset);
    expect(c.log(3)).toEqual(c.log(1));
    expect(c.log(3)).toContain('d:e0');
    expect(c.partition().isr).toEqual([1, 2, 3]);
  });

  it.each([
    ['earliest', 2, ['c'], undefined],
    ['latest', 3, [], undefined],
    ['none', 0, undefined, 'OFFSET_OUT_OF_RANGE'],
  ] as const)(
    'a consumer below the log start offset applies auto.offset.reset=%s',
    (reset, position, records, error) => {
      const c = cluster({ ...RETENTION, consumer: { 'auto.offset.reset': reset } });
      c.produce(['a', 'b']).advance(3_000);
      c.produce(['c']).advance(10_000);
      expect(c.replica(1).logStartOffset).toBe(2);
      c.do({ type: 'poll', client: 'C', partition: 't-0' });
      c.until((s) => !s.consumers.C!.ops['t-0']);
      const outcome = c.s.consumers.C!.outcomes['t-0']!;
      if (error) {
        expect(outcome.error).toBe(error);
        expect(c.events('offsetReset')).toEqual([]);
      } else {
        expect(outcome.records).toEqual(records);
        expect(c.events('offsetReset')[0]!.data).toMatchObject({ from: 0, to: position });
      }
      expect(c.s.consumers.C!.positions['t-0']!.position).toBe(
        error ? 0 : position + records!.length,
      );
    },
  );

  it('a reset position has no epoch to validate: a new leader does not send it back', () => {
    const c = cluster({
      topic: { 'retention.ms': 30_000, 'segment.ms': 2_000 },
      broker: { 'log.retention.check.interval.ms': 1_000 },
      consumer: { 'auto.offset.reset': 'latest' },
    });
    const poll = () => {
      c.do({ type: 'poll', client: 'C', partition: 't-0' });
      c.until((s) => !s.consumers.C!.ops['t-0']);
      return c.s.consumers.C!.outcomes['t-0']!;
    };
    c.produce(['a', 'b']).advance(1_000);
    expect(poll().records).toEqual(['a', 'b']);
    c.do({ type: 'kill', broker: c.partition().leader! });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.advance(2_000);
    c.produce(['c']).advance(20_000);
    c.produce(['d', 'e']).advance(1_000);
    c.until(() => c.replica(c.partition().leader!).logStartOffset >= 3);
    expect(poll().records).toEqual([]); // a to c deleted: latest jumps to the HW (5)
    expect(c.s.consumers.C!.positions['t-0']!.position).toBe(5);
    c.do({ type: 'kill', broker: c.partition().leader! });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.advance(500);
    expect(poll().records).toEqual([]);
    expect(c.events('logTruncationDetected')).toEqual([]);
    expect(c.s.consumers.C!.positions['t-0']!.position).toBe(5);
  });

  it('records deleted by retention are not reported lost when the leader changes', () => {
    const c = cluster(RETENTION);
    c.produce(['a', 'b']).advance(3_000);
    c.produce(['c']).advance(10_000);
    expect(c.replica(1).logStartOffset).toBe(2);
    c.do({ type: 'kill', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    c.advance(1_000);
    expect(c.events('recordLost')).toEqual([]);
    expect(c.dump().lost).toEqual([]);
  });

  it('the epoch cache starts at the log start offset (truncateFromStart)', () => {
    const c = cluster(RETENTION);
    c.produce(['a']).advance(1_000);
    c.do({ type: 'kill', broker: 1 });
    c.waitFor('leaderChanged', { partition: 't-0' });
    const leader = c.partition().leader!;
    c.produce(['b']).advance(3_000);
    c.produce(['c']).advance(8_000); // a and b are over 10 s old, c is not
    const r = c.replica(leader);
    expect(r.logStartOffset).toBe(2);
    expect(r.epochCache).toEqual([[1, 2]]);
  });

  it('retention.ms -1 keeps every record', () => {
    const c = cluster({ ...RETENTION, topic: { 'retention.ms': -1, 'segment.ms': 1_000 } });
    c.produce(['a']).advance(3_000);
    c.produce(['b']).advance(60_000);
    expect(c.replica(1).logStartOffset).toBe(0);
    expect(c.log(1)).toEqual(['a:e0', 'b:e0']);
  });
});

describe('records the cluster no longer holds', () => {
  it('are retired once retention deleted them: counts stay, the checker forgets them', () => {
    const c = cluster(RETENTION);
    c.produce(['a', 'b']).advance(3_000);
    c.produce(['c']).advance(7_000);
    expect(c.s.recordBase).toBe(0);
    c.advance(2_000); // a and b deleted on every replica
    expect(c.s.recordBase).toBe(2);
    expect(c.s.records.map((r) => r.value)).toEqual(['c']);
    expect(c.s.checker.succeeded['t-0']).toEqual([2]);
    expect(c.s.retiredCounts['P']).toEqual({ acked: 2, failed: 0 });
    c.produce(['d']).advance(1_000);
    expect(c.record('d')).toMatchObject({ rid: 3, status: 'acked', offset: 3 });
  });
});
