// A real KRaft cluster on loopback for one scenario: one JVM per node (small heap), data in a
// temporary folder, ports chosen free at start. Every JVM it starts is registered in `live` and
// killed on any exit path (normal end, failure, timeout, Ctrl-C).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from './jars';
import { freePort, removeRoot, RUN_AS_UIDS, spawnJava, tail } from './jvm-processes';
import type { Driver } from './driver';
import { jvmOpts } from './cds';

export interface NodeSpec {
  id: number;
  role: 'broker' | 'controller';
  rack?: string;
}

export interface KafkaNode extends NodeSpec {
  port: number;
  /** the uid its JVM runs as (for iptables' owner match) */
  uid: number;
  dir: string;
  logFile: string;
  props: string;
  proc: ChildProcess | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Broker configs the engine knows that a Kafka 4 node must not be given (they are feature flags). */
/** Clusters running side by side get disjoint uid ranges: 20000 + 100 * slot + node index. */
let nextSlot = 0;

const ENGINE_ONLY = new Set(['eligible.leader.replicas.enable']);

export class KafkaCluster {
  readonly root: string;
  readonly nodes = new Map<number, KafkaNode>();
  /** uids of this cluster's JVMs start here; the clients' driver uses uidBase + 99 */
  readonly uidBase = 20000 + 100 * (nextSlot++ % 90);
  private constructor(
    readonly classpath: string,
    root: string,
  ) {
    this.root = root;
  }

  static async create(
    classpath: string,
    specs: NodeSpec[],
    config: Record<string, string>,
    features: string[],
    /** a started driver: it formats the storage (no JVM of its own for that) */
    driver: Driver,
    /** from newClusterRoot() */
    root: string,
  ): Promise<KafkaCluster> {
    const c = new KafkaCluster(classpath, root);
    for (const [i, s] of specs.entries()) {
      const dir = join(c.root, `${s.role}-${s.id}`);
      mkdirSync(dir, { recursive: true });
      c.nodes.set(s.id, {
        ...s,
        port: await freePort(),
        uid: c.uidBase + i,
        dir,
        logFile: join(dir, 'node.log'),
        props: join(dir, 'server.properties'),
        proc: null,
      });
    }
    const voters = [...c.nodes.values()]
      .filter((n) => n.role === 'controller')
      .map((n) => `${n.id}@127.0.0.1:${n.port}`)
      .join(',');
    for (const n of c.nodes.values()) writeFileSync(n.props, c.properties(n, voters, config));
    await c.format(driver, features);
    if (RUN_AS_UIDS)
      for (const n of c.nodes.values()) {
        const r = spawnSync('chown', ['-R', `${n.uid}:${n.uid}`, n.dir]);
        if (r.status !== 0) throw new HarnessError(`chown ${n.dir} failed`);
      }
    return c;
  }

  private properties(n: KafkaNode, voters: string, config: Record<string, string>): string {
    const p: Record<string, string> = {
      'node.id': String(n.id),
      'process.roles': n.role,
      'controller.quorum.voters': voters,
      'controller.listener.names': 'CONTROLLER',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'log.dirs': join(n.dir, 'data'),
      'auto.create.topics.enable': 'false',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'group.initial.rebalance.delay.ms': '0',
      'num.network.threads': '1',
      'num.io.threads': '2',
      'background.threads': '2',
      'log.cleaner.enable': 'false',
    };
    if (n.role === 'controller') p.listeners = `CONTROLLER://127.0.0.1:${n.port}`;
    else {
      p.listeners = `PLAINTEXT://127.0.0.1:${n.port}`;
      p['advertised.listeners'] = `PLAINTEXT://127.0.0.1:${n.port}`;
      p['inter.broker.listener.name'] = 'PLAINTEXT';
      if (n.rack !== undefined) p['broker.rack'] = n.rack;
    }
    for (const [k, v] of Object.entries(config)) if (!ENGINE_ONLY.has(k)) p[k] = v;
    return Object.entries(p)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n');
  }

  private async format(driver: Driver, features: string[]): Promise<void> {
    // A cluster id is 16 random bytes in base64url; one starting with '-' would read as an option.
    let id = randomBytes(16).toString('base64url');
    while (id.startsWith('-')) id = randomBytes(16).toString('base64url');
    const a = await driver.ask(
      'format',
      { clusterId: id, features, props: [...this.nodes.values()].map((n) => n.props) },
      60_000,
    );
    if (a.error) throw new HarnessError(`formatting the storage failed:\n${tail(a.error)}`);
  }

  get brokers(): KafkaNode[] {
    return [...this.nodes.values()].filter((n) => n.role === 'broker');
  }

  get controllers(): KafkaNode[] {
    return [...this.nodes.values()].filter((n) => n.role === 'controller');
  }

  get clientsUid(): number {
    return this.uidBase + 99;
  }

  bootstrap(): string {
    return this.brokers.map((b) => `127.0.0.1:${b.port}`).join(',');
  }

  controllerBootstrap(): string {
    return this.controllers.map((b) => `127.0.0.1:${b.port}`).join(',');
  }

  node(id: number): KafkaNode {
    const n = this.nodes.get(id);
    if (!n) throw new HarnessError(`no node ${id} in this cluster`);
    return n;
  }

  isUp(id: number): boolean {
    const p = this.node(id).proc;
    return p !== null && p.exitCode === null && p.signalCode === null;
  }

  start(id: number): void {
    const n = this.node(id);
    // a step left running after its scenario was stopped must not start a JVM nobody stops
    if (this.closed) throw new HarnessError(`${n.role} ${id}: the cluster has been stopped`);
    if (this.isUp(id)) return;
    this.stopped.delete(id);
    this.serving.delete(id);
    writeFileSync(n.logFile, `---- start ${new Date().toISOString()}\n`, { flag: 'a' });
    n.proc = spawnJava(
      [...jvmOpts(), `-Dkrv.node=${n.id}`, '-cp', this.classpath, 'kafka.Kafka', n.props],
      n.logFile,
      'ignore',
      n.uid,
    );
  }

  /** brokers whose current process has logged that it started (and so answers requests) */
  private readonly serving = new Set<number>();

  /**
   * Whether the node's current process serves requests. A restarted broker listens on its port
   * before it has registered, but answers nothing until then: asking it would only wait out a
   * timeout while the state the harness looks for passes by.
   */
  isServing(id: number): boolean {
    if (!this.isUp(id)) return false;
    if (this.serving.has(id)) return true;
    if (!/Kafka Server started|KafkaRaftServer.*started/.test(this.logSinceStart(id))) return false;
    this.serving.add(id);
    return true;
  }

  /** Waits until the node logs that it started; a node that exits first is a clear error. */
  async waitStarted(id: number, timeoutMs = 120_000): Promise<void> {
    return this.waitLog(id, /Kafka Server started|KafkaRaftServer.*started/, timeoutMs);
  }

  /** Waits until the node's log (since its last start) matches `pattern`. */
  async waitLog(id: number, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
    const n = this.node(id);
    const deadline = Date.now() + timeoutMs;
    const from = readFileSync(n.logFile, 'utf8').lastIndexOf('---- start');
    for (;;) {
      const text = readFileSync(n.logFile, 'utf8').slice(from);
      if (pattern.test(text)) return;
      if (!this.isUp(id)) throw new HarnessError(this.startFailure(n, text));
      if (Date.now() > deadline)
        throw new HarnessError(
          `${n.role} ${n.id} did not start within ${timeoutMs / 1000} s; tail of ${n.logFile}:\n${tail(text)}`,
        );
      await sleep(200);
    }
  }

  private startFailure(n: KafkaNode, text: string): string {
    const taken = /Address already in use/.test(text)
      ? ` (port ${n.port} on 127.0.0.1 is taken by another process)`
      : '';
    return `${n.role} ${n.id} exited while starting${taken}; tail of ${n.logFile}:\n${tail(text)}`;
  }

  /** Nodes whose JVM ended without being told to (a crash of Kafka itself, or a failed start). */
  unexpectedExits(): KafkaNode[] {
    return [...this.nodes.values()].filter(
      (n) => n.proc !== null && !this.stopped.has(n.id) && !this.isUp(n.id),
    );
  }

  private readonly stopped = new Set<number>();
  private closed = false;

  /** SIGKILL (a crash) or SIGTERM (controlled shutdown); resolves once the JVM is gone. */
  /**
   * Signals a node and waits up to `timeoutMs` for it to exit; then it is killed, unless
   * `killLate` is false (a controlled shutdown may take Kafka up to 5 minutes: it is left to end
   * by itself, as the engine's broker does).
   */
  async signal(
    id: number,
    sig: 'SIGKILL' | 'SIGTERM',
    timeoutMs = 60_000,
    killLate = true,
  ): Promise<void> {
    const p = this.node(id).proc;
    if (!p || !this.isUp(id)) return;
    this.stopped.add(id);
    const gone = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill(sig);
    const timer = sleep(timeoutMs).then(() => 'timeout' as const);
    if ((await Promise.race([gone, timer])) === 'timeout' && killLate) {
      p.kill('SIGKILL');
      await gone;
    }
  }

  /** The node's log since its last start. */
  logSinceStart(id: number): string {
    const text = readFileSync(this.node(id).logFile, 'utf8');
    return text.slice(text.lastIndexOf('---- start'));
  }

  logDir(broker: number, partition: string): string {
    return join(this.node(broker).dir, 'data', partition);
  }

  /** The node's epoch cache file: [[epoch, startOffset], ...]. */
  epochCache(broker: number, partition: string): [number, number][] {
    const f = join(this.logDir(broker, partition), 'leader-epoch-checkpoint');
    if (!existsSync(f)) return [];
    const lines = readFileSync(f, 'utf8').trim().split('\n').slice(2);
    return lines
      .filter((l) => l.trim())
      .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  }

  /** The node's checkpointed high watermarks (replication-offset-checkpoint). */
  checkpointedHw(broker: number): Record<string, number> {
    const f = join(this.node(broker).dir, 'data', 'replication-offset-checkpoint');
    const out: Record<string, number> = {};
    if (!existsSync(f)) return out;
    for (const l of readFileSync(f, 'utf8').trim().split('\n').slice(2)) {
      const [t, p, o] = l.trim().split(/\s+/);
      if (t && p && o) out[`${t}-${p}`] = Number(o);
    }
    return out;
  }

  /** Kills this cluster's JVMs (only these: other clusters may be running side by side). */
  async stopAll(): Promise<void> {
    this.closed = true;
    const gone: Promise<void>[] = [];
    for (const n of this.nodes.values()) {
      this.stopped.add(n.id);
      const p = n.proc;
      if (!p || !this.isUp(n.id)) continue;
      gone.push(new Promise((r) => p.once('exit', () => r())));
      p.kill('SIGKILL');
    }
    await Promise.race([Promise.all(gone), sleep(10_000)]);
  }

  removeData(): void {
    removeRoot(this.root);
  }

  logTail(id: number): string {
    const n = this.node(id);
    return existsSync(n.logFile) ? tail(readFileSync(n.logFile, 'utf8')) : '(no log)';
  }
}
