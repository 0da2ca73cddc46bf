// npm run test:kafka:replay [-- seeds...] [-- --out DIR]: replays the property tests' seeded fault
// schedules (schedule.ts, generate.ts) on a real Kafka cluster and in the engine, prints one line
// per schedule, and (for the whole set) writes docs/kafka-replay.json and the page's section.
// --out DIR only writes the generated scenario files (no cluster). Exit 0 when every schedule
// agrees or differs only as explained.ts explains; 1 otherwise; 2 for a setup error.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScenario } from '../../../scenario/validate';
import { killAll } from '../jvm-processes';
import { KafkaScenarioRun, type RawScenario } from '../run-on-kafka';
import { unexplainedDifferences, writeReplayReport } from '../report';
import { kafkaParallel, openKafka, runPool, runWithRetry, withFirstAttempt } from '../runs';
import { replayFile, type ReplayFile } from './generate';
import { REPLAY_SEEDS } from './schedule';
import { differenceTexts, type ReplayResult } from './report';

function line(r: ReplayResult): string {
  const name = `seed ${String(r.seed).padEnd(4)}`;
  const text =
    r.verdict === 'agree'
      ? `agree                 ${name} (${r.seconds.toFixed(0)} s; lost at the end: ${r.lost.length})`
      : r.verdict === 'differ'
        ? `differ                ${name}: ${differenceTexts(r).join(' | ')}`
        : `${r.verdict.padEnd(21)} ${name}: ${r.reason}`;
  return withFirstAttempt(text, r);
}

/** The last expect of the file: the engine's final facts. */
function finalExpect(f: ReplayFile): { lost: string[]; records: Record<string, unknown> } {
  const steps = f.scenario.steps as { do: string; lost?: string[]; records?: object }[];
  const last = steps[steps.length - 1]!;
  return { lost: last.lost ?? [], records: (last.records ?? {}) as Record<string, unknown> };
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const args = process.argv.slice(2);
  let out: string | undefined;
  const seedArgs: string[] = [];
  const bad: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--out') out = args[++i] ?? '';
    else if (/^\d+$/.test(a)) seedArgs.push(a);
    else bad.push(a);
  }
  if (bad.length || out === '') {
    console.error(
      `usage: npm run test:kafka:replay [-- seed...] [--out DIR]; ${bad.length ? `not a seed: ${bad.join(', ')}` : '--out needs a folder'}`,
    );
    return 2;
  }
  const seeds = seedArgs.length ? seedArgs.map(Number) : [...REPLAY_SEEDS];
  const dir = out ?? mkdtempSync(join(tmpdir(), 'kafka-replay-'));
  mkdirSync(dir, { recursive: true });
  const files = seeds.map((seed) => {
    const f = replayFile(seed);
    const path = join(dir, `replay-${seed}.json`);
    writeFileSync(path, JSON.stringify(f.scenario, null, 2) + '\n');
    return { f, path };
  });
  if (out) {
    console.log(`${files.length} scenario file(s) written to ${dir}`);
    return 0;
  }
  const log = (s: string) => console.log(s);
  const verbose = process.env.KAFKA_VERBOSE ? log : () => {};
  const jars = await openKafka(
    log,
    (version) =>
      `Apache Kafka ${version}: ${files.length} replayed fault schedule(s), files in ${dir}`,
  );
  if (!jars) return 2;
  const { classpath, version } = jars;
  const results: ReplayResult[] = [];
  const runOne = async ({ f, path }: (typeof files)[number]) => {
    const parsed = parseScenario(f.scenario);
    if (!parsed.ok) throw new Error(`replay ${f.seed}: ${parsed.errors.join('; ')}`);
    const make = () =>
      new KafkaScenarioRun(path, parsed.scenario, f.scenario as RawScenario, classpath, verbose);
    // as npm run test:kafka; the first try's difference in the replay's own words
    const r = await runWithRetry(make, (r) =>
      r.verdict === 'differ' ? differenceTexts(r).join('; ') : r.verdict,
    );
    const final = finalExpect(f);
    const res: ReplayResult = {
      ...r,
      // the generated file's name, not its temporary folder (explained.ts matches by suffix)
      file: `replay-${f.seed}.json`,
      seed: f.seed,
      brokers: f.brokers,
      mode: f.mode,
      counts: f.counts,
      dropped: f.dropped,
      lost: final.lost,
      acked: Object.values(final.records).filter(
        (x) => (x as { status: string }).status === 'acked',
      ).length,
    };
    results.push(res);
    console.log(line(res));
  };
  const parallel = kafkaParallel();
  await runPool(
    files.map((file) => () => runOne(file)),
    parallel,
  );
  results.sort((a, b) => a.seed - b.seed);
  const seconds = (Date.now() - t0) / 1000;
  const unexplained = unexplainedDifferences(results);
  const agree = results.filter((r) => r.verdict === 'agree').length;
  const errors = results.filter((r) => r.verdict === 'harness error').length;
  if (seedArgs.length)
    console.log(
      `${results.length} schedule(s) run; the report is written by a run of the whole set`,
    );
  else
    await writeReplayReport({
      kafkaVersion: version,
      date: new Date().toISOString(),
      seconds,
      parallel,
      seeds,
      results,
    });
  console.log(
    `${agree} agree, ${results.length - agree - errors} differ or not runnable, ${errors} harness error(s); ${seconds.toFixed(0)} s`,
  );
  for (const u of unexplained) console.log(`UNEXPLAINED ${u}`);
  return unexplained.length === 0 && errors === 0 ? 0 : 1;
}

main()
  .then((code) => {
    killAll();
    process.exit(code);
  })
  .catch((e: unknown) => {
    console.error(e);
    killAll();
    process.exit(2);
  });
