// docs/kafka-replay.json (what `npm run test:kafka:replay` leaves) and the section of
// docs/kafka-conformance.md made from it.
import { existsSync, readFileSync } from 'node:fs';
import type { ScenarioResult } from '../run-on-kafka';

export const REPLAY_JSON = 'docs/kafka-replay.json';

export interface ReplayResult extends ScenarioResult {
  seed: number;
  brokers: number;
  /** acks, idempotence, min ISR, unclean election, ELR */
  mode: string;
  /** ops of the schedule replayed, by kind */
  counts: Record<string, number>;
  /** ops of the schedule left out (they did not apply when they came), with the reason */
  dropped: string[];
  /** the engine's lost set at the end; Kafka's is the same when the verdict is agree */
  lost: string[];
  /** records acknowledged in the whole schedule */
  acked: number;
}

export interface ReplayReport {
  kafkaVersion: string;
  /** ISO time the run ended */
  date: string;
  seconds: number;
  parallel: number;
  seeds: number[];
  results: ReplayResult[];
}

export function readReplayReport(): ReplayReport | undefined {
  if (!existsSync(REPLAY_JSON)) return undefined;
  return JSON.parse(readFileSync(REPLAY_JSON, 'utf8')) as ReplayReport;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The differences of a result, one "steps[n] path: Kafka x, engine y" each. */
export function differenceTexts(r: ScenarioResult): string[] {
  return r.steps.flatMap((s) =>
    s.differences.map(
      (d) =>
        `steps[${s.step}] \`${d.path}\`: Kafka ${JSON.stringify(d.kafka)}, engine ${JSON.stringify(d.engine)}`,
    ),
  );
}

/** The page's section on the replayed schedules; `verdict` names each result's verdict. */
export function renderReplaySection(
  rep: ReplayReport | undefined,
  verdict: (r: ScenarioResult) => string,
): string[] {
  const head = [
    '## Replayed fault schedules',
    '',
    "Kafka's own system test `tests/kafkatest/tests/core/replication_test.py` bounces brokers under a",
    'verifiable producer and checks that no acknowledged message is lost. `npm run test:kafka:replay`',
    "does the same on both sides with the engine's property tests' seeded fault schedules (`caseArb`",
    'in src/engine/test-support/fault-schedule.ts): src/cli/kafka/replay turns the schedule of each',
    'seed into a scenario file and runs it on a real cluster and in the engine.',
    '',
    '- **Reduced to what a real cluster replays faithfully**: produce bursts, kills (SIGKILL),',
    "  controlled shutdowns (SIGTERM) and restarts, in the schedule's order. The schedule's",
    '  millisecond timings, network cuts, fetch pauses, controller faults and retention are left out:',
    '  on a real cluster they are races (each is covered by a scenario file of its own above).',
    '- **Deterministic by construction**: one fault at a time, on a settled cluster; after a kill the',
    '  file waits past the session timeout (the fence and the election), with unclean election on',
    "  past the controller's periodic unclean election, then settles, so no two brokers are eligible",
    '  at once and no produce races a fault. A burst goes only to a partition with a leader that',
    '  takes it (acks=all: an ISR of at least min.insync.replicas; NOT_ENOUGH_REPLICAS is retried',
    '  until delivery.timeout.ms and would race the ISR growing back); keyless sends are pinned to a',
    "  partition (Kafka's sticky partitioner picks at random); the engine's placement is written",
    '  out as the assignment; the automatic preferred-leader rebalance (a 5-minute wall-clock timer)',
    '  is off. The file ends by restarting every broker that is down, one at a time, and settling.',
    '- **Compared** after every fault and burst (the harness also waits there until Kafka has the',
    "  state): every broker's status, every partition's leader, leader epoch, ISR, ELR and last-known",
    "  ELR, the lost set (acknowledged records no longer in the leader's log), and each record's",
    "  outcome, partition and offset. At the end also every replica's log (values and leader epochs)",
    '  and epoch cache, the committed records per partition (a consumer reading to the HW), duplicates,',
    '  uncommitted acknowledged records and offline partitions.',
    '- **Not compared**: replica high watermarks (Kafka checkpoints them every 5 s), retries of a send',
    '  (`attemptErrors`), partition epochs, truncation events (the logs before and after are',
    '  compared) and event times.',
    '- **Found so far**: two engine bugs, both in the epoch cache (R4) and fixed, each with a unit',
    '  test in src/engine/rules-controller.test.ts: a new entry drops the entries it does not',
    '  strictly follow (`LeaderEpochFileCache.assign`; seed 29 showed `[[3,0],[5,0]]` where Kafka',
    '  has `[[5,0]]`), and a restart cuts the cache at the log end (`LogLoader.load` calls',
    '  `truncateFromEnd`; seeds 14, 16, 59 and 359 showed `[[0,0]]` where Kafka has `[]`).',
    '',
  ];
  if (!rep)
    return [...head, 'Not run yet: `npm run test:kafka:replay` writes docs/kafka-replay.json.', ''];
  const minutes = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  const count = (v: string) => rep.results.filter((r) => verdict(r) === v).length;
  const losing = rep.results.filter((r) => r.lost.length > 0).length;
  const others = ['differ', 'not runnable on Kafka', 'harness error']
    .map((v) => [v, rep.results.filter((r) => r.verdict === v).length] as const)
    .map(([v, n]) => `${n} ${v}${v === 'harness error' ? '(s)' : ''}`)
    .join(', ');
  const lostCell = (lost: string[]) =>
    lost.length === 0
      ? 'none'
      : `${lost.length}: ${lost.slice(0, 4).join(', ')}${lost.length > 4 ? ', ...' : ''}`;
  return [
    ...head,
    `Last run: ${rep.date.slice(0, 16).replace('T', ' ')} UTC on Apache Kafka **${rep.kafkaVersion}**, ${rep.results.length} schedules (seeds ${rep.seeds.join(', ')}), **${minutes(rep.seconds)}** in all (\`KAFKA_PARALLEL=${rep.parallel} npm run test:kafka:replay\`): ${count('agree')} agree, ${others}. ${losing} schedule(s) end with acknowledged records lost (acks=1 or unclean election), on both sides alike where they agree.`,
    '',
    '| seed | brokers | mode | produce / kill / stop / restart | acked | lost at the end | verdict | seconds |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rep.results.map(
      (r) =>
        `| ${r.seed} | ${r.brokers} | ${cell(r.mode)} | ${['produce', 'kill', 'stop', 'restart'].map((k) => r.counts[k] ?? 0).join(' / ')} | ${r.acked} | ${lostCell(r.lost)} | ${verdict(r)} | ${Math.round(r.seconds)} |`,
    ),
    '',
    ...rep.results
      .filter((r) => r.verdict !== 'agree' || r.firstAttempt)
      .map(
        (r) =>
          `- **seed ${r.seed}** (${r.verdict}): ${cell(r.verdict === 'differ' ? differenceTexts(r).join('; ') : (r.reason ?? ''))}${r.firstAttempt ? `. The first try: ${cell(r.firstAttempt.split('\n')[0]!)}` : ''}`,
      ),
    '',
  ];
}
