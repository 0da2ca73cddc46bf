// Replica placement for a topic created without an explicit assignment: Kafka's classic
// AdminUtils.assignReplicasToBrokers (rack-unaware and rack-aware), reimplemented from
// apache/kafka server-common/src/main/java/org/apache/kafka/admin/AdminUtils.java
// (same logic as the older core/src/main/scala/kafka/admin/AdminUtils.scala). Brokers are
// sorted by id first, as core/src/main/scala/kafka/zk/AdminZkClient.scala (getBrokerMetadatas)
// does before calling it. Error texts are the Java version's.
// Note: KRaft controllers place replicas with StripedReplicaPlacer instead; this is the
// AdminUtils algorithm the brief asks for.

export interface PlacementBroker {
  id: number;
  rack?: string;
}

export type PlacementResult = { ok: true; assignment: number[][] } | { ok: false; error: string };

/**
 * Index of the (j+2)-th replica: the first replica's index plus a shift in [1, n-1], so a
 * follower never lands on the leader's slot. Kafka's `replicaIndex`.
 */
function replicaIndex(first: number, shift: number, j: number, n: number): number {
  return (first + 1 + ((shift + j) % (n - 1))) % n;
}

/**
 * Brokers interleaved by rack: racks sorted by name, brokers within a rack by id, then one
 * from each rack in turn (e.g. rack1:[0,5] rack2:[3,4] rack3:[1,2] -> 0,3,1,5,4,2).
 * Kafka's `getRackAlternatedBrokerList`.
 */
export function getRackAlternatedBrokerList(brokers: readonly PlacementBroker[]): number[] {
  const byRack = new Map<string, number[]>();
  for (const b of brokers) {
    const rack = b.rack ?? '';
    const ids = byRack.get(rack) ?? [];
    ids.push(b.id);
    byRack.set(rack, ids);
  }
  // Java's Arrays.sort on Strings compares UTF-16 code units, as the default JS sort does.
  const racks = [...byRack.keys()].sort();
  const queues = racks.map((r) => (byRack.get(r) ?? []).sort((a, b) => a - b));
  const result: number[] = [];
  for (let round = 0; result.length < brokers.length; round++) {
    for (const q of queues) {
      const id = q[round];
      if (id !== undefined) result.push(id);
    }
  }
  return result;
}

/** randInt(n) returns a uniformly distributed integer in [0, n) from the caller's seeded PRNG. */
export function assignReplicas(
  brokers: PlacementBroker[],
  partitions: number,
  replicationFactor: number,
  randInt: (n: number) => number,
  options: { fixedStartIndex?: number; startPartitionId?: number } = {},
): PlacementResult {
  if (partitions <= 0) return fail('Number of partitions must be larger than 0.');
  if (replicationFactor <= 0) return fail('Replication factor must be larger than 0.');
  if (replicationFactor > brokers.length) {
    return fail(
      `Replication factor: ${replicationFactor} larger than available brokers: ${brokers.length}.`,
    );
  }
  const withRack = brokers.filter((b) => b.rack !== undefined).length;
  if (withRack > 0 && withRack < brokers.length) {
    return fail('Not all brokers have rack information for replica rack aware assignment.');
  }

  const sorted = [...brokers].sort((a, b) => a.id - b.id);
  const rackAware = withRack > 0;
  const list = rackAware ? getRackAlternatedBrokerList(sorted) : sorted.map((b) => b.id);
  const n = list.length;

  // Kafka draws the start index first, then the replica shift (only without a fixed index).
  const fixed = options.fixedStartIndex ?? -1;
  const startIndex = fixed >= 0 ? fixed : randInt(n);
  let shift = fixed >= 0 ? fixed : randInt(n);
  let partitionId = Math.max(0, options.startPartitionId ?? -1);

  const rackOf = new Map(sorted.map((b) => [b.id, b.rack ?? '']));
  const numRacks = new Set(rackOf.values()).size;

  const assignment: number[][] = [];
  for (let i = 0; i < partitions; i++, partitionId++) {
    // After each full round of leaders, move followers one step further so that the same
    // replica sets do not repeat.
    if (partitionId > 0 && partitionId % n === 0) shift++;
    const first = (partitionId + startIndex) % n;
    assignment.push(
      rackAware
        ? rackAwareReplicas(list, rackOf, numRacks, first, shift, replicationFactor)
        : rackUnawareReplicas(list, first, shift, replicationFactor),
    );
  }
  return { ok: true, assignment };
}

function rackUnawareReplicas(list: number[], first: number, shift: number, rf: number): number[] {
  const replicas = [list[first] as number];
  for (let j = 0; j < rf - 1; j++) {
    replicas.push(list[replicaIndex(first, shift, j, list.length)] as number);
  }
  return replicas;
}

/**
 * Walks the rack-alternated list like the rack-unaware case (shift scaled by the rack count),
 * skipping a broker whose rack already has a replica while some rack has none, and a broker
 * that already has a replica while some broker has none.
 */
function rackAwareReplicas(
  list: number[],
  rackOf: Map<number, string>,
  numRacks: number,
  first: number,
  shift: number,
  rf: number,
): number[] {
  const leader = list[first] as number;
  const replicas = [leader];
  const racks = new Set([rackOf.get(leader)]);
  const used = new Set([leader]);
  let k = 0;
  while (replicas.length < rf) {
    const broker = list[replicaIndex(first, shift * numRacks, k, list.length)] as number;
    const rack = rackOf.get(broker);
    k++;
    if (racks.has(rack) && racks.size < numRacks) continue;
    if (used.has(broker) && used.size < list.length) continue;
    replicas.push(broker);
    racks.add(rack);
    used.add(broker);
  }
  return replicas;
}

function fail(error: string): PlacementResult {
  return { ok: false, error };
}
