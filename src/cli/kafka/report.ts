// Writes docs/kafka-conformance.json (every result of a run) and generates
// docs/kafka-conformance.md from it (`npm run test:kafka -- --report-only` regenerates the page
// from the JSON alone).
import { readFileSync, writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import type { ScenarioResult } from './run-on-kafka';
import type { PlacementResult } from './placement-check';
import { EXPLAINED, OPEN, type Explained } from './explained';
import {
  REPLAY_JSON,
  readReplayReport,
  renderReplaySection,
  type ReplayReport,
} from './replay/report';

export const REPORT_JSON = 'docs/kafka-conformance.json';
const REPORT_MD = 'docs/kafka-conformance.md';

/** Everything a run leaves: the page is made from this alone. */
export interface Report {
  kafkaVersion: string;
  /** ISO time the run ended */
  date: string;
  seconds: number;
  /** clusters side by side */
  parallel: number;
  /** configs the harness gives every node unless a scenario sets them */
  harnessConfig: Record<string, string>;
  results: ScenarioResult[];
  placement: PlacementResult[];
  /** files re-run with --merge since the full run (`date` and `seconds` stay the full run's) */
  merged?: { date: string; files: string[] };
}

function find(list: Explained[], file: string, path: string): Explained | undefined {
  return list.find((e) => file.endsWith(e.file) && e.path.test(path));
}

const explanationFor = (file: string, path: string) => find(EXPLAINED, file, path);

/** Differences that neither EXPLAINED nor OPEN covers: worth a second try on a fresh cluster. */
export function unknownDifferences(r: ScenarioResult): number {
  return r.steps
    .flatMap((s) => s.differences)
    .filter((d) => !explanationFor(r.file, d.path) && !find(OPEN, r.file, d.path)).length;
}

/** Differences that no entry of explained.ts covers (open ones included), as "file steps[n] path". */
export function unexplainedDifferences(results: ScenarioResult[]): string[] {
  const out: string[] = [];
  for (const r of results)
    for (const s of r.steps)
      for (const d of s.differences)
        if (!explanationFor(r.file, d.path)) out.push(`${r.file} steps[${s.step}] ${d.path}`);
  return out;
}

/** A first attempt's verdict line without the log tail it may quote. */
const firstLine = (text: string) => text.split('\n')[0]!.replace(/\s+/g, ' ').trim();

const show = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const base = (f: string) => f.replace(/^.*\//, '').replace(/\.json$/, '');

function verdictCell(r: ScenarioResult): string {
  if (r.verdict === 'agree') return 'agree';
  if (r.verdict === 'differ') {
    const paths = r.steps.flatMap((s) => s.differences.map((d) => d.path));
    if (paths.every((p) => explanationFor(r.file, p))) return 'differ (explained)';
    if (paths.every((p) => explanationFor(r.file, p) || find(OPEN, r.file, p)))
      return '**differ (open: engine bug)**';
    return '**differ (open)**';
  }
  return r.verdict;
}

function details(r: ScenarioResult): string {
  if (r.verdict === 'agree') {
    const skipped = [...new Set(r.steps.flatMap((s) => s.notCompared))];
    return `${r.steps.length} checked step(s) agree${skipped.length ? `; not compared: ${skipped.join(', ')}` : ''}`;
  }
  if (r.verdict === 'differ')
    return r.steps
      .flatMap((s) =>
        s.differences.map(
          (d) => `steps[${s.step}] \`${d.path}\`: Kafka ${show(d.kafka)}, engine ${show(d.engine)}`,
        ),
      )
      .join('<br>');
  return r.reason ?? '';
}

function elrOf(r: ScenarioResult): string {
  if (!r.features) return ''; // not run
  // a feature at level 0 is not finalized, so the cluster does not list it
  return (r.features['eligible.leader.replicas.version'] ?? 0) >= 1 ? 'on' : 'off';
}

/** The table's short note; the long text (differences, reasons) goes under "Details". */
function note(r: ScenarioResult): string {
  const again = r.firstAttempt ? '; agreed on its second try' : '';
  if (r.verdict === 'agree') {
    const skipped = [...new Set(r.steps.flatMap((s) => s.notCompared))];
    return `${r.steps.length} checked step(s)${again}${skipped.length ? `; not compared: ${skipped.join(', ')}` : ''}`;
  }
  if (r.verdict === 'differ') {
    const n = r.steps.reduce((k, s) => k + s.differences.length, 0);
    return `${n} difference(s), below`;
  }
  return 'reason below';
}

/** Wall seconds by phase, summed over the scenarios that ran: where the time goes. */
function phaseTotals(results: ScenarioResult[]): [string, number][] {
  const sum: Record<string, number> = {};
  for (const r of results)
    for (const [k, v] of Object.entries(r.phases ?? {})) sum[k] = (sum[k] ?? 0) + v;
  return Object.entries(sum).sort((a, b) => b[1] - a[1]);
}

function explanationSection(e: Explained): string[] {
  return [`### ${e.title}`, '', e.why, '', `Kafka source: ${e.source}`, ''];
}

/** The page; `replay` is the last `npm run test:kafka:replay` (its own section). */
export function renderMarkdown(rep: Report, replay?: ReplayReport): string {
  const { results, placement } = rep;
  const features = results.find((r) => r.features)?.features ?? {};
  const count = (v: string) => results.filter((r) => r.verdict === v).length;
  const used = new Set<Explained>();
  const open = new Set<Explained>();
  for (const r of [...results, ...(replay?.results ?? [])])
    for (const s of r.steps)
      for (const d of s.differences) {
        const e = explanationFor(r.file, d.path);
        if (e) used.add(e);
        const o = e ? undefined : find(OPEN, r.file, d.path);
        if (o) open.add(o);
      }
  const ran = results.filter((r) => r.phases);
  const minutes = (s: number) => `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
  const elrOff = results.filter((r) => elrOf(r) === 'off').map((r) => base(r.file).slice(0, 2));
  return [
    '# Conformance with Apache Kafka',
    '',
    '<!-- Generated by `npm run test:kafka` from docs/kafka-conformance.json (src/cli/kafka/report.ts); do not edit by hand. -->',
    '',
    `The scenario files run on a real Apache Kafka **${rep.kafkaVersion}** KRaft cluster and on the`,
    "engine; at every `expect` and `expectEvent` step the real cluster's facts are compared with the",
    "engine's. How the harness works, what it needs and how to run it: README, section",
    '"Checked against real Kafka".',
    '',
    `Last run: ${rep.date.slice(0, 16).replace('T', ' ')} UTC, **${minutes(rep.seconds)}** in all (\`KAFKA_PARALLEL=${rep.parallel} npm run test:kafka\`). ${count('agree')} scenario(s) agree, ${count('differ')} differ, ${count('not runnable on Kafka')} not runnable on Kafka, ${count('harness error')} harness error(s), ${count('over the time budget')} over the time budget.`,
    ...(rep.merged
      ? [
          '',
          `Re-run since with \`--merge\` (last ${rep.merged.date.slice(0, 16).replace('T', ' ')} UTC), not part of the total time above: ${rep.merged.files.map((f) => f.replace(/^.*\//, '').replace(/\.json$/, '')).join(', ')}. Their verdicts and times are in the table.`,
        ]
      : []),
    '',
    '## Cluster and feature levels',
    '',
    '- One JVM per node (`-Xmx256m`, a class-data-sharing archive of Kafka), on 127.0.0.1, data in',
    "  memory (/dev/shm); the scenario's broker ids, racks (`broker.rack`), broker and topic",
    "  configs. One KRaft controller, or the scenario's whole quorum when it kills or restarts",
    '  controllers.',
    '- Finalized feature levels (as read from the cluster):',
    ...Object.entries(features)
      .sort()
      .map(([k, v]) => `  - \`${k}\`: ${v}`),
    "- ELR (`eligible.leader.replicas.version`) is formatted as each scenario's `cluster.features`",
    `  give it (default 1, on, as a new Kafka 4.1+ cluster); off (0) in ${elrOff.length ? elrOff.join(', ') : 'none'}.`,
    '  Both sides run with the same level; the table shows the level the cluster reported.',
    '- Set by the harness unless a scenario sets it:',
    ...Object.entries(rep.harnessConfig).map(([k, v]) => `  - \`${k}=${v}\``),
    "  (the controller's periodic unclean election, 5 min by default: the scenarios waiting for it",
    '  accept any phase of that timer, so a real cluster need not idle five minutes).',
    '',
    '## Verdict per scenario',
    '',
    '| scenario | ELR | verdict | note | seconds |',
    '| --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${base(r.file)} | ${elrOf(r)} | ${verdictCell(r)} | ${cell(note(r))} | ${Math.round(r.seconds)} |`,
    ),
    '',
    '### Details',
    '',
    ...results
      .filter((r) => r.verdict !== 'agree' || r.firstAttempt)
      .flatMap((r) => [
        `- **${base(r.file)}** (${r.verdict}): ${details(r).replace(/<br>/g, '; ')}${r.firstAttempt ? `. The first try: ${firstLine(r.firstAttempt)}` : ''}`,
      ]),
    '',
    '## Placement',
    '',
    "Kafka 4's controllers place a new topic's replicas with `StripedReplicaPlacer`",
    '(metadata/src/main/java/org/apache/kafka/metadata/placement/StripedReplicaPlacer.java). The',
    "engine's src/engine/controller/placement.ts does the same; both are random, so it is checked two",
    "ways: Kafka's own class with scripted draws must give the engine's layout for the same draws,",
    "and a real cluster's layout must be one the engine's placer gives for some draws.",
    '',
    '| check | verdict | Kafka | note |',
    '| --- | --- | --- | --- |',
    ...placement.map(
      (p) =>
        `| ${cell(p.name)} | ${p.ok ? 'agree' : '**differ**'} | \`${JSON.stringify(p.kafka)}\` | ${cell(p.note)} |`,
    ),
    '',
    ...renderReplaySection(replay, verdictCell),
    '## Differences explained',
    '',
    ...(used.size ? [...used].flatMap(explanationSection) : ['None.', '']),
    '## Open differences',
    '',
    ...(open.size
      ? [
          'Understood, but the engine is wrong here: these fail the run until the engine agrees.',
          '',
          ...[...open].flatMap(explanationSection),
        ]
      : ['None.', '']),
    '## Where the time goes',
    '',
    `Wall seconds by phase, summed over the ${ran.length} scenarios that ran (the kept try of each; clusters ran ${rep.parallel} at a time):`,
    '',
    '| phase | seconds |',
    '| --- | --- |',
    ...phaseTotals(ran).map(([k, v]) => `| ${k} | ${Math.round(v)} |`),
    '',
    '## Not compared',
    '',
    "- A replica's in-memory high watermark: Kafka keeps it in memory and checkpoints it every",
    '  5 s (`replica.high.watermark.checkpoint.interval.ms`), so it is timing-dependent. The',
    "  leader's HW is checked through `committed` (a consumer reads up to it).",
    '- `attemptErrors` (how many retries happen depends on timing), `truncations` (Kafka does not',
    '  record them; the logs before and after are compared instead), `partitionEpoch` (not in',
    '  the DescribeTopicPartitions response), and event times (windows are not compared; the',
    '  harness waits for the state instead).',
    '',
  ].join('\n');
}

/** Written as the repo's prettier config has it, so `npm run format:check` passes on them. */
async function writePretty(file: string, text: string): Promise<void> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(text, { ...options, filepath: file }));
}

/** Writes the run's JSON and the page made from it; returns the differences not explained. */
export async function writeReport(rep: Report): Promise<string[]> {
  await writePretty(REPORT_JSON, JSON.stringify(rep, null, 2));
  await writePretty(REPORT_MD, renderMarkdown(rep, readReplayReport()));
  return unexplainedDifferences(rep.results);
}

/** Regenerates the page from the last run's JSON (after editing explained.ts, say). */
export async function regenerateMarkdown(): Promise<void> {
  const rep = JSON.parse(readFileSync(REPORT_JSON, 'utf8')) as Report;
  await writePretty(REPORT_MD, renderMarkdown(rep, readReplayReport()));
}

/** Writes a replay run's JSON and the page again (with the last full run's scenario results). */
export async function writeReplayReport(replay: ReplayReport): Promise<void> {
  await writePretty(REPLAY_JSON, JSON.stringify(replay, null, 2));
  const rep = JSON.parse(readFileSync(REPORT_JSON, 'utf8')) as Report;
  await writePretty(REPORT_MD, renderMarkdown(rep, replay));
}
