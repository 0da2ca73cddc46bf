// Cutting traffic between the cluster's processes, for pauseFetch and partitionNetwork. Every
// JVM runs under its own numeric uid, so iptables' owner match can drop what one process sends
// to another's port on 127.0.0.1. The rules live in a chain of this run's own, hooked into OUTPUT
// and removed on every exit path. Needs root and iptables; without them the scenarios that cut
// traffic are reported "not runnable on Kafka".
import { spawnSync } from 'node:child_process';

const CHAIN = `KRV-${process.pid}`;
let installed = false;

function ipt(args: string[]): { ok: boolean; err: string } {
  const r = spawnSync('iptables', ['-w', '5', ...args], { encoding: 'utf8' });
  return { ok: !r.error && r.status === 0, err: r.error ? r.error.message : r.stderr.trim() };
}

/** null when cutting traffic works here, else why not. */
export function networkUnavailable(): string | null {
  if (process.getuid?.() !== 0)
    return 'cutting traffic between the JVMs needs root (iptables owner match, one uid per JVM)';
  const r = spawnSync('iptables', ['-V'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    return 'cutting traffic between the JVMs needs iptables (apt-get install iptables), which is not installed';
  return null;
}

/** Removes chains left by runs that were killed before they could clean up. */
function removeStaleChains(): void {
  const r = spawnSync('iptables', ['-w', '5', '-S'], { encoding: 'utf8' });
  for (const m of (r.stdout ?? '').matchAll(/^-N (KRV-(\d+))$/gm)) {
    const [chain, pid] = [m[1]!, Number(m[2])];
    let alive = true;
    try {
      process.kill(pid, 0);
    } catch {
      alive = false;
    }
    if (alive) continue;
    ipt(['-D', 'OUTPUT', '-j', chain]);
    ipt(['-F', chain]);
    ipt(['-X', chain]);
  }
}

function ensureChain(): void {
  if (installed) return;
  removeStaleChains();
  const made = ipt(['-N', CHAIN]);
  if (!made.ok) throw new Error(`iptables -N ${CHAIN}: ${made.err}`);
  const hooked = ipt(['-I', 'OUTPUT', '-j', CHAIN]);
  if (!hooked.ok) throw new Error(`iptables -I OUTPUT -j ${CHAIN}: ${hooked.err}`);
  installed = true;
  process.on('exit', removeChain); // also reached from the SIGINT/SIGTERM handlers' exit
}

/** Removes this run's chain and every rule in it (idempotent; safe in exit handlers). */
export function removeChain(): void {
  if (!installed) return;
  ipt(['-D', 'OUTPUT', '-j', CHAIN]);
  ipt(['-F', CHAIN]);
  ipt(['-X', CHAIN]);
  installed = false;
}

function rule(uid: number, port: number): string[] {
  return [
    '-m',
    'owner',
    '--uid-owner',
    String(uid),
    '-p',
    'tcp',
    '-d',
    '127.0.0.1',
    '--dport',
    String(port),
    '-j',
    'DROP',
  ];
}

/** The set of cuts in force: "uid>port" keys, so heal can undo exactly what was cut. */
export class Cuts {
  private readonly active = new Map<string, string[]>();

  /** Drops everything the process running as `uid` sends to `port` (owner of the cut: `tag`). */
  drop(tag: string, uid: number, port: number): void {
    ensureChain();
    const key = `${tag}|${uid}>${port}`;
    if (this.active.has(key)) return;
    const r = ipt(['-A', CHAIN, ...rule(uid, port)]);
    if (!r.ok) throw new Error(`iptables: ${r.err}`);
    this.active.set(key, rule(uid, port));
  }

  /** Removes the cuts whose tag satisfies `which`. */
  lift(which: (tag: string) => boolean): void {
    for (const [key, spec] of [...this.active]) {
      if (!which(key.slice(0, key.indexOf('|')))) continue;
      ipt(['-D', CHAIN, ...spec]);
      this.active.delete(key);
    }
  }

  clear(): void {
    this.lift(() => true);
  }
}
