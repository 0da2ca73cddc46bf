// The harness's processes and folders: every JVM it starts is registered and killed on any exit
// path (normal end, failure, timeout, Ctrl-C); free ports; each cluster's data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  mkdtempSync,
  openSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HarnessError } from './jars';

const live = new Set<ChildProcess>();
let hooked = false;

/** Kills every JVM still running; safe to call from exit and signal handlers. */
export function killAll(): void {
  for (const p of live) {
    try {
      p.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(sig, () => {
      console.error(`\n${sig}: stopping every Kafka JVM this run started`);
      killAll();
      process.exit(130);
    });
}

/** Each JVM runs under its own uid when we are root, so iptables can cut one process's traffic. */
export const RUN_AS_UIDS = process.getuid?.() === 0;

export function spawnJava(
  args: string[],
  logFile: string,
  stdin: 'pipe' | 'ignore' = 'ignore',
  uid?: number,
) {
  hookExit();
  const fd = openSync(logFile, 'a');
  const ids = uid !== undefined && RUN_AS_UIDS ? { uid, gid: uid } : {};
  const child = spawn('java', args, {
    stdio: [stdin, stdin === 'pipe' ? 'pipe' : fd, fd],
    ...ids,
  });
  closeSync(fd);
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

/**
 * A free port below the kernel's ephemeral range (32768 and up on Linux): a port picked there can
 * be taken by some outgoing connection before the JVM binds it (it happened). Ports are handed
 * out round the range from a random start, so clusters side by side never get the same one.
 */
let nextPort = 20000 + Math.floor(Math.random() * 10000);

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 500; tries++) {
    const port = nextPort;
    nextPort = nextPort >= 32000 ? 20000 : nextPort + 1;
    if (await canBind(port)) return port;
  }
  throw new HarnessError('no free port on 127.0.0.1 between 20000 and 32000');
}

function canBind(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * Where the clusters keep their data: KAFKA_DATA_DIR, else /dev/shm (memory) where there is one.
 * KRaft fsyncs its metadata log on every commit and its quorum state on every transition; on a
 * slow shared disk each fsync takes ~0.3 s, so in memory the cluster starts and reacts faster.
 * Nothing a scenario checks depends on the data surviving a machine crash.
 */
function dataRoot(): string {
  if (process.env.KAFKA_DATA_DIR) return process.env.KAFKA_DATA_DIR;
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** A fresh folder for one cluster's data and logs (the driver's log goes there first). */
export function newClusterRoot(): string {
  const root = mkdtempSync(join(dataRoot(), 'krv-kafka-'));
  chmodSync(root, 0o755); // the nodes' own uids must reach their folders
  return root;
}

/** Removes a cluster's folder unless KAFKA_KEEP_DATA asks to keep it. */
export function removeRoot(root: string): void {
  if (!process.env.KAFKA_KEEP_DATA) rmSync(root, { recursive: true, force: true });
}

export function tail(text: string, lines = 25): string {
  return text
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((l) => `    ${l}`)
    .join('\n');
}
