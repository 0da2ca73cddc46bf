// Minimal counterexamples the property tests found (shrunk by fast-check, then by hand). They are
// replayed first by the property they broke (fast-check `examples`), so a regression shows at
// once, whatever the random seed.
import type { Case, Mode, Step } from './fault-schedule';

const SMALL = { brokers: 3, topics: [1], latencyMs: 1, jitterMs: 0, seed: 1 };
const SAFE: Mode = { acks: -1, idempotence: false, minIsr: 2, unclean: false };

function at(t: number, command: Step['command']): Step {
  return { at: t, command };
}

/**
 * The producer crashed (TypeError in onProduceRequestFailed) when a batch expired by
 * delivery.timeout.ms while a request carrying it was still in flight and then timed out.
 */
export const EXPIRED_BATCH_IN_FLIGHT: Case = {
  shape: SMALL,
  mode: SAFE,
  schedule: [
    at(0, { type: 'partitionNetwork', a: 1, b: 'P' }),
    at(0, { type: 'produce', client: 'P', topic: 't0', records: ['v1.0'] }),
  ],
};

/** R41: every acks=0 record was reported lost the moment it was written to the socket. */
export const ACKS0_REPORTED_LOST_AT_SEND: Case = {
  shape: SMALL,
  mode: { acks: 0, idempotence: false, minIsr: 1, unclean: false },
  schedule: [at(0, { type: 'produce', client: 'P', topic: 't0', records: ['v0.0'] })],
};

/**
 * R23: the crashed active controller kept fencing brokers (and electing leaders) until the
 * next controller was elected: all three brokers fenced at t=2000, partition offline.
 */
export const DEAD_CONTROLLER_FENCES: Case = {
  shape: SMALL,
  mode: SAFE,
  schedule: [at(0, { type: 'killController' })],
};

/** R23: same, with the active controller alive but cut off from its majority. */
export const MINORITY_CONTROLLER_FENCES: Case = {
  shape: SMALL,
  mode: { ...SAFE, minIsr: 1 },
  schedule: [
    at(0, { type: 'killController', controller: 103 }),
    at(0, { type: 'killController', controller: 102 }),
    at(0, { type: 'kill', broker: 1 }),
  ],
};

/**
 * R20/R21/R23: a broker session that expired while the active controller had no majority is
 * never checked again once the majority returns without an election (the session check is
 * scheduled for a time already past and then ignored). Broker 1 (leader of t0-0) is never
 * fenced, cannot re-register after its restart (DUPLICATE_BROKER_REGISTRATION), and t0-0
 * stays "led" by a broker that does not act as leader for the rest of the run.
 */
export const SESSION_CHECK_LOST_AFTER_QUORUM_BLIP: Case = {
  shape: SMALL,
  mode: SAFE,
  schedule: [
    at(0, { type: 'kill', broker: 1 }),
    at(1000, { type: 'killController', controller: 102 }),
    at(1000, { type: 'killController', controller: 103 }),
    at(2500, { type: 'restartController', controller: 102 }),
  ],
};

/**
 * R4/R31/R18: broker 3 leads epoch 1 without appending (its epoch cache ends with [1, 1]) and
 * dies. On its return the leader (epoch 2) answers its fetches with the diverging epoch
 * (0, end offset 1); the truncation offset equals its LEO, so nothing is truncated, the stale
 * epoch-cache entry stays, and the same fetch repeats forever: broker 3 never gets "b" and never
 * rejoins the ISR. Kafka truncates the epoch cache even when the log needs no truncation
 * (UnifiedLog.truncateTo).
 */
export const EMPTY_EPOCH_FOLLOWER_STUCK: Case = {
  shape: SMALL,
  mode: { ...SAFE, idempotence: true },
  schedule: [
    at(0, { type: 'produce', client: 'P', topic: 't0', records: ['a'] }),
    at(1000, { type: 'kill', broker: 1 }),
    at(3100, { type: 'kill', broker: 3 }),
    at(6000, { type: 'restart', broker: 1 }),
    at(7000, { type: 'produce', client: 'P', topic: 't0', records: ['b'] }),
    at(9000, { type: 'restart', broker: 3 }),
  ],
};

/**
 * R27/R31 (found by the full run, 15,000 cases): broker 1, a zombie leader, wrote "v3.0" too;
 * an unclean election then made it leader, but a fetch answer from the old leader (broker 3)
 * arrived before the news and broker 1 truncated "v3.0" as a follower. The loss happened in the
 * new leader's own log by truncation, which the checker did not look at.
 */
export const NEW_LEADER_TRUNCATED_ON_LATE_FETCH: Case = {
  shape: { brokers: 3, topics: [1, 1], latencyMs: 15, jitterMs: 2, seed: 983448496 },
  mode: { acks: -1, idempotence: false, minIsr: 1, unclean: true },
  schedule: [
    at(1, { type: 'produce', client: 'P', partition: 't0-0', records: ['v0.0'] }),
    at(6945, { type: 'partitionNetwork', a: 101, b: 1 }),
    at(7382, { type: 'pauseFetch', broker: 1 }),
    at(21443, { type: 'produce', client: 'P', topic: 't1', records: ['v3.0'] }),
    at(21443, { type: 'produce', client: 'P', partition: 't0-0', records: ['v4.0'] }),
    at(21443, { type: 'resumeFetch', broker: 1 }),
    at(21443, { type: 'kill', broker: 2 }),
    at(22921, { type: 'restartController' }),
    at(23461, { type: 'heal' }),
    at(24257, { type: 'stop', broker: 3 }),
  ],
};

/**
 * R13 (found by the full run, 15,000 cases): after an unclean election and restarts, broker 2
 * with LEO 0 was in the ISR of t1-0 while leader 1 had HW 1.
 */
export const ISR_MEMBER_BELOW_HW_AFTER_RESTARTS: Case = {
  shape: { brokers: 3, topics: [1, 1], latencyMs: 1, jitterMs: 1, seed: 6 },
  mode: { acks: -1, idempotence: false, minIsr: 1, unclean: true },
  schedule: [
    at(25001, { type: 'kill', broker: 1 }),
    at(25001, { type: 'produce', client: 'P', topic: 't1', records: ['v2.0'] }),
    at(25152, { type: 'stop', broker: 2 }),
    at(26996, { type: 'produce', client: 'P', topic: 't0', records: ['v5.0'] }),
    at(26997, { type: 'produce', client: 'P', topic: 't1', records: ['v7.0'] }),
    at(27156, { type: 'restartController' }),
    at(27247, { type: 'produce', client: 'P', topic: 't0', records: ['v9.0'] }),
    at(27250, { type: 'stop', broker: 3 }),
    at(27254, { type: 'produce', client: 'P', partition: 't0-0', records: ['v11.0'] }),
    at(47873, { type: 'restart', broker: 1 }),
    at(47876, { type: 'restart', broker: 2 }),
    at(47908, { type: 'produce', client: 'P', topic: 't1', records: ['v14.0'] }),
    at(47915, { type: 'restart', broker: 3 }),
  ],
};

/**
 * R47: a follower that had deleted offset 0 by retention took a new leader's lagging HW 0 as its
 * own, below its log start offset 1 (Kafka keeps a HW within [log start offset, LEO]).
 */
export const FOLLOWER_HW_BELOW_LOG_START: Case = {
  shape: { ...SMALL, retentionMs: 2000 },
  mode: SAFE,
  schedule: [
    at(0, { type: 'kill', broker: 1 }),
    at(0, { type: 'heal' }),
    at(26942, { type: 'produce', client: 'P', topic: 't0', records: ['v2.0'] }),
    at(27108, { type: 'kill', broker: 2 }),
    at(27108, { type: 'restart', broker: 2 }),
    at(28996, { type: 'stop', broker: 3 }),
  ],
};

/**
 * R39/KIP-360 (found by the default run): with no controller quorum and a cut link, v2.0 (sequence
 * 0) was written but never acknowledged and expired; the producer bumped its epoch at once and
 * re-sent v4.0, already written as sequence 1, with the new epoch: it stood twice. Kafka waits
 * until the partition's other sent batches settle (maybeResolveSequences): v4.0's ack proves
 * sequence 0 written, and no bump is needed.
 */
export const EPOCH_BUMP_BEFORE_SEQUENCES_RESOLVED: Case = {
  shape: SMALL,
  mode: { ...SAFE, idempotence: true, elr: false },
  schedule: [
    at(0, { type: 'killController', controller: 102 }),
    at(0, { type: 'killController' }),
    at(0, { type: 'produce', client: 'P', topic: 't0', records: ['v2.0'] }),
    at(0, { type: 'partitionNetwork', a: 1, b: 2 }),
    at(2557, { type: 'produce', client: 'P', topic: 't0', records: ['v4.0'] }),
  ],
};

/**
 * R39/KIP-360 (found by a deeper run): an epoch bump for one partition's gap re-sequenced a batch
 * of another partition that had already been written (v6.0 stood twice). Kafka keeps such a
 * batch's epoch and sequence; only the partitions with the gap start over at 0.
 */
export const EPOCH_BUMP_REWROTE_OTHER_PARTITION: Case = {
  shape: { brokers: 3, topics: [2], latencyMs: 1, jitterMs: 1, seed: 170511484 },
  mode: { acks: -1, idempotence: true, minIsr: 1, unclean: false },
  schedule: [
    at(0, { type: 'killController' }),
    at(0, { type: 'kill', broker: 1 }),
    at(0, { type: 'killController', controller: 102 }),
    at(0, { type: 'produce', client: 'P', topic: 't0', records: ['v3.0'] }),
    at(0, { type: 'restart', broker: 1 }),
    at(0, { type: 'produce', client: 'P', partition: 't0-1', records: ['v5.0'] }),
    at(473, { type: 'produce', client: 'P', partition: 't0-1', records: ['v6.0'] }),
  ],
};
