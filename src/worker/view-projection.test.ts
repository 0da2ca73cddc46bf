import { describe, expect, it } from 'vitest';
import { scenarioRunner } from './test-support/scenario-runner';

const lecture = () => scenarioRunner('lecture');

describe('view projection', () => {
  it('counts every record a producer sent, also those retired after retention deleted them', () => {
    const r = lecture();
    r.command({
      type: 'setConfig',
      scope: 'broker',
      config: { 'log.retention.check.interval.ms': 5_000 },
    });
    r.command({
      type: 'setConfig',
      scope: 'topic',
      id: 'replicated_topic',
      config: { 'retention.ms': 20_000, 'segment.ms': 5_000 },
    });
    r.command({ type: 'produceStream', client: 'producer', rate: 40 });
    r.advance(360_000); // the first check comes at the old interval (a static config in Kafka)
    const s = r.state;
    expect(s.recordBase).toBeGreaterThan(0); // most records were retired
    const producer = r.view().clients.find((c) => c.id === 'producer')!;
    const kept = s.records.filter((x) => x.client === 'producer');
    const acked =
      (s.retiredCounts['producer']?.acked ?? 0) + kept.filter((x) => x.status === 'acked').length;
    expect(producer.acked).toBe(acked);
    expect(producer.acked + producer.pending + producer.failed).toBe(
      s.recordBase + s.records.length,
    );
    expect(producer.acked).toBeGreaterThan(13_000);
  }, 60_000); // six simulated minutes at 40 records/s: about 3 s alone, bounded for a loaded machine

  it("shows the lecture's layout: broker 4 leads 2 partitions and follows 4", () => {
    const v = lecture().view();
    expect(v.brokers.map((b) => b.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(v.brokers.find((b) => b.id === 4)).toMatchObject({
      status: 'up',
      leaders: 2,
      followers: 4,
    });
    expect(
      v.replicas!.filter((r) => r.broker === 4 && r.role === 'leader').map((r) => r.partition),
    ).toEqual(['replicated_topic-2', 'replicated_topic-8']);
    expect(v.replicas!).toHaveLength(30);
    expect(v.controllers.filter((c) => c.active)).toHaveLength(1);
  });

  it('carries in-flight messages with their send and delivery times', () => {
    const r = lecture();
    r.advance(1000); // the producer has its metadata
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['x'],
    });
    r.advance(10); // linger.ms 5, then at least 50 ms on the wire
    const v = r.view();
    expect(v.messages.length).toBeGreaterThan(0);
    for (const m of v.messages) {
      expect(m.deliverAt).toBeGreaterThanOrEqual(m.sentAt);
      expect(m.deliverAt).toBeGreaterThanOrEqual(v.time);
    }
    expect(
      v.messages.some(
        (m) =>
          m.kind === 'produce' &&
          m.records === 1 &&
          m.from === 'client:producer' &&
          m.to === 'broker:2',
      ),
    ).toBe(true);
  });

  it('status: under-replicated, offline, fault tolerance and how many more failures writes survive', () => {
    const r = lecture();
    let s = r.view().status;
    expect(s).toMatchObject({
      underReplicated: 0,
      offline: 0,
      replicationFactor: 3,
      minIsr: 2,
      faultTolerance: 1,
      moreFailuresWritesSurvive: 1,
    });
    r.command({ type: 'kill', broker: 2 });
    s = r.view().status;
    expect(s.moreFailuresWritesSurvive).toBe(0); // broker 2 is down but not yet fenced
    r.advance(4000);
    s = r.view().status;
    expect(s.underReplicated).toBe(5);
    expect(s.offline).toBe(0);
  });

  it('inspector: logs, LEO/HW, ISR, the describe line and a lag countdown for the selected partition', () => {
    const r = lecture();
    r.inspect('replicated_topic-0');
    r.command({ type: 'pauseFetch', broker: 0 });
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['x'],
    });
    r.advance(1000);
    const i = r.view().inspector!;
    expect(i.describe).toBe(
      '\tTopic: replicated_topic\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0,1\tElr: \tLastKnownElr: ',
    );
    const leader = i.details.find((d) => d.broker === 2)!;
    const paused = i.details.find((d) => d.broker === 0)!;
    expect(leader.log.map((e) => e.value)).toContain('x');
    expect(paused.leo).toBeLessThan(leader.leo);
    expect(paused.lagMs).toBeGreaterThan(0);
    expect(paused.lagRemainingMs).toBe(Math.max(0, i.lagTimeMaxMs - paused.lagMs!));
  });

  it('a view of the classroom cluster stays well under the 64 KB budget, even after a long jump', () => {
    const r = lecture();
    r.command({ type: 'produceStream', client: 'producer', rate: 40 });
    r.inspect('replicated_topic-0');
    r.advance(10_000);
    const bytes = JSON.stringify(r.view()).length;
    expect(bytes).toBeLessThan(64 * 1024);
  });
});

describe('lean transport', () => {
  it("sends the replicas' roles only when the controller metadata changed", () => {
    const r = lecture();
    expect(r.view().replicas).toHaveLength(30);
    r.advance(500);
    expect(r.view().replicas).toBeNull();
    r.command({ type: 'stop', broker: 2 });
    r.advance(200);
    const v = r.view();
    expect(
      v.replicas!.find((x) => x.partition === 'replicated_topic-0' && x.broker === 0)!.role,
    ).toBe('leader');
    r.seek({ t: 100 });
    expect(r.view().replicas).toHaveLength(30); // after a seek the roles are sent again
  });
});

describe('lean transport: partitions', () => {
  it("sends partition structure on change and the leaders' LEO/HW in every view", () => {
    const r = lecture();
    const first = r.view();
    expect(first.partitions).toHaveLength(10);
    expect(first.offsets).toHaveLength(20);
    r.command({
      type: 'produce',
      client: 'producer',
      partition: 'replicated_topic-0',
      records: ['x'],
    });
    r.advance(1000);
    const next = r.view();
    expect(next.partitions).toBeNull();
    expect(next.offsets[0]).toBeGreaterThanOrEqual(1); // replicated_topic-0 leader LEO
  });
});
