// Topic configs set as the cluster's dynamic default (setConfig of every broker, as
// kafka-configs --entity-default does): they reach every topic without a value of its own
// (ConfigurationControlManager.getTopicConfig resolves topic, controller node, cluster default,
// static config). Scenarios 42 and 44 check the same on a real Kafka 4.4.0 cluster.
import { describe, expect, it } from 'vitest';
import { cluster } from './test-support/cluster';

const twoTopics = [
  {
    name: 'a',
    partitions: 1,
    replicationFactor: 3,
    assignment: [[1, 2, 3]],
    config: { 'min.insync.replicas': 2 },
  },
  { name: 'b', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] },
];

describe('cluster-wide dynamic defaults of topic configs (R27, R6)', () => {
  it('R27: unclean.leader.election.enable set cluster-wide lets the periodic check elect uncleanly', () => {
    const c = cluster({ broker: { 'unclean.leader.election.interval.ms': 2000 } });
    c.produce(['a0']).advance(1000);
    c.do({ type: 'kill', broker: 2 }).do({ type: 'kill', broker: 3 }).advance(12_000);
    c.produce(['a1']).advance(1000);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    c.do({ type: 'restart', broker: 2 }).advance(10_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [], elr: [1] });
    // a per-broker value does not reach the controller: still offline
    c.do({
      type: 'setConfig',
      scope: 'broker',
      id: 2,
      config: { 'unclean.leader.election.enable': true },
    }).advance(5_000);
    expect(c.partition().leader).toBeNull();
    c.do({
      type: 'setConfig',
      scope: 'broker',
      config: { 'unclean.leader.election.enable': true },
    });
    c.advance(3_000);
    expect(c.partition()).toMatchObject({ leader: 2, isr: [2], elr: [], leaderEpoch: 2 });
    expect(c.dump().lost).toEqual(['a1']);
  });

  it("R27: a topic's own unclean.leader.election.enable wins over the cluster default", () => {
    const c = cluster({
      broker: {
        'unclean.leader.election.interval.ms': 2000,
        'unclean.leader.election.enable': true,
      },
      topic: { 'unclean.leader.election.enable': false },
      elr: 0,
    });
    c.do({ type: 'pauseFetch', broker: 2 }).do({ type: 'pauseFetch', broker: 3 });
    c.produce(['a0']).advance(46_000);
    c.do({ type: 'kill', broker: 1 }).advance(12_000);
    expect(c.partition()).toMatchObject({ leader: null, isr: [1] });
    c.do({
      type: 'setConfig',
      scope: 'broker',
      config: { 'unclean.leader.election.enable': true },
    });
    c.advance(5_000);
    expect(c.partition().leader).toBeNull();
  });

  it('R6: min.insync.replicas set cluster-wide applies to topics without their own value', () => {
    const c = cluster({ topics: twoTopics, producer: { acks: -1, retries: 0 } });
    c.do({ type: 'kill', broker: 3 }).advance(12_000);
    c.do({ type: 'setConfig', scope: 'broker', config: { 'min.insync.replicas': 3 } });
    c.produce(['a0'], 'a-0').produce(['b0'], 'b-0').advance(1000);
    // a keeps its own min ISR 2 (ISR [1,2] meets it); b follows the default 3
    expect(c.record('a0').status).toBe('acked');
    expect(c.record('b0')).toMatchObject({ status: 'failed', error: 'NOT_ENOUGH_REPLICAS' });
    expect(c.dump().underMinIsr).toEqual(['b-0']);
  });

  it('R6 (ELR off): a min.insync.replicas set on one broker applies where that broker leads, to topics without their own value', () => {
    // probed on Kafka 4.4.0: broker 1 refused acks=all with NOT_ENOUGH_REPLICAS, broker 2 took it
    const c = cluster({
      elr: 0,
      producer: { acks: -1, retries: 0 },
      topics: [
        { name: 't', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] },
        { name: 'u', partitions: 1, replicationFactor: 3, assignment: [[2, 1, 3]] },
      ],
    });
    c.do({ type: 'stop', broker: 3 });
    c.do({ type: 'setConfig', scope: 'broker', id: 1, config: { 'min.insync.replicas': 3 } });
    c.advance(1000).produce(['a'], 't-0').produce(['b'], 'u-0').advance(1000);
    expect(c.record('a')).toMatchObject({ status: 'failed', error: 'NOT_ENOUGH_REPLICAS' });
    expect(c.record('b')).toMatchObject({ status: 'acked', offset: 0 });
    // the controller never sees it: no partition is under min ISR in its view
    expect(c.dump().underMinIsr).toEqual([]);
  });

  it('R45: a per-broker min.insync.replicas is refused while ELR is on, as Kafka 4.x does', () => {
    const c = cluster();
    expect(() =>
      c.do({ type: 'setConfig', scope: 'broker', id: 2, config: { 'min.insync.replicas': 2 } }),
    ).toThrow(/INVALID_CONFIG: Broker-level min.insync.replicas cannot be altered while ELR/);
    cluster({ elr: 0 }).do({
      type: 'setConfig',
      scope: 'broker',
      id: 2,
      config: { 'min.insync.replicas': 2 },
    });
  });
});
