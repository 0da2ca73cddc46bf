// Replica placement for a topic created without an explicit assignment, as a KRaft controller
// does it: Kafka's StripedReplicaPlacer (apache/kafka metadata/src/main/java/org/apache/kafka/
// metadata/placement/StripedReplicaPlacer.java), reimplemented from its description. Checked
// against a real Kafka 4.4 cluster by `npm run test:kafka` (docs/kafka-conformance.md).
//
// In short: brokers are grouped by rack; racks are visited round-robin from a random start rack,
// and within a rack brokers are taken round-robin from a random start. Every partition moves the
// start rack on by one and every rack's start broker on by one, which gives the "striped" layout
// (partition p+1 is partition p shifted by one broker). Once as many partitions were placed as
// there are brokers, racks and brokers are shuffled, so later rounds do not repeat the first.
// The draws come from the caller's seeded PRNG, so a scenario's layout is reproducible; real
// Kafka draws from java.util.Random, so its layout is one of the same family, not the same one.

export interface PlacementBroker {
  id: number;
  rack?: string;
  /** a fenced broker never gets a partition's first replica, and gets others only when needed */
  fenced?: boolean;
}

export type PlacementResult = { ok: true; assignment: number[][] } | { ok: false; error: string };

type RandInt = (n: number) => number;

/** Kafka's Collections.shuffle: from the end, swap each slot with a random one at or before it. */
function shuffle<T>(list: T[], randInt: RandInt): void {
  for (let i = list.length; i > 1; i--) {
    const j = randInt(i);
    [list[i - 1], list[j]] = [list[j]!, list[i - 1]!];
  }
}

/** A rack's brokers of one kind (fenced or not), handed out round-robin once per epoch. */
class BrokerRing {
  readonly ids: number[] = [];
  private index = 0;
  private offset = 0;
  private epoch = 0;

  init(randInt: RandInt): void {
    if (this.ids.length === 0) return;
    this.ids.sort((a, b) => a - b);
    this.offset = randInt(this.ids.length);
  }

  /** The next broker in this epoch, or -1 when every broker was handed out in it. */
  next(epoch: number): number {
    const n = this.ids.length;
    if (n === 0) return -1;
    if (this.epoch !== epoch) {
      // a new partition: start one broker further on
      this.epoch = epoch;
      this.index = 0;
      this.offset = (this.offset + 1) % n;
    }
    if (this.index >= n) return -1;
    return this.ids[(this.index++ + this.offset) % n]!;
  }
}

class Rack {
  readonly unfenced = new BrokerRing();
  readonly fenced = new BrokerRing();
  next(epoch: number): number {
    const b = this.unfenced.next(epoch);
    return b >= 0 ? b : this.fenced.next(epoch);
  }
}

/** Places `partitions` partitions of `replicationFactor` replicas each on `brokers`. */
export function assignReplicas(
  brokers: PlacementBroker[],
  partitions: number,
  replicationFactor: number,
  randInt: RandInt,
): PlacementResult {
  if (partitions <= 0)
    return fail('Number of partitions was set to an invalid non-positive value.');
  if (replicationFactor <= 0)
    return fail(
      `Invalid replication factor ${replicationFactor}: the replication factor must be positive.`,
    );
  if (replicationFactor > brokers.length)
    return fail(
      `The target replication factor of ${replicationFactor} cannot be reached because only ${brokers.length} broker(s) are registered.`,
    );
  const unfencedCount = brokers.filter((b) => !b.fenced).length;
  if (unfencedCount === 0) return fail('All brokers are currently fenced.');

  // Racks by name; brokers without a rack form one rack of their own, sorted first.
  const racks = new Map<string, Rack>();
  const key = (b: PlacementBroker) => (b.rack === undefined ? '' : `=${b.rack}`);
  for (const b of brokers) {
    const rack = racks.get(key(b)) ?? new Rack();
    racks.set(key(b), rack);
    (b.fenced ? rack.fenced : rack.unfenced).ids.push(b.id);
  }
  const names = [...racks.keys()].sort();
  for (const name of names) {
    racks.get(name)!.fenced.init(randInt);
    racks.get(name)!.unfenced.init(randInt);
  }
  let offset = randInt(names.length);
  let epoch = 0;

  const assignment: number[][] = [];
  for (let p = 0; p < partitions; p++) {
    if (epoch === unfencedCount && unfencedCount > 1) {
      // every broker led once: reshuffle so the next round differs
      shuffle(names, randInt);
      for (const rack of racks.values()) {
        shuffle(rack.fenced.ids, randInt);
        shuffle(rack.unfenced.ids, randInt);
      }
      epoch = 0;
    }
    if (offset === names.length) offset = 0;
    // The leader: the next unfenced broker, from the start rack on.
    let firstRack = offset;
    let leader = racks.get(names[firstRack]!)!.unfenced.next(epoch);
    while (leader < 0) {
      firstRack = (firstRack + 1) % names.length;
      leader = racks.get(names[firstRack]!)!.unfenced.next(epoch);
    }
    const replicas = [leader];
    // Followers: racks in turn from the start rack, passing the leader's rack over once.
    let rackIndex = offset;
    while (replicas.length < replicationFactor) {
      let b = -1;
      do {
        if (rackIndex === firstRack) firstRack = -1;
        else b = racks.get(names[rackIndex]!)!.next(epoch);
        rackIndex = (rackIndex + 1) % names.length;
      } while (b < 0);
      replicas.push(b);
    }
    assignment.push(replicas);
    epoch++;
    offset++;
  }
  return { ok: true, assignment };
}

function fail(error: string): PlacementResult {
  return { ok: false, error };
}
