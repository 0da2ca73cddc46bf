// What both Kafka commands (test:kafka and test:kafka:replay) do around a scenario run: open
// Kafka's jars, run clusters KAFKA_PARALLEL at a time, and give a run that failed one more try.
import { HarnessError, kafkaClasspath } from './jars';
import { prepareArchive } from './cds';
import type { KafkaScenarioRun, ScenarioResult } from './run-on-kafka';
import { unknownDifferences } from './report';

export interface KafkaJars {
  classpath: string;
  version: string;
}

/**
 * Kafka's jars (fetched with Maven the first time) and the class-data archive for fast JVM
 * starts; `announce(version)` is printed between the two. Null, with the reason printed, when
 * Java or Maven is missing or Maven fails.
 */
export async function openKafka(
  log: (s: string) => void,
  announce: (version: string) => string,
): Promise<KafkaJars | null> {
  let jars: KafkaJars;
  try {
    jars = kafkaClasspath(log);
  } catch (e) {
    if (e instanceof HarnessError) {
      console.error(e.message);
      return null;
    }
    throw e;
  }
  console.log(announce(jars.version));
  await prepareArchive(jars.classpath, log);
  return jars;
}

/** KAFKA_PARALLEL clusters at a time (default 1). */
export function kafkaParallel(): number {
  return Math.max(1, Number(process.env.KAFKA_PARALLEL ?? 1) || 1);
}

/** Runs the jobs, `parallel` at a time, each taking the next job left. */
export async function runPool(jobs: (() => Promise<void>)[], parallel: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]!();
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/**
 * Runs a scenario on a fresh cluster. Real Kafka runs in wall time on a shared machine: a run
 * that differs (other than as explained.ts knows) or trips the harness gets one more try on a
 * fresh cluster (KAFKA_RETRY=0: none), and the result keeps the first verdict as `firstAttempt`
 * (`describe` words it). A run stopped at its time limit is not tried again: a second one would be too.
 */
export async function runWithRetry(
  make: () => KafkaScenarioRun,
  describe: (r: ScenarioResult) => string,
): Promise<ScenarioResult> {
  const r = await make().run();
  if (
    process.env.KAFKA_RETRY === '0' ||
    r.timedOut ||
    (r.verdict !== 'harness error' && unknownDifferences(r) === 0)
  )
    return r;
  return { ...(await make().run()), firstAttempt: r.reason ?? describe(r) };
}

/** A result's line, with the first try's verdict when it took a second. */
export function withFirstAttempt(text: string, r: ScenarioResult): string {
  return r.firstAttempt ? `${text} [second try; first: ${r.firstAttempt.slice(0, 300)}]` : text;
}
