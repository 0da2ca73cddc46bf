import { describe, expect, it } from 'vitest';
import { MAX_DESCRIBE_CHARS, describeToScenario } from './describe-import';
import { parseScenario } from '../scenario/validate';

const TEXT = `Topic: orders	TopicId: 4qFpQ2	PartitionCount: 3	ReplicationFactor: 3	Configs: min.insync.replicas=2,segment.bytes=1073741824
	Topic: orders	Partition: 0	Leader: 2	Replicas: 2,0,1	Isr: 2,0
	Topic: orders	Partition: 1	Leader: 0	Replicas: 0,1,2	Isr: 0,1,2
	Topic: orders	Partition: 2	Leader: none	Replicas: 1,2,0	Isr: 1
Topic: audit	PartitionCount: 1	ReplicationFactor: 2	Configs:
	Topic: audit	Partition: 0	Leader: 3	Replicas: 3,1	Isr: 3,1	Elr: 	LastKnownElr: `;

describe('kafka-topics --describe import', () => {
  it('gives exactly that layout: brokers, assignments, leaders, ISRs and configs', () => {
    const r = describeToScenario(TEXT);
    if (!r.ok) throw new Error(r.error);
    const parsed = parseScenario(r.scenario);
    if (!parsed.ok) throw new Error(parsed.errors.join('; '));
    const { setup } = parsed.scenario;
    expect(setup.brokers.map((b) => b.id)).toEqual([0, 1, 2, 3]);
    const orders = setup.topics.find((t) => t.name === 'orders')!;
    expect(orders.assignment).toEqual([
      [2, 0, 1],
      [0, 1, 2],
      [1, 2, 0],
    ]);
    expect(orders.state).toEqual([
      { leader: 2, isr: [2, 0] },
      { leader: 0, isr: [0, 1, 2] },
      { leader: null, isr: [1] },
    ]);
    expect(orders.config['min.insync.replicas']).toBe(2);
    expect(setup.topics.find((t) => t.name === 'audit')!.state).toEqual([
      { leader: 3, isr: [3, 1] },
    ]);
  });

  it('names the line it cannot read', () => {
    expect(
      describeToScenario(
        'Topic: t\tPartition: 0\tLeader: 2\tReplicas: 2,0,1\tIsr: 2,0\nthis is not kafka output',
      ),
    ).toEqual({
      ok: false,
      error:
        'line 2: expected "Topic: <name> Partition: <n> Leader: <id> Replicas: <ids> Isr: <ids>" or a topic summary line',
    });
    expect(
      describeToScenario('Topic: t\tPartition: 0\tLeader: 7\tReplicas: 2,0,1\tIsr: 2,0'),
    ).toEqual({ ok: false, error: 'line 1: Leader: 7 is not one of the replicas (2,0,1)' });
    expect(
      describeToScenario('Topic: t\tPartition: 0\tLeader: 2\tReplicas: 2,x\tIsr: 2'),
    ).toMatchObject({ ok: false, error: expect.stringMatching(/^line 1: Replicas:/) });
    expect(describeToScenario('Topic: t\tPartition: 1\tLeader: 2\tReplicas: 2,0\tIsr: 2')).toEqual({
      ok: false,
      error: 'topic t: partition 0 is missing (partitions must be 0..0)',
    });
    expect(describeToScenario('')).toMatchObject({ ok: false });
  });

  it('reads long lines in linear time and refuses a paste over the cap, naming it', () => {
    const letters = 'a'.repeat(999_000);
    const started = performance.now();
    expect(describeToScenario(letters)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 1:/),
    });
    expect(describeToScenario(`Topic: t ${'Ab'.repeat(400_000)}`)).toMatchObject({ ok: false });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(describeToScenario('x'.repeat(MAX_DESCRIBE_CHARS + 1))).toEqual({
      ok: false,
      error: 'the text is 1,000,001 characters, more than the cap of 1,000,000',
    });
    // a value glued to its key, and an empty value before the next key
    expect(describeToScenario('Topic:t Partition:0 Leader:1 Replicas:1,2 Isr: Elr:')).toMatchObject(
      { ok: true },
    );
  });
});
