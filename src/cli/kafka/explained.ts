// Differences between real Kafka and the engine that are understood: the harness cannot observe
// the fact the same way, or the engine deviates on purpose. Each names the Kafka source that
// explains it. A difference not listed here fails `npm run test:kafka`. OPEN lists differences
// that are understood but are engine bugs still to fix: the report explains them, and they still
// fail the run until the engine agrees.

export interface Explained {
  /** scenario file name (suffix match) */
  file: string;
  /** fact path, e.g. /^consume\[\d+\]\.error$/ */
  path: RegExp;
  title: string;
  why: string;
  source: string;
}

export const EXPLAINED: Explained[] = [
  {
    file: '09-offline-partition-and-clean-return.json',
    path: /^consume\[\d+\]\.error$/,
    title: 'A read of an offline partition: the fetch error versus what a Java consumer shows',
    why: [
      "The engine's `consume` reports the error code of the fetch (LEADER_NOT_AVAILABLE while the",
      "partition has no leader). The harness reads with Kafka's Java consumer, which treats a",
      'missing leader as retriable: it refreshes its metadata and retries until its API timeout, so',
      'the application sees a timeout (REQUEST_TIMED_OUT), never the fetch error itself. The state',
      'is the same (no leader, nothing readable); only the observation differs.',
    ].join(' '),
    source:
      'clients/src/main/java/org/apache/kafka/clients/consumer/internals/OffsetFetcherUtils.java (a missing leader marks the partition for a metadata refresh and retry) and clients/src/main/java/org/apache/kafka/clients/consumer/KafkaConsumer.java (`endOffsets` and `poll` throw TimeoutException when the time runs out)',
  },
  {
    file: '16-controller-failover.json',
    path: /^controller$/,
    title: 'No active controller during a quorum election cannot be observed',
    why: [
      'Right after the active controller is killed, the engine shows no active controller',
      '(`controller: null`) until the quorum elects a new one. On a real cluster the question',
      '"who is the active controller" is DescribeQuorum, which only the quorum leader answers;',
      'while there is none the Admin client keeps retrying, and its answer is the next leader. The',
      'harness therefore sees the new leader, never the gap. Which controller wins next is also a',
      'vote race (the engine picks deterministically), so the id after a failover is not compared',
      'as a difference either.',
    ].join(' '),
    source:
      'raft/src/main/java/org/apache/kafka/raft/KafkaRaftClient.java (handleDescribeQuorumRequest answers NOT_LEADER_OR_FOLLOWER unless this node leads) and clients/src/main/java/org/apache/kafka/clients/admin/KafkaAdminClient.java (describeMetadataQuorum retries retriable errors until its timeout)',
  },
];

export const OPEN: Explained[] = [
  {
    file: '41-elr-crashed-replica-leaves-elr.json',
    path: /^(partitions\.t-0\.(leader|isr|lastKnownElr)|offline)$/,
    title:
      "Engine bug: Kafka elects the last known leader when it comes back (KIP-966's balanced recovery)",
    why: [
      'When the ISR of t-0 empties (leader 1 fenced, min.insync.replicas=1), Kafka 4.4 records',
      'the last leader in the last-known ELR (`lastKnownElr: [1]`, next to `elr: [1]`); the engine',
      'leaves it empty. Broker 1 then registers after its crash: Kafka removes it from the ELR, as',
      'the engine does, but keeps `lastKnownElr: [1]`, and as soon as broker 1 is unfenced elects',
      'it, with unclean.leader.election.enable=false: "Setting new leader ... to 1 using an unclean',
      'election" (ISR [1], leader epoch 2, leaderRecoveryState RECOVERING, lastKnownElr cleared);',
      'brokers 2 and 3 then rejoin the ISR. The engine keeps the partition offline with',
      '`lastKnownElr: [1]` until unclean election is enabled. The engine models the',
      '"last-known ELR members" variant of KIP-966; Kafka 4.4 runs the "last known leader" one',
      '(`useLastKnownLeaderInBalancedRecovery` is true and nothing sets it false).',
    ].join(' '),
    source:
      'metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java: `useLastKnownLeaderInBalancedRecovery` (default true), `maybeUpdateLastKnownLeader` (lastKnownElr := [leader] when the ISR first empties), `electAnyLeader` and `canElectLastKnownLeader` (ISR and ELR empty, one last known leader: elected as an unclean election), `maybeUpdateRecordElr`; metadata/src/main/java/org/apache/kafka/controller/ReplicationControlManager.java `handleBrokerUncleanShutdown`',
  },
];
