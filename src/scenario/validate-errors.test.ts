// Every kind of bad input gives an error that names the field and what was expected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from './validate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form JSON, changed by the tests
type Json = Record<string, any>;

const example = (): Json =>
  JSON.parse(
    readFileSync(new URL('./fixtures/spec-example.json', import.meta.url), 'utf8'),
  ) as Json;

/** The errors after changing the spec example with `change`. */
function errorsAfter(change: (s: Json) => void): string[] {
  const s = example();
  change(s);
  const result = parseScenario(s);
  return result.ok ? [] : result.errors;
}

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
      'topics[1].replicationFactor: the default default.replication.factor (5) is more than the 3 brokers',
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
      'empty assignment',
      (s) => s.topics.push({ name: 'u', assignment: {} }),
      'topics[1].partitions: the number of partitions in assignment (0) is less than 1',
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
      'a key every object has',
      (s) => (s.clients = JSON.parse('{"constructor": {"type": "consumer"}}')),
      'clients.constructor: "constructor" cannot be a key here',
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
