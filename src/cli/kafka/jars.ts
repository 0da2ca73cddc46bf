// Finds Java and Maven, and fetches the pinned Kafka jars (kafka/pom.xml) into kafka/target/lib.
// Maven keeps the downloads in its local repository (~/.m2), the cache between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const KAFKA_DIR = resolve('kafka');
const LIB = join(KAFKA_DIR, 'target', 'lib');
const DRIVER_JAR = join(KAFKA_DIR, 'target', 'kafka-conformance-driver-1.jar');

export class HarnessError extends Error {}

function javaMajor(): number {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new HarnessError(
      'Java was not found: `npm run test:kafka` needs Java 17 or newer on the PATH (e.g. apt-get install openjdk-17-jre-headless).',
    );
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major < 17) throw new HarnessError(`Java ${major} found; Kafka 4 needs Java 17 or newer.`);
  return major;
}

function newestMtime(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newestMtime(p) : st.mtimeMs);
  }
  return t;
}

/** The class path for the Kafka nodes and the driver; runs Maven when the jars are missing or stale. */
export function kafkaClasspath(log: (s: string) => void): { classpath: string; version: string } {
  javaMajor();
  const stale =
    !existsSync(DRIVER_JAR) ||
    !existsSync(LIB) ||
    Math.max(statSync(join(KAFKA_DIR, 'pom.xml')).mtimeMs, newestMtime(join(KAFKA_DIR, 'src'))) >
      statSync(DRIVER_JAR).mtimeMs;
  if (stale) {
    const mvn = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
    if (mvn.error || mvn.status !== 0)
      throw new HarnessError(
        'Maven was not found: `npm run test:kafka` fetches Kafka with Maven (apt-get install maven).',
      );
    log('Fetching Kafka jars with Maven (kafka/pom.xml) ...');
    const args = ['-B', '-q', '-f', join(KAFKA_DIR, 'pom.xml'), 'package'];
    if (process.env.KAFKA_M2) args.push(`-Dmaven.repo.local=${process.env.KAFKA_M2}`);
    const r = spawnSync('mvn', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0)
      throw new HarnessError(
        `Maven could not fetch or build kafka/pom.xml (exit ${r.status}):\n${(r.stdout + r.stderr).split('\n').slice(-25).join('\n')}`,
      );
  }
  const jars = readdirSync(LIB).filter((f) => f.endsWith('.jar'));
  const kafkaJar = jars.find((f) => /^kafka_2\.13-.*\.jar$/.test(f));
  if (!kafkaJar)
    throw new HarnessError(`no kafka_2.13 jar in ${LIB}; delete kafka/target and retry`);
  const version = kafkaJar.replace(/^kafka_2\.13-/, '').replace(/\.jar$/, '');
  return {
    classpath: [DRIVER_JAR, ...jars.map((j) => join(LIB, j))].join(':'),
    version,
  };
}
