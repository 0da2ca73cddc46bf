// A class-data-sharing archive (AppCDS) of the classes a Kafka node loads, so each of the run's
// ~150 JVMs maps them ready-parsed instead of loading and verifying them again: about a quarter
// less CPU per start on a machine where the JVMs' start-up is most of a cluster's start. Made once
// per class path and Java (kept in kafka/target, git-ignored) by starting one combined
// broker+controller node with -XX:ArchiveClassesAtExit and stopping it cleanly. Without it (or
// if it cannot be made) everything works the same, only slower.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, newClusterRoot, removeRoot, spawnJava } from './jvm-processes';
import { KAFKA_DIR } from './jars';

const BASE_OPTS = [
  '-Xmx256m',
  '-Xms32m',
  '-XX:+UseSerialGC',
  '-XX:TieredStopAtLevel=1',
  '-XX:-UsePerfData',
  '-Djava.awt.headless=true',
  `-Dlog4j2.configurationFile=${join(KAFKA_DIR, 'log4j2.properties')}`,
];

let archive: string | null = null;

/** The JVM flags of every JVM the harness starts (with the archive once it exists). */
export function jvmOpts(): string[] {
  // -Xshare:auto: a stale or unreadable archive is ignored, never an error; its warnings are off
  return archive
    ? [...BASE_OPTS, `-XX:SharedArchiveFile=${archive}`, '-Xshare:auto', '-Xlog:cds*=off']
    : BASE_OPTS;
}

function archivePath(classpath: string): string {
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' }).stderr;
  const key = createHash('sha1').update(classpath).update(java).digest('hex').slice(0, 12);
  return join(KAFKA_DIR, 'target', `kafka-${key}.jsa`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Uses the archive for this class path, making it first when there is none (about 15 s). */
export async function prepareArchive(classpath: string, log: (s: string) => void): Promise<void> {
  if (process.env.KAFKA_CDS === '0') return;
  const file = archivePath(classpath);
  if (existsSync(file)) {
    archive = file;
    return;
  }
  log('Making a class-data-sharing archive of Kafka for faster JVM starts (once) ...');
  const root = newClusterRoot();
  try {
    const [port, cport] = [await freePort(), await freePort()];
    const props = join(root, 'server.properties');
    writeFileSync(
      props,
      [
        'node.id=1',
        'process.roles=broker,controller',
        `controller.quorum.voters=1@127.0.0.1:${cport}`,
        'controller.listener.names=CONTROLLER',
        `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${cport}`,
        'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
        `log.dirs=${join(root, 'data')}`,
        'offsets.topic.replication.factor=1',
      ].join('\n'),
    );
    const fmt = spawnSync(
      'java',
      [
        ...BASE_OPTS,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        'krvCdsArchive0000000A',
        '-c',
        props,
      ],
      { encoding: 'utf8' },
    );
    if (fmt.status !== 0) throw new Error(`format: ${fmt.stdout}${fmt.stderr}`);
    const tmp = `${file}.${process.pid}.tmp`;
    const logFile = join(root, 'node.log');
    const node = spawnJava(
      [...BASE_OPTS, `-XX:ArchiveClassesAtExit=${tmp}`, '-cp', classpath, 'kafka.Kafka', props],
      logFile,
    );
    const gone = new Promise<void>((r) => node.once('exit', () => r()));
    try {
      const deadline = Date.now() + 120_000;
      while (!/Kafka Server started/.test(readFileSync(logFile, 'utf8'))) {
        if (node.exitCode !== null) throw new Error('the node exited while starting');
        if (Date.now() > deadline) throw new Error('the node did not start in 120 s');
        await sleep(300);
      }
      node.kill('SIGTERM'); // a clean exit writes the archive
      await Promise.race([gone, sleep(60_000)]);
    } finally {
      if (node.exitCode === null && node.signalCode === null) node.kill('SIGKILL');
    }
    if (!existsSync(tmp)) throw new Error('the JVM wrote no archive');
    renameSync(tmp, file);
    archive = file;
  } catch (e) {
    log(`  no class-data-sharing archive (${(e as Error).message}); JVMs start without one`);
  } finally {
    removeRoot(root);
    rmSync(`${file}.${process.pid}.tmp`, { force: true });
  }
}
