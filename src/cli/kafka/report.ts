// Writes docs/kafka-conformance.json and docs/kafka-conformance.md from a run's results.
import { writeFileSync } from 'node:fs';
import type { ScenarioResult } from './run-on-kafka';
import type { PlacementResult } from './placement-check';

export const explainedDifferences: { file: string; path: RegExp; why: string }[] = [];

/** Returns the differences that no entry of `explainedDifferences` covers. */
export function writeReport(
  version: string,
  results: ScenarioResult[],
  placement: PlacementResult[],
  seconds: number,
): string[] {
  writeFileSync(
    'docs/kafka-conformance.json',
    JSON.stringify({ kafkaVersion: version, seconds, results, placement }, null, 2) + '\n',
  );
  const unexplained: string[] = [];
  for (const r of results)
    for (const s of r.steps)
      for (const d of s.differences)
        if (!explainedDifferences.some((e) => r.file.endsWith(e.file) && e.path.test(d.path)))
          unexplained.push(`${r.file} steps[${s.step}] ${d.path}`);
  return unexplained;
}
