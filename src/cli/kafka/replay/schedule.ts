// The property tests' seeded fault schedules (engine/test-support/fault-schedule.ts, caseArb),
// reduced to what a real cluster can replay faithfully at step boundaries: produce bursts, broker
// kills (SIGKILL), controlled shutdowns (SIGTERM) and restarts, in the schedule's order. Their
// millisecond timings, network cuts, fetch pauses, controller faults and retention are left out:
// on a real cluster they are races (see docs/kafka-conformance.md, "Replayed fault schedules").
import fc from 'fast-check';
import { caseArb, type Mode, type Shape } from '../../../engine/test-support/fault-schedule';

/**
 * The seeds replayed by `npm run test:kafka:replay`, fixed so a run can be repeated (seed n is
 * fast-check's first sample of caseArb(REPLAY_MODE) with seed n): the first 14 seeds from 1 whose
 * reduced schedule has at least two broker faults and loses nothing, then every seed up to 400
 * whose schedule loses acknowledged records at some point in the engine (acks=1 or unclean
 * election), so both sides are compared on non-empty lost sets too.
 */
export const REPLAY_SEEDS: readonly number[] = [
  1, 2, 4, 5, 7, 8, 9, 10, 13, 14, 15, 16, 17, 19, 29, 59, 75, 92, 122, 162, 174, 281, 305, 359,
];

/**
 * RF 3 and min.insync.replicas=2 throughout; acks=all (with idempotence on or off) or acks=1
 * (idempotence off: Kafka refuses acks=1 with idempotence), unclean election and ELR on or off.
 */
const REPLAY_MODE: fc.Arbitrary<Mode> = fc
  .record({
    acks: fc.constantFrom(-1 as const, 1 as const),
    idempotence: fc.boolean(),
    minIsr: fc.constant(2),
    unclean: fc.boolean(),
    elr: fc.boolean(),
  })
  .map((m) => ({ ...m, idempotence: m.acks === -1 && m.idempotence }));

export type ReplayOp =
  | { kind: 'produce'; partition: string; records: string[] }
  | { kind: 'kill' | 'stop' | 'restart'; broker: number };

export interface ReplayPlan {
  seed: number;
  shape: Shape;
  mode: Mode;
  /** the schedule's ops in order; the generator drops those that do not apply when they come */
  ops: ReplayOp[];
}

/** The property tests' case for `seed`, reduced to the ops a real cluster replays faithfully. */
export function replayPlan(seed: number): ReplayPlan {
  const [c] = fc.sample(caseArb(REPLAY_MODE), { seed, numRuns: 1 });
  const { shape, mode, schedule } = c!;
  const ops: ReplayOp[] = [];
  for (const [i, { command }] of schedule.entries()) {
    if (command.type === 'produce') {
      // A keyless send is spread by Kafka's sticky partitioner at random: pin it to a partition.
      const partition =
        command.partition ??
        `${command.topic}-${i % shape.topics[Number(command.topic!.slice(1))]!}`;
      ops.push({ kind: 'produce', partition, records: command.records });
    } else if (command.type === 'kill' || command.type === 'stop' || command.type === 'restart')
      ops.push({ kind: command.type, broker: command.broker });
  }
  return { seed, shape, mode, ops };
}
