import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignReplicas, type PlacementBroker } from './placement';

// The tables below are what Kafka 4.4.0's own KRaft placer (StripedReplicaPlacer) returned when
// every random draw nextInt(n) answered k % n (kafka/src/main/java/dev/krv/Placement.java runs
// it; `npm run test:kafka` re-checks these cases against the jar and a real cluster).

const brokersOf = (spec: string): PlacementBroker[] =>
  spec.split(',').map((x) => {
    const [id, rack] = x.split(':');
    return rack ? { id: Number(id), rack } : { id: Number(id) };
  });

function place(spec: string, partitions: number, rf: number, k: number): number[][] {
  const r = assignReplicas(brokersOf(spec), partitions, rf, (n) => k % n);
  if (!r.ok) throw new Error(r.error);
  return r.assignment;
}

describe('KRaft striped placement, draw for draw as Kafka 4.4.0', () => {
  it("the lecture's 6 brokers, 10 partitions, RF 3, draws 0: striped, then a reshuffled round", () => {
    expect(place('0,1,2,3,4,5', 10, 3, 0)).toEqual([
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
      [4, 5, 0],
      [5, 0, 1],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
      [4, 5, 0],
    ]);
  });

  it('the same topic with draws 4', () => {
    expect(place('0,1,2,3,4,5', 10, 3, 4)).toEqual([
      [4, 5, 0],
      [5, 0, 1],
      [0, 1, 2],
      [1, 2, 3],
      [2, 3, 4],
      [3, 4, 5],
      [5, 4, 2],
      [4, 2, 3],
      [2, 3, 1],
      [3, 1, 0],
    ]);
  });

  it('the lecture with racks a, b, c (two brokers each), draws 1', () => {
    expect(place('0:a,1:b,2:c,3:a,4:b,5:c', 10, 3, 1)).toEqual([
      [4, 5, 3],
      [2, 0, 1],
      [3, 4, 5],
      [1, 2, 0],
      [5, 3, 4],
      [0, 1, 2],
      [5, 4, 3],
      [1, 0, 2],
      [3, 5, 4],
      [2, 1, 0],
    ]);
  });

  it('racks given in any order, 13 partitions (more than one reshuffle)', () => {
    expect(place('0:r1,1:r3,2:r3,3:r2,4:r2,5:r1', 13, 3, 2)).toEqual([
      [1, 0, 3],
      [5, 4, 2],
      [3, 1, 0],
      [2, 5, 4],
      [0, 3, 1],
      [4, 2, 5],
      [2, 4, 5],
      [3, 0, 1],
      [5, 2, 4],
      [1, 3, 0],
      [4, 5, 2],
      [0, 1, 3],
      [1, 0, 3],
    ]);
  });

  it('uneven racks (x has 3 brokers, y has 2), RF 2', () => {
    expect(place('1:x,2:y,3:x,4:y,5:x', 7, 2, 3)).toEqual([
      [4, 1],
      [3, 2],
      [4, 5],
      [1, 2],
      [4, 3],
      [1, 2],
      [4, 5],
    ]);
  });

  it('twelve brokers in three racks (the twelve-brokers scenario), draws 5', () => {
    expect(place('1:a,2:b,3:c,4:a,5:b,6:c,7:a,8:b,9:c,10:a,11:b,12:c', 12, 3, 5)).toEqual([
      [6, 4, 5],
      [7, 8, 9],
      [11, 12, 10],
      [3, 1, 2],
      [4, 5, 6],
      [8, 9, 7],
      [12, 10, 11],
      [1, 2, 3],
      [5, 6, 4],
      [9, 7, 8],
      [10, 11, 12],
      [2, 3, 1],
    ]);
  });

  it('RF 1 on three brokers', () => {
    expect(place('1,2,3', 5, 1, 2)).toEqual([[3], [1], [2], [3], [2]]);
  });
});

describe('placement errors (KRaft texts)', () => {
  it('refuses more replicas than brokers, no partitions, and RF 0', () => {
    const b = brokersOf('1,2');
    expect(assignReplicas(b, 1, 3, () => 0)).toEqual({
      ok: false,
      error:
        'The target replication factor of 3 cannot be reached because only 2 broker(s) are registered.',
    });
    expect(assignReplicas(b, 0, 1, () => 0).ok).toBe(false);
    expect(assignReplicas(b, 1, 0, () => 0).ok).toBe(false);
  });

  it('never puts a leader on a fenced broker', () => {
    const b: PlacementBroker[] = [{ id: 1, fenced: true }, { id: 2 }, { id: 3 }];
    const r = assignReplicas(b, 6, 3, (n) => n - 1);
    expect(r.ok && r.assignment.every((a) => a[0] !== 1)).toBe(true);
  });
});

describe('placement properties', () => {
  const cluster = fc
    .record({
      n: fc.integer({ min: 1, max: 12 }),
      racks: fc.integer({ min: 0, max: 4 }),
      partitions: fc.integer({ min: 1, max: 40 }),
      rf: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 0, max: 1000 }),
    })
    .filter((c) => c.rf <= c.n);

  it('distinct replicas; every rack used before one repeats; leaders spread evenly per round', () => {
    fc.assert(
      fc.property(cluster, ({ n, racks, partitions, rf, seed }) => {
        const brokers: PlacementBroker[] = Array.from({ length: n }, (_, i) =>
          racks ? { id: i + 1, rack: `r${i % racks}` } : { id: i + 1 },
        );
        let x = seed;
        const r = assignReplicas(brokers, partitions, rf, (m) => (x = (x * 31 + 7) % 9973) % m);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const rackCount = racks ? Math.min(racks, n) : 1;
        for (const a of r.assignment) {
          expect(new Set(a).size).toBe(rf);
          const used = new Set(a.map((b) => brokers[b - 1]!.rack));
          expect(used.size).toBe(Math.min(rf, rackCount));
        }
        // Each round of n partitions gives every broker the lead at most once per rack turn.
        for (let start = 0; start + n <= partitions; start += n) {
          const leaders = r.assignment.slice(start, start + n).map((a) => a[0]);
          if (!racks) expect(new Set(leaders).size).toBe(n);
        }
      }),
    );
  });
});
