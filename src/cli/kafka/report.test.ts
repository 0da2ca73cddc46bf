// The conformance page is generated from a run's JSON: verdicts, explained and open differences.
import { describe, expect, it, vi } from 'vitest';
import { renderMarkdown, unexplainedDifferences, unknownDifferences, type Report } from './report';
import type { ScenarioResult } from './run-on-kafka';
import type * as Explained from './explained';

// A made-up open difference (the real list may well be empty): open ones are shown apart.
vi.mock('./explained', async (importOriginal) => ({
  ...(await importOriginal<typeof Explained>()),
  OPEN: [
    {
      file: '41-elr-crashed-replica-leaves-elr.json',
      path: /^partitions\.t-0\.leader$/,
      title: 'An engine bug being fixed',
      why: 'The engine keeps the partition offline where Kafka elects a leader.',
      source: 'metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java',
    },
  ],
}));

function result(file: string, diffs: { path: string; kafka: unknown; engine: unknown }[], elr = 1) {
  return {
    file: `src/data/scenarios/${file}`,
    title: file,
    verdict: diffs.length ? 'differ' : 'agree',
    steps: [
      {
        step: 3,
        label: 'expect',
        ok: !diffs.length,
        differences: diffs,
        notCompared: [],
        seconds: 1,
      },
    ],
    engineFailures: [],
    seconds: 42,
    phases: { 'nodes started': 10, 'step expect': 2 },
    features: { 'eligible.leader.replicas.version': elr, 'metadata.version': 33 },
  } satisfies ScenarioResult;
}

const rep: Report = {
  kafkaVersion: '4.4.0',
  date: '2026-12-06T12:00:00.000Z',
  seconds: 1250,
  parallel: 2,
  harnessConfig: { 'unclean.leader.election.interval.ms': '2000' },
  results: [
    result('01-happy-path-acks-all.json', []),
    result('09-offline-partition-and-clean-return.json', [
      { path: 'consume[0].error', kafka: 'REQUEST_TIMED_OUT', engine: 'LEADER_NOT_AVAILABLE' },
    ]),
    result('41-elr-crashed-replica-leaves-elr.json', [
      { path: 'partitions.t-0.leader', kafka: 1, engine: null },
    ]),
    result('40-elr-off-same-faults-offline.json', [{ path: 'lost', kafka: ['a'], engine: [] }], 0),
  ],
  placement: [],
};

describe('the conformance report', () => {
  const md = renderMarkdown(rep);

  it('gives each scenario its verdict, with the kind of difference', () => {
    expect(md).toMatch(/\| 01-happy-path-acks-all \| on \| agree \|/);
    expect(md).toMatch(/\| 09-offline-partition-and-clean-return \| on \| differ \(explained\) \|/);
    expect(md).toMatch(
      /\| 41-elr-crashed-replica-leaves-elr \| on \| \*\*differ \(open: engine bug\)\*\* \|/,
    );
    expect(md).toMatch(/\| 40-elr-off-same-faults-offline \| off \| \*\*differ \(open\)\*\* \|/);
  });

  it('names the files re-run with --merge apart from the full run and its time', () => {
    const merged = renderMarkdown({
      ...rep,
      merged: {
        date: '2026-12-06T14:00:00.000Z',
        files: ['src/data/scenarios/01-happy-path-acks-all.json'],
      },
    });
    expect(merged).toContain('Last run: 2026-12-06 12:00 UTC');
    expect(merged).toContain(
      'Re-run since with `--merge` (last 2026-12-06 14:00 UTC), not part of the total time above: 01-happy-path-acks-all.',
    );
    expect(md).not.toContain('--merge');
  });

  it('states the version, the run time and the feature levels', () => {
    expect(md).toContain('Apache Kafka **4.4.0**');
    expect(md).toContain('**20 min 50 s** in all (`KAFKA_PARALLEL=2 npm run test:kafka`)');
    expect(md).toContain('`eligible.leader.replicas.version`: 1');
    expect(md).toContain('off (0) in 40');
    expect(md).toContain('`unclean.leader.election.interval.ms=2000`');
  });

  it('explains each difference with its Kafka source, open ones apart', () => {
    const explained = md.slice(md.indexOf('## Differences explained'), md.indexOf('## Open'));
    expect(explained).toContain('Kafka source: clients/src/main/java');
    const open = md.slice(md.indexOf('## Open differences'), md.indexOf('## Where the time'));
    expect(open).toContain('PartitionChangeBuilder.java');
    expect(md).toMatch(/\| nodes started \| 40 \|/);
  });

  it('fails the run on open and unknown differences, and retries only unknown ones', () => {
    expect(unexplainedDifferences(rep.results)).toEqual([
      'src/data/scenarios/41-elr-crashed-replica-leaves-elr.json steps[3] partitions.t-0.leader',
      'src/data/scenarios/40-elr-off-same-faults-offline.json steps[3] lost',
    ]);
    expect(rep.results.map(unknownDifferences)).toEqual([0, 0, 0, 1]);
  });
});

describe('the section on replayed fault schedules', () => {
  const replayed = (seed: number, lost: string[], diffs: Parameters<typeof result>[1] = []) => ({
    ...result(`replay-${seed}.json`, diffs),
    seed,
    brokers: 3,
    mode: 'acks=1, idempotence off, min ISR 2, unclean on, ELR on',
    counts: { produce: 2, kill: 1, stop: 2, restart: 1 },
    dropped: [],
    lost,
    acked: 7,
  });
  const md = renderMarkdown(rep, {
    kafkaVersion: '4.4.0',
    date: '2026-12-06T17:00:00.000Z',
    seconds: 960,
    parallel: 2,
    seeds: [29, 59],
    results: [
      replayed(29, ['v2.0', 'v2.1']),
      replayed(59, [], [{ path: 'lost', kafka: ['v1.0'], engine: [] }]),
    ],
  });
  const section = md.slice(md.indexOf('## Replayed fault schedules'), md.indexOf('## Differences'));

  it('lists each seed with its mode, ops, lost set and verdict, and the run time', () => {
    expect(section).toContain('seeds 29, 59');
    expect(section).toContain('1 agree, 1 differ, 0 not runnable on Kafka, 0 harness error(s)');
    expect(section).toContain(
      '**16 min 0 s** in all (`KAFKA_PARALLEL=2 npm run test:kafka:replay`)',
    );
    expect(section).toMatch(
      /\| 29 \| 3 \| acks=1, idempotence off, min ISR 2, unclean on, ELR on \| 2 \/ 1 \/ 2 \/ 1 \| 7 \| 2: v2\.0, v2\.1 \| agree \| 42 \|/,
    );
    expect(section).toMatch(/\| 59 \| .* \| none \| \*\*differ \(open\)\*\* \|/);
    expect(section).toContain('- **seed 59** (differ): steps[3] `lost`: Kafka ["v1.0"], engine []');
  });

  it('says what is compared and what is not', () => {
    expect(section).toContain('**Compared**');
    expect(section).toContain('**Not compared**');
    expect(renderMarkdown(rep)).toContain('Not run yet: `npm run test:kafka:replay`');
  });
});
