import { describe, expect, it } from 'vitest';
import type { StateDump } from '../engine';
import { compareFacts, formatMismatch } from './compare';
import type { Facts } from '../scenario/types';

function dump(): StateDump {
  return {
    time: 12000,
    brokers: { '1': 'down', '2': 'up', '3': 'up' },
    controller: 101,
    partitions: {
      't-0': {
        leader: 2,
        leaderEpoch: 1,
        partitionEpoch: 2,
        isr: [2, 3],
        elr: [],
        lastKnownElr: [],
        assignment: [1, 2, 3],
        replicas: {
          '1': { leo: 3, hw: 1, log: ['a0:e0', 'a1:e0', 'a2:e0'], epochCache: [[0, 0]] },
          '2': {
            leo: 2,
            hw: 2,
            log: ['a0:e0', 'a1:e0'],
            epochCache: [
              [0, 0],
              [1, 2],
            ],
          },
        },
        committed: ['a0', 'a1'],
      },
      't-1': {
        leader: 3,
        leaderEpoch: 0,
        partitionEpoch: 0,
        isr: [3, 1],
        elr: [],
        lastKnownElr: [],
        assignment: [3, 1, 2],
        replicas: {},
        committed: ['b0'],
      },
    },
    records: {
      a0: { status: 'acked', partition: 't-0', offset: 0, attemptErrors: [] },
      a2: {
        status: 'failed',
        partition: 't-0',
        error: 'REQUEST_TIMED_OUT',
        attemptErrors: ['NOT_LEADER_OR_FOLLOWER', 'REQUEST_TIMED_OUT'],
      },
    },
    // out of order on purpose: the list form sorts by topic, then partition number
    committed: { 'u-10': ['u10'], 't-1': ['b0'], 'u-2': ['u2'], 't-0': ['a0', 'a1'] },
    lost: ['a2', 'x'],
    uncommitted: [],
    offline: [],
    underReplicated: ['t-0', 't-1'],
    underMinIsr: [],
    leaderCounts: { '2': 1, '3': 1 },
    followerCounts: { '2': 1, '3': 1, '1': 1 },
    duplicates: [],
    truncations: [{ broker: 1, partition: 't-0', fromLeo: 3, toOffset: 2 }],
    consume: [
      // the runner's fresh read for the expectation comes first, the consumer's own poll after
      { client: 'C', partition: 't-0', from: 0, records: ['a0', 'a1'] },
      { client: 'C', partition: 't-0', from: 0, records: ['a0'] },
      { client: 'C', partition: 't-1', from: 5, error: 'OFFSET_OUT_OF_RANGE' },
    ],
  };
}

const check = (facts: Facts) => compareFacts(facts, dump()).map(formatMismatch);

describe('compareFacts', () => {
  it('passes when every listed fact holds, checking nothing else', () => {
    expect(
      check({
        brokers: { '1': 'down' },
        controller: 101,
        partitions: { 't-0': { leader: 2, isr: [3, 2], replicas: { '2': { hw: 2 } } } },
        records: { a0: { status: 'acked', offset: 0 } },
        underReplicated: ['t-1', 't-0'],
      }),
    ).toEqual([]);
  });

  it('names the path of a scalar mismatch', () => {
    expect(check({ partitions: { 't-0': { leader: 1 } } })).toEqual([
      'partitions.t-0.leader: expected 1, got 2',
    ]);
    expect(check({ controller: null })).toEqual(['controller: expected null, got 101']);
    expect(check({ brokers: { '2': 'fenced' } })).toEqual([
      'brokers.2: expected "fenced", got "up"',
    ]);
  });

  it('compares isr and the cluster-level lists as sets', () => {
    expect(check({ partitions: { 't-0': { isr: [3, 2] } }, lost: ['x', 'a2', 'a2'] })).toEqual([]);
    expect(check({ partitions: { 't-0': { isr: [1, 2] } } })).toEqual([
      'partitions.t-0.isr: expected [1,2], got [2,3] (as a set: missing 1; unexpected 3)',
    ]);
    expect(check({ lost: [] })).toEqual([
      'lost: expected [], got ["a2","x"] (as a set: unexpected "a2", "x")',
    ]);
    expect(check({ offline: [], underMinIsr: [], uncommitted: [], duplicates: [] })).toEqual([]);
  });

  it('compares logs, epoch caches, committed records, assignments and attempt errors in order', () => {
    expect(
      check({
        partitions: {
          't-0': {
            assignment: [1, 2, 3],
            committed: ['a0', 'a1'],
            replicas: { '1': { log: ['a0:e0', 'a1:e0', 'a2:e0'], epochCache: [[0, 0]] } },
          },
        },
        records: { a2: { attemptErrors: ['NOT_LEADER_OR_FOLLOWER', 'REQUEST_TIMED_OUT'] } },
      }),
    ).toEqual([]);
    expect(
      check({
        partitions: {
          't-0': {
            assignment: [2, 1, 3],
            committed: ['a1', 'a0'],
            replicas: { '2': { epochCache: [[1, 2]] } },
          },
        },
        records: { a2: { attemptErrors: ['REQUEST_TIMED_OUT', 'NOT_LEADER_OR_FOLLOWER'] } },
      }),
    ).toEqual([
      'partitions.t-0.assignment: expected [2,1,3], got [1,2,3]',
      'partitions.t-0.replicas.2.epochCache: expected [[1,2]], got [[0,0],[1,2]]',
      'partitions.t-0.committed: expected ["a1","a0"], got ["a0","a1"]',
      'records.a2.attemptErrors: expected ["REQUEST_TIMED_OUT","NOT_LEADER_OR_FOLLOWER"], got ["NOT_LEADER_OR_FOLLOWER","REQUEST_TIMED_OUT"]',
    ]);
  });

  it('reads a committed list as every partition, by topic name then partition number', () => {
    expect(check({ committed: ['a0', 'a1', 'b0', 'u2', 'u10'] })).toEqual([]);
    expect(check({ committed: ['a0', 'a1', 'b0', 'u10', 'u2'] })).toHaveLength(1);
  });

  it('reads a committed object per partition, a partition without records being empty', () => {
    expect(check({ committed: { 't-1': ['b0'] } })).toEqual([]);
    expect(check({ committed: { 't-1': [] } })).toEqual(['committed.t-1: expected [], got ["b0"]']);
  });

  it('reports a partition, replica or record missing from the state as one mismatch', () => {
    expect(check({ partitions: { 't-0': { replicas: { '3': { leo: 2 } } } } })).toEqual([
      'partitions.t-0.replicas.3: expected {"leo":2}, got nothing',
    ]);
    expect(check({ records: { zz: { status: 'pending' } } })).toEqual([
      'records.zz: expected {"status":"pending"}, got nothing',
    ]);
  });

  it('treats a broker missing from leaderCounts / followerCounts as 0', () => {
    expect(check({ leaderCounts: { '1': 0, '2': 1 }, followerCounts: { '1': 1 } })).toEqual([]);
    expect(check({ leaderCounts: { '1': 1 } })).toEqual(['leaderCounts.1: expected 1, got 0']);
  });

  it('compares truncations as an ordered list of whole entries', () => {
    expect(
      check({ truncations: [{ broker: 1, partition: 't-0', fromLeo: 3, toOffset: 2 }] }),
    ).toEqual([]);
    expect(check({ truncations: [] })).toEqual([
      'truncations: expected [], got [{"broker":1,"partition":"t-0","fromLeo":3,"toOffset":2}]',
    ]);
  });

  it('matches a consume expectation with a fresh read (with from) or the last poll (without)', () => {
    expect(check({ consume: [{ client: 'C', partition: 't-0', records: ['a0', 'a1'] }] })).toEqual(
      [],
    );
    const withFresh = (facts: Facts) =>
      compareFacts(facts, {
        ...dump(),
        consume: [
          { client: 'C', partition: 't-0', from: 0, records: ['a0', 'a1'], fresh: true },
          ...dump().consume,
        ],
      }).map(formatMismatch);
    expect(
      withFresh({ consume: [{ client: 'C', partition: 't-0', from: 0, records: ['a0'] }] }),
    ).toEqual(['consume[0].records: expected ["a0"], got ["a0","a1"]']);
    expect(
      check({ consume: [{ client: 'C', partition: 't-0', from: 0, records: ['a0'] }] }),
    ).toHaveLength(1);
    expect(
      check({ consume: [{ client: 'C', partition: 't-1', error: 'OFFSET_OUT_OF_RANGE' }] }),
    ).toEqual([]);
    expect(check({ consume: [{ client: 'C', partition: 't-1', records: [] }] })).toEqual([
      'consume[0].records: expected [], got {"error":"OFFSET_OUT_OF_RANGE"}',
    ]);
    expect(check({ consume: [{ client: 'C', partition: 't-0', from: 7 }] })).toEqual([
      'consume[0]: expected {"client":"C","partition":"t-0","from":7}, got nothing (no read by C of t-0 from offset 7)',
    ]);
  });

  it('checks nothing for an empty expectation', () => {
    expect(compareFacts({}, dump())).toEqual([]);
  });
});
