import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Step } from './types';
import { parseScenario, parseScenarioText } from './validate';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const text = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
const example = (): Json => JSON.parse(text('spec-example')) as Json;

function ok(json: unknown) {
  const result = parseScenario(json);
  if (!result.ok) throw new Error(`expected a valid scenario:\n${result.errors.join('\n')}`);
  return result.scenario;
}

/** The errors after changing the spec example with `change`. */
function errorsAfter(change: (s: Json) => void): string[] {
  const s = example();
  change(s);
  const result = parseScenario(s);
  return result.ok ? [] : result.errors;
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
        config: { 'min.insync.replicas': 2, 'unclean.leader.election.enable': false },
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
    expect(ok(s).steps[0]).toMatchObject({
      config: { acks: 1, 'enable.idempotence': false },
    });
    s.clients.P.config['enable.idempotence'] = true;
    expect(parseScenario(s)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^steps\[0\]\.config\.acks: ConfigException/)],
    });
  });
});

describe('errors name the field and what was expected', () => {
  it.each<[string, (s: Json) => void, string]>([
    [
      'wrong format',
      (s) => (s.format = 'kafka-replication-scenario/2'),
      'format: expected "kafka-replication-scenario/1", got "kafka-replication-scenario/2"',
    ],
    ['no title', (s) => delete s.title, 'title: missing: expected a non-empty string'],
    ['fractional seed', (s) => (s.seed = 1.5), 'seed: expected an integer, got 1.5'],
    ['unknown top-level field', (s) => (s.clusters = {}), 'clusters: unknown field'],
    ['no cluster', (s) => delete s.cluster, 'cluster: missing'],
    ['zero brokers', (s) => (s.cluster.brokers = 0), 'cluster.brokers: expected a broker count'],
    [
      'duplicate broker',
      (s) => (s.cluster.brokers = [1, 2, 2]),
      'cluster.brokers[2]: duplicate id 2',
    ],
    [
      'negative broker',
      (s) => (s.cluster.brokers = [1, -2, 3]),
      'cluster.brokers[1]: expected a broker id',
    ],
    [
      'rack of no broker',
      (s) => (s.cluster.racks = { '4': 'a' }),
      'cluster.racks.4: not a broker of cluster.brokers (1, 2, 3)',
    ],
    ['empty rack', (s) => (s.cluster.racks = { '1': '' }), 'cluster.racks.1: expected a rack name'],
    [
      'controller clash',
      (s) => (s.cluster.controllers = [3, 4]),
      'cluster.controllers: ids 3 are also broker ids',
    ],
    [
      'negative latency',
      (s) => (s.cluster.network = { latencyMs: -1 }),
      'cluster.network.latencyMs: expected an integer number of ms >= 0, got -1',
    ],
    [
      'unknown broker config',
      (s) => (s.cluster.config = { 'replica.lag.time.max': 1 }),
      'cluster.config.replica.lag.time.max: unknown config; did you mean replica.lag.time.max.ms?',
    ],
    [
      'producer config on brokers',
      (s) => (s.cluster.config = { acks: 1 }),
      'cluster.config.acks: unknown config; acks is a producer config',
    ],
    [
      'zero timer',
      (s) => (s.cluster.config = { 'replica.lag.time.max.ms': 0 }),
      'cluster.config.replica.lag.time.max.ms: expected an integer >= 1, got 0',
    ],
    [
      'fetch wait above lag',
      (s) => (s.cluster.config = { 'replica.fetch.wait.max.ms': 40000 }),
      'cluster.config: replica.socket.timeout.ms (30000) should always be at least',
    ],
    [
      'prototype key',
      (s) => (s.cluster.config = JSON.parse('{"__proto__": 1}')),
      'cluster.config.__proto__: unknown config',
    ],
    ['bad topic name', (s) => (s.topics[0].name = 'a/b'), 'topics[0].name: expected a topic name'],
    [
      'duplicate topic',
      (s) => s.topics.push({ name: 't' }),
      'topics[1].name: duplicate topic name "t"',
    ],
    [
      'colliding topic',
      (s) => s.topics.push({ name: 'a.b' }, { name: 'a_b' }),
      'topics[2].name: topic "a_b" collides with topic "a.b"',
    ],
    [
      'RF above brokers',
      (s) => ((s.topics[0].replicationFactor = 4), delete s.topics[0].assignment),
      'topics[0].replicationFactor: 4 is more than the 3 brokers',
    ],
    [
      'default RF above brokers',
      (s) => ((s.cluster.config['default.replication.factor'] = 5), s.topics.push({ name: 'u' })),
      'topics[1].replicationFactor: the default (default.replication.factor = 5) is more than the 3 brokers',
    ],
    [
      'zero partitions',
      (s) => (s.topics[0].partitions = 0),
      'topics[0].partitions: expected an integer from 1 to 10000, got 0',
    ],
    [
      'assignment gap',
      (s) => (s.topics[0].partitions = 2),
      'topics[0].assignment.1: missing: expected a list of 3 distinct broker ids',
    ],
    [
      'assignment extra',
      (s) => (s.topics[0].assignment['1'] = [1, 2, 3]),
      'topics[0].assignment.1: not a partition number of this topic (0..0)',
    ],
    [
      'assignment unknown broker',
      (s) => (s.topics[0].assignment['0'] = [1, 2, 9]),
      'topics[0].assignment.0[2]: expected a broker id of cluster.brokers (1, 2, 3), got 9',
    ],
    [
      'assignment twice',
      (s) => (s.topics[0].assignment['0'] = [1, 2, 1]),
      'topics[0].assignment.0[2]: broker 1 is listed twice',
    ],
    [
      'bad topic config',
      (s) => (s.topics[0].config = { 'min.insync.replicas': 0 }),
      'topics[0].config.min.insync.replicas: expected an integer >= 1, got 0',
    ],
    [
      'broker config on a topic',
      (s) => (s.topics[0].config = { 'replica.lag.time.max.ms': 1 }),
      'topics[0].config.replica.lag.time.max.ms: unknown config; replica.lag.time.max.ms is a broker config',
    ],
    [
      'bad client type',
      (s) => (s.clients.P.type = 'admin'),
      'clients.P.type: expected "producer" or "consumer", got "admin"',
    ],
    [
      'numeric client id',
      (s) => (s.clients['2'] = { type: 'consumer' }),
      'clients.2: a client id must be a name',
    ],
    [
      'bad acks',
      (s) => (s.clients.P.config.acks = 2),
      'clients.P.config.acks: expected "all", "-1", "1" or "0", got 2',
    ],
    [
      'bad isolation',
      (s) => (s.clients.C.config['isolation.level'] = 'x'),
      'clients.C.config.isolation.level: expected one of read_uncommitted, read_committed, got "x"',
    ],
    [
      'unknown action',
      (s) => (s.steps[1].do = 'sleep'),
      'steps[1].do: expected an action (produce, consume,',
    ],
    [
      'negative at',
      (s) => (s.steps[1].at = -5),
      'steps[1].at: expected a time in ms (an integer >= 0), got -5',
    ],
    [
      'unknown broker',
      (s) => (s.steps[2].broker = 9),
      'steps[2].broker: expected a broker id of cluster.brokers (1, 2, 3), got 9',
    ],
    [
      'unknown field of an action',
      (s) => (s.steps[2].brokers = 1),
      'steps[2].brokers: unknown field of kill; did you mean broker?',
    ],
    [
      'produce by a consumer',
      (s) => (s.steps[0].client = 'C'),
      'steps[0].client: expected a producer id, got "C", which is a consumer',
    ],
    [
      'produce to no partition',
      (s) => (s.steps[0].partition = 't-1'),
      'steps[0].partition: expected a partition of topic t (t-0), got "t-1"',
    ],
    [
      'produce to unknown topic',
      (s) => (s.steps[0].partition = 'x-0'),
      'steps[0].partition: expected a partition "<topic>-<n>" of a topic in topics (t), got "x-0"',
    ],
    [
      'produce with both',
      (s) => (s.steps[0].topic = 't'),
      'steps[0]: expected exactly one of "partition"',
    ],
    [
      'produce nothing',
      (s) => (s.steps[0].records = []),
      'steps[0].records: expected a non-empty list of record values',
    ],
    [
      'produce a number',
      (s) => (s.steps[0].records = ['a0', 5]),
      'steps[0].records[1]: expected a record value (a non-empty string), got 5',
    ],
    [
      'produce twice',
      (s) => s.steps.push({ do: 'produce', client: 'P', topic: 't', records: ['a1'] }),
      'steps[5].records[0]: record "a1" is already produced by steps[0]',
    ],
    ['bad key', (s) => (s.steps[0].key = 3), 'steps[0].key: expected a string, got 3'],
    [
      'consume without from',
      (s) => s.steps.push({ do: 'consume', client: 'C', partition: 't-0' }),
      'steps[5].from: missing: expected an offset',
    ],
    [
      'poll by a producer',
      (s) => s.steps.push({ do: 'poll', client: 'P', partition: 't-0' }),
      'steps[5].client: expected a consumer id, got "P", which is a producer',
    ],
    [
      'unknown client',
      (s) => s.steps.push({ do: 'refreshMetadata', client: 'Q' }),
      'steps[5].client: expected a client id of clients (P, C), got "Q"',
    ],
    [
      'bad deliverResponse',
      (s) => s.steps.push({ do: 'fetch', broker: 2, deliverResponse: 'no' }),
      'steps[5].deliverResponse: expected true or false, got "no"',
    ],
    [
      'cut with one end',
      (s) => s.steps.push({ do: 'partitionNetwork', a: 1 }),
      'steps[5].b: missing: expected both ends a and b',
    ],
    [
      'heal with one end',
      (s) => s.steps.push({ do: 'heal', b: 1 }),
      'steps[5].a: missing: expected both ends a and b, or neither',
    ],
    [
      'cut to nowhere',
      (s) => s.steps.push({ do: 'partitionNetwork', a: 1, b: 'X' }),
      'steps[5].b: expected a broker id (1, 2, 3), a controller id (101, 102, 103), "controller" or a client id (P, C), got "X"',
    ],
    [
      'cut to itself',
      (s) => s.steps.push({ do: 'partitionNetwork', a: 1, b: '1' }),
      'steps[5]: a and b are the same endpoint (1)',
    ],
    [
      'cut two clients',
      (s) => s.steps.push({ do: 'partitionNetwork', a: 'P', b: 'C' }),
      'steps[5]: clients only talk to brokers',
    ],
    [
      'unknown controller',
      (s) => s.steps.push({ do: 'killController', controller: 1 }),
      'steps[5].controller: expected a controller id of the quorum (101, 102, 103), got 1',
    ],
    [
      'elect unknown partition',
      (s) => s.steps.push({ do: 'electPreferred', partition: 't-9' }),
      'steps[5].partition: expected a partition of topic t (t-0), got "t-9"',
    ],
    [
      'negative advance',
      (s) => s.steps.push({ do: 'advance', ms: -1 }),
      'steps[5].ms: expected a duration in ms (an integer >= 0), got -1',
    ],
    [
      'bad settle',
      (s) => s.steps.push({ do: 'settle', maxMs: '2s' }),
      'steps[5].maxMs: expected a duration in ms (an integer >= 0), got "2s"',
    ],
    [
      'bad scope',
      (s) => s.steps.push({ do: 'setConfig', scope: 'cluster', config: {} }),
      'steps[5].scope: expected "broker", "topic" or "client"',
    ],
    [
      'scope ids disagree',
      (s) =>
        s.steps.push({
          do: 'setConfig',
          scope: { topic: 't' },
          topic: 'u',
          config: { 'min.insync.replicas': 1 },
        }),
      'steps[5]: the topic is given differently',
    ],
    [
      'scope of unknown topic',
      (s) =>
        s.steps.push({
          do: 'setConfig',
          scope: 'topic',
          id: 'u',
          config: { 'min.insync.replicas': 1 },
        }),
      'steps[5].id: expected a topic of topics (t), got "u"',
    ],
    [
      'empty setConfig',
      (s) => s.steps.push({ do: 'setConfig', scope: 'broker', config: {} }),
      'steps[5].config: expected an object with at least one config name and value, got {}',
    ],
    [
      'producer config for a consumer',
      (s) => s.steps.push({ do: 'setConfig', scope: { client: 'C' }, config: { acks: 1 } }),
      'steps[5].config.acks: unknown config; acks is a producer config',
    ],
    [
      'broker setConfig Kafka refuses',
      (s) =>
        s.steps.push({
          do: 'setConfig',
          scope: 'broker',
          broker: 2,
          config: { 'replica.lag.time.max.ms': 100 },
        }),
      'steps[5].config: broker 2: replica.fetch.wait.max.ms (500) should always be less than or equal to replica.lag.time.max.ms (100)',
    ],
    [
      'empty expect',
      (s) => s.steps.push({ do: 'expect' }),
      'steps[5]: an expect needs at least one fact',
    ],
    [
      'unknown fact',
      (s) => (s.steps[4].leader = 2),
      'steps[4].leader: unknown fact (known: do, at, brokers, controller, partitions,',
    ],
    [
      'unknown partition fact',
      (s) => (s.steps[3].expect.partitions['t-0'].Leader = 2),
      'steps[3].expect.partitions.t-0.Leader: unknown fact; did you mean leader?',
    ],
    [
      'fact of no partition',
      (s) => (s.steps[4].offline = ['t-3']),
      'steps[4].offline[0]: expected a partition of topic t (t-0), got "t-3"',
    ],
    [
      'fact of no broker',
      (s) => (s.steps[4].brokers = { '7': 'up' }),
      'steps[4].brokers.7: expected a broker id of cluster.brokers (1, 2, 3), got 7',
    ],
    [
      'bad broker status',
      (s) => (s.steps[4].brokers = { '1': 'dead' }),
      'steps[4].brokers.1: expected "up" or "fenced" or "down", got "dead"',
    ],
    [
      'unknown record',
      (s) => (s.steps[4].records.b0 = { status: 'acked' }),
      'steps[4].records.b0: expected a record value produced by an earlier step (a0, a1), got "b0"',
    ],
    [
      'record produced later',
      (s) => s.steps.unshift({ do: 'expect', lost: ['a0'] }),
      'steps[0].lost[0]: expected a record value produced by an earlier step (none), got "a0"',
    ],
    [
      'bad status',
      (s) => (s.steps[4].records.a0.status = 'ok'),
      'steps[4].records.a0.status: expected "pending" or "acked" or "sent" or "failed", got "ok"',
    ],
    [
      'bad log entry',
      (s) => (s.steps[4].partitions = { 't-0': { replicas: { '1': { log: ['a0'] } } } }),
      'steps[4].partitions.t-0.replicas.1.log[0]: expected a log entry "<value>:e<epoch>"',
    ],
    [
      'bad epoch cache',
      (s) => (s.steps[4].partitions = { 't-0': { replicas: { '1': { epochCache: [[0]] } } } }),
      'steps[4].partitions.t-0.replicas.1.epochCache[0]: expected a pair [leaderEpoch, startOffset], got [0]',
    ],
    [
      'truncation without broker',
      (s) => (s.steps[4].truncations = [{ partition: 't-0', fromLeo: 2, toOffset: 1 }]),
      'steps[4].truncations[0].broker: missing',
    ],
    [
      'consume of a producer',
      (s) => (s.steps[4].consume = [{ client: 'P', partition: 't-0' }]),
      'steps[4].consume[0].client: expected a consumer id, got "P", which is a producer',
    ],
    [
      'consume records and error',
      (s) => (s.steps[4].consume = [{ client: 'C', partition: 't-0', records: [], error: 'X' }]),
      'steps[4].consume[0]: expected either records or error, not both',
    ],
    [
      'unknown event',
      (s) => (s.steps[3].event = 'brokerDied'),
      'steps[3].event: expected an event (brokerFenced,',
    ],
    [
      'window backwards',
      (s) => (s.steps[3].within = [10, 5]),
      'steps[3].within: from (10) is after to (5)',
    ],
    [
      'window of one number',
      (s) => (s.steps[3].within = 5),
      'steps[3].within: expected [fromMs, toMs]',
    ],
    [
      'event record unknown',
      (s) => (s.steps[3].record = 'zz'),
      'steps[3].record: expected a record value produced by an earlier step',
    ],
  ])('%s', (_name, change, message) => {
    const errors = errorsAfter(change);
    expect(
      errors.some((e) => e.startsWith(message)),
      `${message}\nnot in:\n${errors.join('\n')}`,
    ).toBe(true);
  });

  it('reports every error of a file, not only the first', () => {
    const errors = errorsAfter((s) => {
      s.steps[2].broker = 9;
      s.clients.C.config['isolation.level'] = 'x';
    });
    expect(errors).toHaveLength(2);
  });

  it.each([null, 3, 'x', [], true])('refuses %j as a whole file', (json) => {
    expect(parseScenario(json)).toEqual({
      ok: false,
      errors: [expect.stringMatching(/^expected a scenario object/)],
    });
  });
});

describe('JSON syntax errors', () => {
  it.each([
    ['{"a": 1,\n "b": }', 'line 2, column 7: expected a value'],
    [
      '{"a": 1,\n "b": 2,\n}',
      'line 3, column 1: expected a property name in double quotes (no comma after the last one)',
    ],
    ['{"a": [1, 2', 'line 1, column 12: unexpected end of input'],
    ["{'a': 1}", 'line 1, column 2: expected a property name in double quotes'],
    ['{"a": "x\ny"}', 'line 1, column 9: control characters'],
    ['{} x', 'line 1, column 4: unexpected text after the end of the JSON value'],
    ['', 'line 1, column 1: unexpected end of input'],
  ])('%j', (source, message) => {
    expect(parseScenarioText(source)).toEqual({
      ok: false,
      errors: [expect.stringContaining(`invalid JSON at ${message}`)],
    });
  });
});
