import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Step } from './types';
import { parseScenario, parseScenarioText } from './validate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, changed by the tests
type Json = Record<string, any>;

const text = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const example = (): Json => JSON.parse(text('spec-example')) as Json;

function ok(json: unknown) {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`expected a valid scenario:\n${result.errors.join('\n')}`);
  return result.scenario;
}

describe('the example of scenario-format.md', () => {
  it('validates and normalises', () => {
    const { title, description, setup, steps } = ok(example());
    expect(title).toBe('acks=all survives a leader crash');
    expect(description).toBe('optional prose shown to the user');
    expect(setup.seed).toBe(7);
    expect(setup.brokers).toEqual([
      { id: 1, rack: 'a' },
      { id: 2, rack: 'b' },
      { id: 3, rack: 'c' },
    ]);
    expect(setup.controllers).toEqual([101, 102, 103]);
    expect(setup.network).toEqual({ latencyMs: 1, jitterMs: 0 });
    expect(setup.brokerConfig['replica.lag.time.max.ms']).toBe(30000);
    expect(setup.brokerConfig['broker.session.timeout.ms']).toBe(9000);
    expect(setup.topics).toEqual([
      {
        name: 't',
        partitions: 1,
        replicationFactor: 3,
        assignment: [[1, 2, 3]],
        config: {
          'min.insync.replicas': 2,
          'unclean.leader.election.enable': false,
          'retention.ms': 7 * 24 * 3600_000,
          'segment.ms': 7 * 24 * 3600_000,
        },
      },
    ]);
    const [producer, consumer] = setup.clients;
    expect(producer?.type).toBe('producer');
    expect(producer?.config).toMatchObject({
      acks: -1,
      'enable.idempotence': true,
      idempotenceExplicit: false,
    });
    expect(consumer).toMatchObject({ id: 'C', type: 'consumer' });
    expect(steps).toEqual<Step[]>([
      { index: 0, at: 0, do: 'produce', client: 'P', partition: 't-0', records: ['a0', 'a1'] },
      { index: 1, do: 'settle', maxMs: 2000 },
      { index: 2, at: 1000, do: 'kill', broker: 1 },
      {
        index: 3,
        do: 'expectEvent',
        event: 'brokerFenced',
        broker: 1,
        within: [8000, 10500],
        facts: { partitions: { 't-0': { leader: 2, leaderEpoch: 1, isr: [2, 3] } } },
      },
      {
        index: 4,
        do: 'expect',
        facts: { records: { a0: { status: 'acked', offset: 0 } }, lost: [] },
      },
    ]);
  });

  it('parses from text, with or without a byte order mark', () => {
    expect(parseScenarioText(text('spec-example')).ok).toBe(true);
    expect(parseScenarioText('\uFEFF' + text('spec-example')).ok).toBe(true);
  });
});

describe('defaults and normalisation', () => {
  it('turns a broker count into ids 1..n and places the default quorum above them', () => {
    const s = example();
    s.cluster.brokers = 6;
    delete s.cluster.racks;
    const { setup } = ok(s);
    expect(setup.brokers.map((b) => b.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(setup.controllers).toEqual([101, 102, 103]);
  });

  it('defaults seed to 1, topics/clients/steps to empty', () => {
    const { setup, steps } = ok({
      format: 'kafka-replication-scenario/1',
      title: 'minimal',
      cluster: { brokers: 1 },
    });
    expect(setup.seed).toBe(1);
    expect([setup.topics, setup.clients, steps]).toEqual([[], [], []]);
  });

  it.each([
    ['all', -1],
    ['-1', -1],
    [-1, -1],
    ['1', 1],
    [1, 1],
    ['0', 0],
    [0, 0],
  ])('reads acks %j as %j', (acks, parsed) => {
    const s = example();
    s.clients.P.config.acks = acks;
    const producer = ok(s).setup.clients[0];
    expect(producer?.config).toMatchObject({ acks: parsed });
  });

  it('reads numbers written as strings or numbers', () => {
    for (const value of ['30000', 30000]) {
      const s = example();
      s.cluster.config['replica.lag.time.max.ms'] = value;
      expect(ok(s).setup.brokerConfig['replica.lag.time.max.ms']).toBe(30000);
    }
  });

  it('gives topics the cluster-wide defaults of partitions, replication factor and topic configs', () => {
    const s = example();
    s.cluster.config = {
      'num.partitions': 4,
      'default.replication.factor': '2',
      'min.insync.replicas': 2,
    };
    s.topics = [{ name: 'u' }, { name: 'v', config: { 'min.insync.replicas': 1 } }];
    s.steps = [];
    const [u, v] = ok(s).setup.topics;
    expect(u).toMatchObject({ partitions: 4, replicationFactor: 2 });
    expect(u?.config['min.insync.replicas']).toBe(2);
    expect(v?.config['min.insync.replicas']).toBe(1);
  });

  it('derives partitions and replication factor from a manual assignment, as Kafka does', () => {
    const s = example();
    s.topics = [{ name: 'u', assignment: { '0': [3, 1], '1': [1, 2] } }];
    s.steps = [];
    expect(ok(s).setup.topics[0]).toMatchObject({
      partitions: 2,
      replicationFactor: 2,
      assignment: [
        [3, 1],
        [1, 2],
      ],
    });
  });

  it('allows min.insync.replicas above the replication factor (Kafka caps it)', () => {
    const s = example();
    s.topics[0].config = { 'min.insync.replicas': 5 };
    expect(ok(s).setup.topics[0]?.config['min.insync.replicas']).toBe(5);
  });

  it('normalises every action of the every-action file', () => {
    const { setup, steps } = ok(JSON.parse(text('every-action')));
    expect(setup.controllers).toEqual([201, 202, 203]);
    expect(setup.network).toEqual({ latencyMs: 2, jitterMs: 1 });
    expect(setup.topics.map((t) => [t.name, t.partitions, t.replicationFactor])).toEqual([
      ['orders', 2, 3],
      ['my.events-v2', 3, 3],
    ]);
    const byIndex = (i: number) => steps.find((s) => s.index === i);
    expect(byIndex(1)).toMatchObject({ do: 'produce', topic: 'my.events-v2', key: 'k' });
    expect(byIndex(8)).toEqual({ index: 8, do: 'fetch', broker: 3, deliverResponse: true });
    expect(byIndex(11)).toEqual({ index: 11, do: 'partitionNetwork', a: 2, b: 'P' });
    expect(byIndex(13)).toEqual({ index: 13, do: 'heal' });
    expect(byIndex(19)).toEqual({
      index: 19,
      do: 'setConfig',
      scope: 'broker',
      id: 1,
      config: { 'replica.lag.time.max.ms': 10000 },
    });
    expect(byIndex(20)).toMatchObject({
      scope: 'broker',
      config: { 'unclean.leader.election.enable': true },
    });
    expect(byIndex(20)).not.toHaveProperty('id');
    expect(steps).toHaveLength(30);
  });
});

describe('producer rules (R37, delivery timeout)', () => {
  const producer = (config: Json) => {
    const s = example();
    s.clients.P.config = config;
    const result = parseScenario(s);
    return result.ok ? result.scenario.setup.clients[0]?.config : result.errors;
  };

  it('turns idempotence off silently on a conflict when it was not set', () => {
    expect(producer({ acks: 1 })).toMatchObject({ 'enable.idempotence': false });
    expect(producer({ retries: 0 })).toMatchObject({ 'enable.idempotence': false });
    expect(producer({ 'max.in.flight.requests.per.connection': 6 })).toMatchObject({
      'enable.idempotence': false,
    });
  });

  it('raises a ConfigException naming the field when idempotence was set explicitly', () => {
    expect(producer({ acks: '1', 'enable.idempotence': true })).toEqual([
      expect.stringMatching(/^clients\.P\.config\.acks: ConfigException: Must set acks to all/),
    ]);
    expect(producer({ retries: 0, 'enable.idempotence': 'true' })).toEqual([
      expect.stringMatching(/^clients\.P\.config\.retries: ConfigException/),
    ]);
    expect(producer({ acks: 0, 'enable.idempotence': false })).toMatchObject({
      idempotenceExplicit: true,
    });
  });

  it('raises delivery.timeout.ms to linger + request timeout unless it was set explicitly', () => {
    expect(producer({ 'request.timeout.ms': 200000 })).toMatchObject({
      'delivery.timeout.ms': 200005,
    });
    expect(producer({ 'delivery.timeout.ms': 1000 })).toEqual([
      expect.stringMatching(/^clients\.P\.config\.delivery\.timeout\.ms: ConfigException/),
    ]);
  });

  it('re-applies the rules on setConfig, and reports the effective changes', () => {
    const s = example();
    s.steps = [{ do: 'setConfig', scope: 'client', client: 'P', config: { acks: 1 } }];
    expect(ok(s).steps[0]).toEqual({
      index: 0,
      do: 'setConfig',
      scope: 'client',
      id: 'P',
      config: { acks: 1, 'enable.idempotence': false },
    });
    s.clients.P.config['enable.idempotence'] = true;
    expect(parseScenario(s)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^steps\[0\]\.config\.acks: ConfigException/)],
    });
  });
});
