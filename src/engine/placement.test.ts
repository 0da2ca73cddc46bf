import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReplicas, getRackAlternatedBrokerList, type PlacementBroker } from './placement';

// Cases reproduced from apache/kafka core/src/test/scala/unit/kafka/admin/AdminRackAwareTest.scala
// and its checks from core/src/test/scala/unit/kafka/admin/RackAwareTest.scala.

const noRandom = (): number => {
  throw new Error('randInt must not be called with a fixed start index');
};

/** A randInt that returns the given values in order (and records the bounds it was asked for). */
function scripted(values: number[]): { randInt: (n: number) => number; bounds: number[] } {
  const bounds: number[] = [];
  let i = 0;
  return {
    bounds,
    randInt: (n) => {
      bounds.push(n);
      return values[i++] ?? 0;
    },
  };
}

const racked = (map: Record<number, string>): PlacementBroker[] =>
  Object.entries(map).map(([id, rack]) => ({ id: Number(id), rack }));

const plain = (ids: number[]): PlacementBroker[] => ids.map((id) => ({ id }));

function place(...args: Parameters<typeof assignReplicas>): number[][] {
  const r = assignReplicas(...args);
  if (!r.ok) throw new Error(r.error);
  return r.assignment;
}

/** Every (startIndex, shift) pair Kafka's Random could draw, as scripted randInts. */
function allDraws(n: number): ((k: number) => number)[] {
  const out: ((k: number) => number)[] = [];
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out.push(scripted([a, b]).randInt);
  return out;
}

/** RackAwareTest.checkReplicaDistribution. */
interface Verify {
  rackAware?: boolean;
  leaders?: boolean;
  replicas?: boolean;
}

function checkDistribution(
  assignment: number[][],
  rackOf: Record<number, string>,
  rf: number,
  verify: Verify = {},
): void {
  const { rackAware = true, leaders = true, replicas = true } = verify;
  const brokers = Object.keys(rackOf).map(Number);
  const leaderCount = new Map<number, number>();
  const replicaCount = new Map<number, number>();
  for (const list of assignment) {
    expect(new Set(list).size).toBe(list.length);
    const leader = list[0] as number;
    leaderCount.set(leader, (leaderCount.get(leader) ?? 0) + 1);
    for (const b of list) replicaCount.set(b, (replicaCount.get(b) ?? 0) + 1);
    if (rackAware) expect(new Set(list.map((b) => rackOf[b])).size).toBe(rf);
  }
  const perBroker = (m: Map<number, number>) => brokers.map((b) => m.get(b) ?? 0);
  const p = assignment.length;
  const n = brokers.length;
  if (leaders) expect(perBroker(leaderCount)).toEqual(brokers.map(() => Math.floor(p / n)));
  if (replicas) {
    expect(perBroker(replicaCount)).toEqual(brokers.map(() => Math.floor((p * rf) / n)));
  }
}

describe('rack-unaware assignment', () => {
  it('matches AdminRackAwareTest.testReplicaAssignment (5 brokers, 10 partitions, RF 3, start 0)', () => {
    const brokers = plain([0, 1, 2, 3, 4]);
    expect(place(brokers, 10, 3, noRandom, { fixedStartIndex: 0 })).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 0],
      [4, 0, 1],
      [0, 2, 3],
      [1, 3, 4],
      [2, 4, 0],
      [3, 0, 1],
      [4, 1, 2],
    ]);
  });

  // Followed by hand: n = 6, startIndex = shift = 1; leader index = (p + 1) % 6;
  // follower j index = (leader + 1 + (shift + j) % 5) % 6; shift becomes 2 at partition 6.
  //   shift 1: followers at leader+2, leader+3   shift 2: followers at leader+3, leader+4
  const SIX_BROKERS_TABLE = [
    [2, 4, 5], // p0 idx 1,3,4
    [3, 5, 6], // p1 idx 2,4,5
    [4, 6, 1], // p2 idx 3,5,0
    [5, 1, 2], // p3 idx 4,0,1
    [6, 2, 3], // p4 idx 5,1,2
    [1, 3, 4], // p5 idx 0,2,3
    [2, 5, 6], // p6 idx 1,4,5 (shift 2)
    [3, 6, 1], // p7 idx 2,5,0
    [4, 1, 2], // p8 idx 3,0,1
    [5, 2, 3], // p9 idx 4,1,2
  ];

  it('matches a hand-computed table for brokers 1..6, 10 partitions, RF 3, start 1', () => {
    // Given unsorted on purpose: Kafka sorts brokers by id first.
    const brokers = plain([4, 1, 6, 2, 5, 3]);
    expect(place(brokers, 10, 3, noRandom, { fixedStartIndex: 1 })).toEqual(SIX_BROKERS_TABLE);
  });

  it('draws startIndex then shift from randInt(#brokers) when no fixed index is given', () => {
    const rnd = scripted([1, 1]);
    expect(place(plain([1, 2, 3, 4, 5, 6]), 10, 3, rnd.randInt)).toEqual(SIX_BROKERS_TABLE);
    expect(rnd.bounds).toEqual([6, 6]);
  });

  it('numbers partitions from startPartitionId (adding partitions)', () => {
    const brokers = plain([0, 1, 2, 3, 4]);
    const all = place(brokers, 10, 3, noRandom, { fixedStartIndex: 0 });
    // Starting at 5 (a multiple of #brokers) bumps the shift at once, so it continues the table.
    const tail = place(brokers, 5, 3, noRandom, { fixedStartIndex: 0, startPartitionId: 5 });
    expect(tail).toEqual(all.slice(5));
    // As in Kafka, the shift only grows on crossing a multiple of #brokers, so starting at 6
    // keeps shift 0: p6 = leader index 1, followers at +1, +2.
    const fromSix = place(brokers, 1, 3, noRandom, { fixedStartIndex: 0, startPartitionId: 6 });
    expect(fromSix).toEqual([[1, 2, 3]]);
  });
});

describe('rack-aware assignment', () => {
  it('matches testGetRackAlternatedBrokerListAndAssignReplicasToBrokers', () => {
    const rackMap = { 0: 'rack1', 1: 'rack3', 2: 'rack3', 3: 'rack2', 4: 'rack2', 5: 'rack1' };
    expect(getRackAlternatedBrokerList(racked(rackMap))).toEqual([0, 3, 1, 5, 4, 2]);
    const without5 = racked(rackMap).filter((b) => b.id !== 5);
    expect(getRackAlternatedBrokerList(without5)).toEqual([0, 3, 1, 4, 2]);
    const opts = { fixedStartIndex: 0, startPartitionId: 0 };
    expect(place(racked(rackMap), 7, 3, noRandom, opts)).toEqual([
      [0, 3, 1],
      [3, 1, 5],
      [1, 5, 4],
      [5, 4, 2],
      [4, 2, 0],
      [2, 0, 3],
      [0, 4, 2],
    ]);
  });

  const SIX = { 0: 'rack1', 1: 'rack2', 2: 'rack2', 3: 'rack3', 4: 'rack3', 5: 'rack1' };

  it('testAssignmentWithRackAware (fixed start 2)', () => {
    const a = place(racked(SIX), 6, 3, noRandom, { fixedStartIndex: 2, startPartitionId: 0 });
    checkDistribution(a, SIX, 3);
  });

  it('testAssignmentWithRackAwareWithUnevenReplicas (13 partitions, start 0)', () => {
    const a = place(racked(SIX), 13, 3, noRandom, { fixedStartIndex: 0, startPartitionId: 0 });
    checkDistribution(a, SIX, 3, { leaders: false, replicas: false });
  });

  // Kafka runs these with a random start; here every possible pair of draws is tried.
  const randomCases: [string, Record<number, string>, number, number, Verify][] = [
    ['testAssignmentWithRackAwareWithRandomStartIndex', SIX, 6, 3, {}],
    [
      'testAssignmentWithRackAwareWithUnevenRacks',
      { 0: 'rack1', 1: 'rack1', 2: 'rack2', 3: 'rack3', 4: 'rack3', 5: 'rack1' },
      12,
      3,
      { replicas: false },
    ],
    ['testAssignmentWith2ReplicasRackAware', SIX, 12, 2, {}],
    ['testAssignmentWith2ReplicasRackAwareWith6Partitions', SIX, 6, 2, {}],
    [
      'testAssignmentWith2ReplicasRackAwareWith6PartitionsAnd3Brokers',
      { 0: 'rack1', 1: 'rack2', 4: 'rack3' },
      3,
      2,
      {},
    ],
    [
      'testLargeNumberPartitionsAssignment',
      { ...SIX, 6: 'rack1', 7: 'rack2', 8: 'rack2', 9: 'rack3', 10: 'rack1', 11: 'rack3' },
      96,
      3,
      {},
    ],
  ];
  it.each(randomCases)('%s, for every random draw', (_name, rackOf, partitions, rf, verify) => {
    const n = Object.keys(rackOf).length;
    for (const randInt of allDraws(n)) {
      checkDistribution(place(racked(rackOf), partitions, rf, randInt), rackOf, rf, verify);
    }
  });

  it('testRackAwareExpansion (brokers 6..11, startPartitionId 12)', () => {
    const rackOf = { 6: 'rack1', 7: 'rack2', 8: 'rack2', 9: 'rack3', 10: 'rack3', 11: 'rack1' };
    for (const randInt of allDraws(6)) {
      const a = place(racked(rackOf), 12, 2, randInt, { startPartitionId: 12 });
      checkDistribution(a, rackOf, 2);
    }
  });

  it('testMoreReplicasThanRacks / testLessReplicasThanRacks (3 racks)', () => {
    const rackOf: Record<number, string> = {
      0: 'rack1',
      1: 'rack2',
      2: 'rack2',
      3: 'rack3',
      4: 'rack3',
      5: 'rack2',
    };
    for (const randInt of allDraws(6)) {
      for (const [rf, racks] of [
        [5, 3],
        [2, 2],
      ] as const) {
        for (const list of place(racked(rackOf), 6, rf, randInt)) {
          expect(list).toHaveLength(rf);
          expect(new Set(list.map((b) => rackOf[b])).size).toBe(racks);
        }
      }
    }
  });

  it('testSingleRack: one leader per broker', () => {
    const rackOf = { 0: 'rack1', 1: 'rack1', 2: 'rack1', 3: 'rack1', 4: 'rack1', 5: 'rack1' };
    for (const randInt of allDraws(6)) {
      const a = place(racked(rackOf), 6, 3, randInt);
      expect(a.every((l) => l.length === 3)).toBe(true);
      checkDistribution(a, rackOf, 3, { rackAware: false, replicas: false });
    }
  });

  it('testSkipBrokerWithReplicaAlreadyAssigned (RF 4 over 3 racks, start 2)', () => {
    const rackOf = { 0: 'a', 1: 'b', 2: 'c', 3: 'a', 4: 'a' };
    const a = place(racked(rackOf), 6, 4, noRandom, { fixedStartIndex: 2 });
    checkDistribution(a, rackOf, 4, { rackAware: false, leaders: false, replicas: false });
    expect(a.every((l) => l.length === 4)).toBe(true);
  });
});

describe('errors (Kafka AdminUtils wording)', () => {
  const three = plain([1, 2, 3]);
  it.each([
    [three, 0, 1, 'Number of partitions must be larger than 0.'],
    [three, 3, 0, 'Replication factor must be larger than 0.'],
    [three, 3, -1, 'Replication factor must be larger than 0.'],
    [three, 3, 4, 'Replication factor: 4 larger than available brokers: 3.'],
    [
      [{ id: 1, rack: 'r1' }, { id: 2 }],
      3,
      1,
      'Not all brokers have rack information for replica rack aware assignment.',
    ],
  ] as [PlacementBroker[], number, number, string][])(
    'rejects %j, %i partitions, RF %i',
    (brokers, partitions, rf, error) => {
      expect(assignReplicas(brokers, partitions, rf, noRandom)).toEqual({ ok: false, error });
    },
  );
});

describe('properties', () => {
  const setup = fc
    .record({
      n: fc.integer({ min: 1, max: 12 }),
      racks: fc.integer({ min: 0, max: 4 }), // 0 = no rack information
      partitions: fc.integer({ min: 1, max: 40 }),
      rfSeed: fc.nat(),
      draws: fc.tuple(fc.nat(), fc.nat()),
      start: fc.option(fc.nat({ max: 20 }), { nil: undefined }),
    })
    .map(({ n, racks, rfSeed, ...rest }) => {
      const brokers: PlacementBroker[] = Array.from({ length: n }, (_, i) => ({
        id: 100 + 3 * (n - 1 - i), // distinct, given in descending order
        ...(racks > 0 ? { rack: `r${i % racks}` } : {}),
      }));
      return { brokers, rf: 1 + (rfSeed % n), ...rest };
    });

  it('gives each partition RF distinct live brokers, spanning min(RF, #racks) racks', () => {
    fc.assert(
      fc.property(setup, ({ brokers, rf, partitions, draws, start }) => {
        const rnd = scripted(draws.map((d) => d % brokers.length));
        const r = assignReplicas(brokers, partitions, rf, rnd.randInt, { fixedStartIndex: start });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.assignment).toHaveLength(partitions);
        const rackOf = new Map(brokers.map((b) => [b.id, b.rack]));
        const numRacks = new Set(rackOf.values()).size;
        for (const list of r.assignment) {
          expect(list).toHaveLength(rf);
          expect(new Set(list).size).toBe(rf);
          for (const b of list) expect(rackOf.has(b)).toBe(true);
          if (brokers[0]?.rack !== undefined) {
            expect(new Set(list.map((b) => rackOf.get(b))).size).toBe(Math.min(rf, numRacks));
          }
        }
        expect(rnd.bounds).toEqual(start === undefined ? [brokers.length, brokers.length] : []);
      }),
    );
  });

  it('is deterministic for the same draws', () => {
    fc.assert(
      fc.property(setup, ({ brokers, rf, partitions, draws }) => {
        const run = () =>
          assignReplicas(
            brokers,
            partitions,
            rf,
            scripted(draws.map((d) => d % brokers.length)).randInt,
          );
        expect(run()).toEqual(run());
      }),
    );
  });
});
