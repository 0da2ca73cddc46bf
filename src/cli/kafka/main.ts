// npm run test:kafka [-- files...]: runs the scenario files on a real Apache Kafka cluster and on
// the engine, prints one line per scenario, writes docs/kafka-conformance.json and generates
// docs/kafka-conformance.md. Exit 0 when every scenario agrees, is not runnable on Kafka (with its
// reason), or differs only in ways docs explain (explained.ts); 1 otherwise; 2 for a setup error.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../scenario/validate';
import { runScenario } from '../../scenario-run/run';
import { HarnessError } from './jars';
import {
  HARNESS_CONFIG,
  KafkaScenarioRun,
  type RawScenario,
  type ScenarioResult,
} from './run-on-kafka';
import { killAll } from './jvm-processes';
import { kafkaParallel, openKafka, runPool, runWithRetry, withFirstAttempt } from './runs';
import { comparePlacement, type PlacementResult } from './placement-check';
import {
  REPORT_JSON,
  regenerateMarkdown,
  unexplainedDifferences,
  writeReport,
  type Report,
} from './report';

const DEFAULT_DIRS = ['src/data/scenarios', 'src/data/conformance'];

function scenarioFiles(args: string[]): string[] {
  if (args.length) return args;
  return DEFAULT_DIRS.flatMap((d) => {
    try {
      return readdirSync(d)
        .filter((f) => /^\d.*\.json$/.test(f))
        .sort()
        .map((f) => join(d, f));
    } catch {
      return [];
    }
  });
}

function verdictLine(r: ScenarioResult): string {
  const name = r.file.replace(/^.*\//, '');
  if (r.verdict === 'agree') return `agree                 ${name} (${r.seconds.toFixed(0)} s)`;
  if (r.verdict === 'differ') {
    const diffs = r.steps
      .filter((s) => !s.ok)
      .flatMap((s) =>
        s.differences.map(
          (d) =>
            `steps[${s.step}] ${d.path}: kafka ${JSON.stringify(d.kafka)}, engine ${JSON.stringify(d.engine)}`,
        ),
      );
    return `differ                ${name}: ${diffs.join(' | ')}`;
  }
  return `${r.verdict.padEnd(21)} ${name}: ${r.reason}`;
}

function line(r: ScenarioResult): string {
  return withFirstAttempt(verdictLine(r), r);
}

async function main(): Promise<number> {
  const t0 = Date.now();
  const args = process.argv.slice(2);
  const onlyPlacement = args.includes('--placement-only');
  const merge = args.includes('--merge');
  if (args.includes('--report-only')) {
    // the page again from the last run's JSON, no cluster started
    if (!existsSync(REPORT_JSON)) {
      console.error(`--report-only needs a run's ${REPORT_JSON}`);
      return 2;
    }
    await regenerateMarkdown();
    console.log(`docs/kafka-conformance.md regenerated from ${REPORT_JSON}`);
    return 0;
  }
  if (merge && !existsSync(REPORT_JSON)) {
    console.error(`--merge needs a full run's ${REPORT_JSON}; run without --merge first`);
    return 2;
  }
  const files = scenarioFiles(args.filter((a) => !a.startsWith('--')));
  const subset = onlyPlacement || args.some((a) => !a.startsWith('--'));
  const log = (s: string) => console.log(s);
  const verbose = process.env.KAFKA_VERBOSE ? log : () => {};
  const jars = await openKafka(
    log,
    (version) => `Apache Kafka ${version}: ${files.length} scenario file(s)`,
  );
  if (!jars) return 2;
  const { classpath, version } = jars;
  const runs: { simMs: number; make: () => KafkaScenarioRun }[] = [];
  for (const file of onlyPlacement ? [] : files) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseScenarioText(text);
    if (!parsed.ok) {
      console.error(`bad file ${file}: ${parsed.errors.join('; ')}`);
      return 2;
    }
    const raw = JSON.parse(text) as RawScenario;
    runs.push({
      simMs: runScenario(parsed.scenario).state?.now ?? 0,
      make: () => new KafkaScenarioRun(file, parsed.scenario, raw, classpath, verbose),
    });
  }
  // Longest first: with clusters side by side, the long scenarios overlap the many short ones.
  runs.sort((a, b) => b.simMs - a.simMs);
  // KAFKA_PARALLEL clusters at a time (default 1): real Kafka mostly waits (ISR lag, session
  // timeouts), so two side by side roughly halve the wall time on a 2-core machine.
  const parallel = kafkaParallel();
  const results: ScenarioResult[] = [];
  let placement: PlacementResult[] = [];
  // A full run also checks placement on two clusters of its own, as one more job of the pool.
  const placementJob = async () => {
    try {
      placement = await comparePlacement(classpath, log);
    } catch (e) {
      if (!(e instanceof HarnessError)) throw e;
      console.log(`placement: harness error: ${e.message}`);
    }
  };
  const jobs: (() => Promise<void>)[] = [
    ...(onlyPlacement || (!merge && !subset) ? [placementJob] : []),
    ...runs.map(
      ({ make }) =>
        () =>
          runOne(make),
    ),
  ];
  const runOne = async (make: () => KafkaScenarioRun) => {
    const r = await runWithRetry(make, verdictLine);
    results.push(r);
    console.log(line(r));
    if (r.phases) verbose(`    wall seconds by phase: ${JSON.stringify(r.phases)}`);
  };
  await runPool(jobs, parallel);
  let seconds = (Date.now() - t0) / 1000;
  let ranParallel = parallel;
  let mergedFiles: string[] | undefined;
  let fullRunDate: string | undefined;
  if (merge) {
    // --merge: re-run some files and fold their results into the last full run's report
    const last = JSON.parse(readFileSync(REPORT_JSON, 'utf8')) as Report;
    const fresh = new Set(results.map((r) => r.file));
    results.push(...last.results.filter((r) => !fresh.has(r.file)));
    placement = last.placement;
    seconds = last.seconds;
    ranParallel = last.parallel ?? parallel;
    mergedFiles = [...new Set([...(last.merged?.files ?? []), ...fresh])].sort();
    fullRunDate = last.date;
  } else if (subset) {
    // some files only: printed, not written over the last full run's report (use --merge)
    console.log(`${results.length} file(s) run; the report is written by a full run or --merge`);
  }
  results.sort((a, b) => (a.file < b.file ? -1 : 1));
  const unexplained =
    subset && !merge
      ? unexplainedDifferences(results)
      : await writeReport({
          kafkaVersion: version,
          date: fullRunDate ?? new Date().toISOString(),
          seconds,
          parallel: ranParallel,
          harnessConfig: HARNESS_CONFIG,
          results,
          placement,
          ...(mergedFiles
            ? { merged: { date: new Date().toISOString(), files: mergedFiles } }
            : {}),
        });
  const counts = (v: string) => results.filter((r) => r.verdict === v).length;
  const openDiffer = results.filter((r) => unexplainedDifferences([r]).length > 0).length;
  console.log(
    `${counts('agree')} agree, ${counts('differ')} differ (${counts('differ') - openDiffer} explained), ${counts('not runnable on Kafka')} not runnable on Kafka, ${counts('over the time budget')} over the time budget, ${counts('harness error')} harness errors; placement ${placement.filter((p) => p.ok).length}/${placement.length} agree; ${seconds.toFixed(0)} s`,
  );
  for (const u of unexplained) console.log(`UNEXPLAINED ${u}`);
  const placementBad = placement.filter((p) => !p.ok).length;
  // the plain closing line CI reads: a scenario passes when it agrees or differs only as explained
  const passed = counts('agree') + counts('differ') - openDiffer + placement.length - placementBad;
  const failed = openDiffer + counts('harness error') + placementBad;
  const skipped = counts('not runnable on Kafka') + counts('over the time budget');
  console.log(`kafka: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  return unexplained.length === 0 && counts('harness error') === 0 && placementBad === 0 ? 0 : 1;
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
