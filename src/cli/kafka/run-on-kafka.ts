// Runs one scenario file on a real KRaft cluster and on the engine, and compares the two at every
// `expect` and `expectEvent` step on facts that do not depend on timing. Real Kafka runs in wall
// time: the harness waits for the state a step needs (with a timeout) instead of sleeping, except
// where a scenario's point is that nothing happens for a while (an `advance` over which the
// engine's state does not change is slept in full).
import { runScenario } from '../../scenario-run/run';
import { compareFacts, type Mismatch } from '../../scenario-run/compare';
import { dumpState, type StateDump, DEFAULT_FEATURES } from '../../engine';
import type { Facts, Scenario, Step } from '../../scenario/types';
import { KafkaCluster, type NodeSpec } from './cluster';
import { newClusterRoot, removeRoot } from './jvm-processes';
import { Driver } from './driver';
import { kafkaFacts, readPartition, type Ledger } from './facts';
import { isEmpty, notRunnableReason, observable } from './runnable';
import { HarnessError } from './jars';
import { join } from 'node:path';
import { Cuts } from './network';
import type { Endpoint } from '../../scenario/types';

/**
 * Configs the harness gives every Kafka node unless the scenario sets them. The controller's
 * periodic unclean election runs every 5 minutes by default; the scenarios that wait for it accept
 * any phase of that timer (window [0, 301000]), so on the real cluster it runs every 2 s rather
 * than keep a cluster idle for five minutes.
 */
export const HARNESS_CONFIG: Record<string, string> = {
  'unclean.leader.election.interval.ms': '2000',
};

/** The longest the harness waits for one step's state (an event window can be 5 minutes). */
const MAX_STEP_WAIT_MS = 120_000;

/** How long a `stop` step waits for the broker to exit: as the engine's scenario runner does. */
const STOP_WAIT_MS = 60_000;

/** Kafka's default replica.fetch.wait.max.ms */
const FETCH_WAIT_MS = 500;

const cutTag = (a: Endpoint, b: Endpoint) => `cut ${String(a)}~${String(b)}`;

export interface StepResult {
  step: number;
  label: string;
  ok: boolean;
  /** fact path, Kafka's value, the engine's value */
  differences: { path: string; kafka: unknown; engine: unknown }[];
  notCompared: string[];
  seconds: number;
}

export interface ScenarioResult {
  file: string;
  title: string;
  verdict: 'agree' | 'differ' | 'not runnable on Kafka' | 'harness error' | 'over the time budget';
  /** the run was stopped at its wall-time limit */
  timedOut?: boolean;
  /** the first attempt's verdict and reason, when the scenario was run a second time */
  firstAttempt?: string;
  reason?: string;
  steps: StepResult[];
  engineFailures: string[];
  seconds: number;
  /** wall seconds per phase of the run (cluster start, steps, stop): where the time goes */
  phases?: Record<string, number>;
  features?: Record<string, number>;
}

class ElectionRace extends HarnessError {}
/** The scenario ran past its wall-time limit (never retried: a second try would too). */
class TimedOut extends HarnessError {}

export interface RawScenario {
  cluster?: { config?: Record<string, unknown> };
  topics?: { name: string; config?: Record<string, unknown> }[];
  clients?: Record<string, { config?: Record<string, unknown> }>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface EngineStep {
  /** simulated time when the step completed */
  end: number;
  dump: StateDump;
}

/** The engine's state after each step, from the project's own scenario runner (prefix runs). */
function engineSteps(s: Scenario): EngineStep[] {
  return s.steps.map((_, k) => {
    const run = runScenario({ ...s, steps: s.steps.slice(0, k + 1) });
    return { end: run.state!.now, dump: dumpState(run.state!) };
  });
}

/** The partition and broker facts the engine holds after a step: what `settle`/`advance` wait for. */
function coreFacts(d: StateDump, withBrokers: boolean): Facts {
  const partitions: NonNullable<Facts['partitions']> = {};
  for (const [name, p] of Object.entries(d.partitions))
    partitions[name] = { leader: p.leader, leaderEpoch: p.leaderEpoch, isr: p.isr };
  const f: Facts = { partitions };
  if (withBrokers) f.brokers = { ...d.brokers };
  return f;
}

function sameCore(a: StateDump, b: StateDump): boolean {
  return JSON.stringify(coreFacts(a, true)) === JSON.stringify(coreFacts(b, true));
}

export class KafkaScenarioRun {
  private cluster!: KafkaCluster;
  /** the cluster's folder (made before the cluster, for the driver's log) */
  private root: string | null = null;
  /** facts and admin requests: runs as root, never cut off */
  private driver!: Driver;
  /** every producer of the scenario: its own uid, so partitionNetwork can cut a client */
  private clients!: Driver;
  private readonly cuts = new Cuts();
  private readonly ledger: Ledger = {
    sent: new Map(),
    consumed: new Map(),
    outcomes: new Map(),
    configs: { topics: new Map(), cluster: {} },
  };
  private nextRid = 1;
  private lastKilledController: number | null = null;
  private engine: EngineStep[] = [];
  private assertions: ReturnType<typeof runScenario>['assertions'] = [];
  /** wall-clock start of each step */
  private readonly wallStart: number[] = [];
  private readonly phases: Record<string, number> = {};
  /** set once the run is over (or past its limit): nothing may start a JVM or wait any more */
  private aborted = false;
  /** the step being run, for the timeout's message */
  private where = 'cluster start';
  private phaseStart = Date.now();

  /** Books the wall time since the last mark to `name` (summed over repeats). */
  private mark(name: string): void {
    const now = Date.now();
    this.phases[name] =
      Math.round(((this.phases[name] ?? 0) + (now - this.phaseStart) / 1000) * 10) / 10;
    this.phaseStart = now;
  }

  constructor(
    private readonly file: string,
    private readonly scenario: Scenario,
    /** the file as written: only the configs it gives are passed to Kafka (the rest are defaults) */
    private readonly raw: RawScenario,
    private readonly classpath: string,
    private readonly log: (s: string) => void,
  ) {
    const configs = this.ledger.configs!;
    Object.assign(configs.cluster, raw.cluster?.config ?? {});
    for (const t of raw.topics ?? []) configs.topics.set(t.name, { ...t.config });
  }

  async run(): Promise<ScenarioResult> {
    const t0 = Date.now();
    const s = this.scenario;
    const base = { file: this.file, title: s.title, steps: [], engineFailures: [] };
    const why = notRunnableReason(s, this.file);
    const full = runScenario(s);
    const engineFailures = [
      ...full.errors,
      ...full.assertions
        .filter((a) => !a.ok)
        .map((a) => `steps[${a.step}] ${a.label}: ${a.failures.join('; ')}`),
    ];
    if (why)
      return { ...base, engineFailures, verdict: 'not runnable on Kafka', reason: why, seconds: 0 };
    // KAFKA_MAX_WALL_S (CI) leaves out scenarios that need long wall time, saying so.
    const budget = Number(process.env.KAFKA_MAX_WALL_S ?? 0);
    const estimate = Math.round((full.state?.now ?? 0) / 1000) + 20;
    if (budget > 0 && estimate > budget)
      return {
        ...base,
        engineFailures,
        verdict: 'over the time budget',
        reason: `needs about ${estimate} s of wall time, over KAFKA_MAX_WALL_S=${budget}; runs without it`,
        seconds: 0,
      };
    this.assertions = full.assertions;
    this.engine = engineSteps(s);
    this.mark('engine');
    const steps: StepResult[] = [];
    // Every run ends: a scenario gets twice its simulated time plus two minutes of wall time
    // (KAFKA_SCENARIO_LIMIT_S overrides), then its cluster is stopped and it is reported.
    const limitS =
      Number(process.env.KAFKA_SCENARIO_LIMIT_S ?? 0) ||
      Math.round((2 * (full.state?.now ?? 0)) / 1000) + 120;
    let timer: NodeJS.Timeout | undefined;
    const overtime = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.aborted = true;
        reject(
          new TimedOut(
            `did not finish within its limit of ${limitS} s (${process.env.KAFKA_SCENARIO_LIMIT_S ? 'KAFKA_SCENARIO_LIMIT_S' : 'twice its simulated time plus 120 s'}); stopped at ${this.where}`,
          ),
        );
      }, limitS * 1000);
    });
    const body = this.runAll(steps);
    body.catch(() => {}); // after a timeout its late failure is of no interest
    try {
      const features = await Promise.race([body, overtime]);
      const ok = steps.every((r) => r.ok);
      return {
        ...base,
        steps,
        engineFailures,
        features,
        verdict: ok ? 'agree' : 'differ',
        seconds: (Date.now() - t0) / 1000,
        phases: this.phases,
      };
    } catch (e) {
      if (!(e instanceof HarnessError)) throw e;
      return {
        ...base,
        steps,
        engineFailures,
        verdict: 'harness error',
        reason: e.message,
        timedOut: e instanceof TimedOut || undefined,
        seconds: (Date.now() - t0) / 1000,
        phases: this.phases,
      };
    } finally {
      clearTimeout(timer);
      this.aborted = true;
      await this.stop();
      this.mark('stop');
    }
  }

  /** Starts the cluster and runs every step; returns the cluster's finalized feature levels. */
  private async runAll(steps: StepResult[]): Promise<Record<string, number>> {
    // KRaft's first election is a race; a lost one (rare) is retried on a fresh cluster.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.startCluster();
        break;
      } catch (e) {
        if (!(e instanceof ElectionRace) || attempt === 3) throw e;
        this.log(`    ${e.message}; starting again`);
        await this.stop();
      }
    }
    const features = (await this.driver.must('features')).features as Record<string, number>;
    for (const step of this.scenario.steps) {
      this.where = `steps[${step.index}] ${step.do}`;
      const r = await this.runStep(step);
      this.mark(`step ${step.do}`);
      if (this.aborted) throw new HarnessError('stopped');
      const died = this.cluster.unexpectedExits()[0];
      if (died)
        throw new HarnessError(
          `${died.role} ${died.id} exited on its own; tail of ${died.logFile}:\n${this.cluster.logTail(died.id)}`,
        );
      if (r) {
        steps.push(r);
        this.log(
          `    [step ${r.step}] ${r.label}: ${r.ok ? 'agree' : 'DIFFER ' + r.differences.map((d) => `${d.path} kafka=${JSON.stringify(d.kafka)} engine=${JSON.stringify(d.engine)}`).join('; ')}`,
        );
      }
    }
    return features;
  }

  private async startCluster(): Promise<void> {
    const setup = this.scenario.setup;
    const cfg: Record<string, string> = {};
    for (const [k, v] of Object.entries(HARNESS_CONFIG)) cfg[k] = v;
    for (const [k, v] of Object.entries(this.raw.cluster?.config ?? {})) cfg[k] = String(v);
    // A scenario that does not list its quorum gets one controller: it never acts on the quorum.
    const listed = this.scenario.steps.some(
      (st) => st.do === 'killController' || st.do === 'restartController',
    );
    const controllers = listed ? setup.controllers : setup.controllers.slice(0, 1);
    const specs: NodeSpec[] = [
      ...controllers.map((id) => ({ id, role: 'controller' as const })),
      ...setup.brokers.map((b) => ({ id: b.id, role: 'broker' as const, rack: b.rack })),
    ];
    // KRaft feature levels as the scenario gives them (default: a new Kafka 4.1+ cluster's)
    const elr = { ...DEFAULT_FEATURES, ...setup.features }['eligible.leader.replicas.version'];
    // The facts driver starts first: it formats the storage, then connects once the nodes run.
    this.root = newClusterRoot();
    this.driver = await Driver.start(this.classpath, join(this.root, 'driver.log'));
    this.mark('driver');
    this.cluster = await KafkaCluster.create(
      this.classpath,
      specs,
      cfg,
      [`eligible.leader.replicas.version=${elr}`],
      this.driver,
      this.root,
    );
    this.mark('format');
    // The engine's quorum starts with its first controller active; KRaft elects whoever wins the
    // vote. While another one wins, it is killed (the others elect again) and restarted.
    const [first, ...others] = this.cluster.controllers;
    for (const n of this.cluster.controllers) this.cluster.start(n.id);
    if (others.length) await this.makeActive(first!.id);
    for (const n of this.cluster.nodes.values()) this.cluster.start(n.id);
    for (const n of this.cluster.nodes.values()) await this.cluster.waitStarted(n.id);
    this.mark('nodes started');
    await this.driver.connect(this.cluster.bootstrap(), this.cluster.controllerBootstrap());
    await this.waitFor('every broker registered and unfenced', 60_000, async () => {
      const a = await this.driver.ask('cluster');
      const list = (a.brokers as { id: number; fenced: boolean }[] | undefined) ?? [];
      return list.filter((b) => !b.fenced).length === setup.brokers.length;
    });
    this.mark('brokers unfenced');
    for (const t of setup.topics) {
      const assignment = t.assignment
        ? Object.fromEntries(t.assignment.map((r, i) => [String(i), r]))
        : null;
      const config: Record<string, string> = {};
      const rawTopic = this.raw.topics?.find((r) => r.name === t.name);
      for (const [k, v] of Object.entries(rawTopic?.config ?? {})) config[k] = String(v);
      await this.driver.must('createTopic', {
        name: t.name,
        partitions: t.partitions,
        rf: t.replicationFactor,
        assignment,
        config,
      });
    }
    // t=0 of the scenario: every partition has its first leader and a full ISR
    const start = this.engine.length ? this.initialFacts() : {};
    await this.waitMatch('the topics created with full ISRs', start, 60_000);
    this.mark('topics');
    // The producers need a JVM of their own (under their own uid) only when a step cuts a client
    // off; otherwise the facts driver runs them too (one JVM less).
    if (this.cutsClients()) {
      this.clients = await Driver.start(
        this.classpath,
        join(this.cluster.root, 'clients.log'),
        this.cluster.clientsUid,
      );
      await this.clients.connect(this.cluster.bootstrap(), this.cluster.controllerBootstrap());
    } else this.clients = this.driver;
    this.ledger.outcomes = this.clients.outcomes;
    for (const c of this.scenario.setup.clients)
      if (c.type === 'producer') {
        const config: Record<string, string> = {};
        for (const [k, v] of Object.entries(this.raw.clients?.[c.id]?.config ?? {}))
          config[k] = String(v);
        await this.clients.must('producer', { client: c.id, config });
      }
    this.mark('clients');
  }

  /** Whether a partitionNetwork step has a client on one side. */
  private cutsClients(): boolean {
    const isClient = (e: Endpoint) => typeof e === 'string' && e !== 'controller';
    return this.scenario.steps.some(
      (st) => st.do === 'partitionNetwork' && (isClient(st.a) || isClient(st.b)),
    );
  }

  /** The quorum leader among running controllers, from their logs (no broker needed). */
  private async quorumLeader(except = -1): Promise<number> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      for (const n of this.cluster.controllers)
        if (
          n.id !== except &&
          this.cluster.isUp(n.id) &&
          this.cluster.logSinceStart(n.id).includes('Completed transition to Leader')
        )
          return n.id;
      if (Date.now() > deadline)
        throw new HarnessError('the controller quorum elected no leader in 30 s');
      await sleep(200);
    }
  }

  private async makeActive(id: number): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const leader = await this.quorumLeader();
      if (leader === id) return;
      await this.cluster.signal(leader, 'SIGKILL');
      await this.quorumLeader(leader);
      this.cluster.start(leader);
      await this.cluster.waitStarted(leader);
    }
    throw new ElectionRace(`controller ${id} did not win an election in 10 rounds`);
  }

  private initialFacts(): Facts {
    const partitions: NonNullable<Facts['partitions']> = {};
    for (const t of this.scenario.setup.topics)
      for (let i = 0; i < t.partitions; i++) {
        const a = t.assignment?.[i];
        partitions[`${t.name}-${i}`] = a
          ? { leader: a[0]!, leaderEpoch: 0, isr: a }
          : { leaderEpoch: 0 };
      }
    return { partitions };
  }

  private async stop(): Promise<void> {
    try {
      this.cuts.clear();
      if (this.clients) await this.clients.quit();
      if (this.driver) await this.driver.quit();
    } finally {
      if (this.cluster) await this.cluster.stopAll();
      if (this.root) removeRoot(this.root);
    }
  }

  private async waitFor(what: string, timeoutMs: number, done: () => Promise<boolean>) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.aborted) throw new HarnessError('stopped');
      if (await done()) return;
      if (Date.now() > deadline)
        throw new HarnessError(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(250);
    }
  }

  /** Polls the real facts until they match `facts` or the timeout passes; returns the mismatches. */
  private async waitMatch(what: string, facts: Facts, timeoutMs: number): Promise<Mismatch[]> {
    const deadline = Date.now() + timeoutMs;
    let last: Mismatch[];
    let first = true;
    for (;;) {
      if (this.aborted) throw new HarnessError('stopped');
      try {
        const actual = await kafkaFacts(
          this.scenario,
          this.cluster,
          this.driver,
          this.ledger,
          facts,
        );
        last = compareFacts(facts, actual);
        if (last.length === 0) return [];
        if (first)
          this.log(
            `      ${what}, first look: ${last.map((m) => `${m.path} kafka=${JSON.stringify(m.actual)} engine=${JSON.stringify(m.expected)}`).join('; ')}`,
          );
        first = false;
      } catch (e) {
        if (!(e instanceof HarnessError)) throw e;
        last = [{ path: '(facts)', expected: what, actual: e.message }];
      }
      if (Date.now() > deadline) return last;
      await sleep(300);
    }
  }

  private async runStep(step: Step): Promise<StepResult | null> {
    const k = step.index;
    // `at` is kept relative to the previous step's start, in simulated and in wall time, so the
    // harness's own waits (e.g. for a producer's answer) do not push later steps back.
    const simStart = (i: number) => (i > 0 ? this.engine[i - 1]!.end : 0);
    if (step.at !== undefined && k > 0) {
      const target = this.wallStart[k - 1]! + (step.at - simStart(k - 1));
      if (target > Date.now()) await sleep(target - Date.now());
    } else if (step.at !== undefined && step.at > 0) await sleep(step.at);
    if (this.aborted) throw new HarnessError('stopped');
    const t0 = Date.now();
    this.wallStart[k] = t0;
    this.log(`  steps[${k}] ${step.do}`);
    const eng = this.engine[k]!;
    const before = k > 0 ? this.engine[k - 1]!.dump : null;
    switch (step.do) {
      case 'produce':
        this.produce(step);
        await this.settleProduce();
        return null;
      case 'kill':
        await this.cluster.signal(step.broker, 'SIGKILL');
        return null;
      case 'stop':
        // Without an active controller a broker waits up to 5 minutes for its controlled shutdown
        // to be approved (KafkaBroker.shutdown()), then exits anyway. The step waits as long as
        // the engine's runner does, and never turns the shutdown into a crash with a SIGKILL.
        await this.cluster.signal(step.broker, 'SIGTERM', STOP_WAIT_MS, false);
        return null;
      case 'restart':
        // a new process: a pause belonged to the old one (as in the engine)
        this.cuts.lift((tag) => tag === `pause ${step.broker}`);
        // Not waited for: the engine's restart is a process start too, and the JVM's own start-up
        // time is part of what the following steps wait for.
        this.cluster.start(step.broker);
        return null;
      case 'killController': {
        const id = step.controller ?? (await this.activeController());
        await this.cluster.signal(id, 'SIGKILL');
        this.lastKilledController = id;
        return null;
      }
      case 'restartController': {
        const id = step.controller ?? this.lastKilledController;
        if (id === null) throw new HarnessError('restartController: no controller was killed');
        this.cluster.start(id);
        return null;
      }
      case 'electPreferred': {
        const all = this.scenario.setup.topics.flatMap((t) =>
          Array.from({ length: t.partitions }, (_, i) => `${t.name}-${i}`),
        );
        await this.driver.must('electPreferred', {
          partitions: step.partition ? [step.partition] : all,
        });
        return null;
      }
      case 'setConfig': {
        const config: Record<string, string> = {};
        for (const [key, v] of Object.entries(step.config)) config[key] = String(v);
        await this.driver.must('alterConfig', {
          scope: step.scope,
          name: step.id === undefined ? '' : String(step.id),
          config,
        });
        this.noteConfig(step);
        return null;
      }
      case 'pauseFetch':
        for (const b of this.cluster.brokers)
          if (b.id !== step.broker)
            this.cuts.drop(`pause ${step.broker}`, this.cluster.node(step.broker).uid, b.port);
        // A fetch already parked at a leader returns empty within replica.fetch.wait.max.ms
        // (500 ms); the next one is dropped. Wait it out so nothing reaches the paused follower.
        await sleep(FETCH_WAIT_MS + 200);
        return null;
      case 'resumeFetch':
        this.cuts.lift((tag) => tag === `pause ${step.broker}`);
        return null;
      case 'partitionNetwork':
        this.cut(step.a, step.b);
        // The engine drops messages in flight too; a fetch parked at a leader is answered within
        // replica.fetch.wait.max.ms, so let it come back (empty) before the next step.
        await sleep(FETCH_WAIT_MS + 200);
        return null;
      case 'heal':
        if (step.a === undefined || step.b === undefined)
          this.cuts.lift((t) => t.startsWith('cut '));
        else
          this.cuts.lift((t) => t === cutTag(step.a!, step.b!) || t === cutTag(step.b!, step.a!));
        return null;
      case 'consume': {
        const result = await readPartition(this.driver, step.partition, step.from);
        this.ledger.consumed.set(step.client, {
          partition: step.partition,
          from: step.from,
          result,
        });
        return null;
      }
      case 'settle':
        await this.waitMatch(
          'settle',
          this.settledFacts(eng.dump),
          Math.min(step.maxMs + 30_000, MAX_STEP_WAIT_MS),
        );
        return null;
      case 'advance':
        if (before && !sameCore(before, eng.dump))
          await this.waitMatch('advance', coreFacts(eng.dump, true), step.ms * 1.5 + 15_000);
        else await sleep(step.ms);
        return null;
      case 'expect':
        return this.compare(step, 'expect', step.facts, 20_000, t0);
      case 'expectEvent': {
        const facts = step.facts ?? this.eventFacts(step, eng.dump);
        const label = `expectEvent ${step.event}${step.broker !== undefined ? ` broker ${step.broker}` : ''}${step.partition ? ` ${step.partition}` : ''}${step.record ? ` "${step.record}"` : ''}`;
        const wait = Math.min(step.within[1] * 1.5 + 20_000, MAX_STEP_WAIT_MS);
        return this.compare(step, label, facts, wait, t0);
      }
      default:
        throw new HarnessError(`steps[${k}] ${step.do}: no Kafka counterpart`);
    }
  }

  /** Keeps the topic configs and cluster defaults a setConfig gave (a per-broker value is not one). */
  private noteConfig(step: Extract<Step, { do: 'setConfig' }>): void {
    const configs = this.ledger.configs!;
    if (step.scope === 'topic') {
      const name = String(step.id);
      configs.topics.set(name, { ...configs.topics.get(name), ...step.config });
    } else if (step.scope === 'broker' && step.id === undefined)
      Object.assign(configs.cluster, step.config);
  }

  /** What `settle` waits for: the engine's leaders, epochs, ISRs and every up replica's log end. */
  private settledFacts(d: StateDump): Facts {
    const f = coreFacts(d, true);
    for (const [name, p] of Object.entries(d.partitions)) {
      const replicas: Record<string, { leo: number }> = {};
      for (const b of p.isr) {
        const r = p.replicas[b];
        if (r && d.brokers[b] !== 'down') replicas[b] = { leo: r.leo };
      }
      f.partitions![name]!.replicas = replicas;
    }
    return f;
  }

  private eventFacts(step: Extract<Step, { do: 'expectEvent' }>, d: StateDump): Facts {
    switch (step.event) {
      case 'brokerFenced':
      case 'brokerUnfenced':
        return step.broker !== undefined
          ? { brokers: { [step.broker]: d.brokers[step.broker]! } }
          : {};
      case 'leaderChanged':
      case 'isrShrunk':
      case 'isrExpanded': {
        const f = coreFacts(d, false);
        if (step.partition) f.partitions = { [step.partition]: f.partitions![step.partition]! };
        return f;
      }
      case 'recordAcked':
      case 'produceFailed':
        return step.record && d.records[step.record]
          ? { records: { [step.record]: { status: d.records[step.record]!.status } } }
          : {};
      default:
        return {};
    }
  }

  /** Processes (uid and listening port, if any) an endpoint of partitionNetwork stands for. */
  private endpoint(e: Endpoint): { uid: number; port?: number }[] {
    if (e === 'controller')
      return this.cluster.controllers.map((n) => ({ uid: n.uid, port: n.port }));
    if (typeof e === 'number') {
      const n = this.cluster.node(e);
      return [{ uid: n.uid, port: n.port }];
    }
    return [{ uid: this.cluster.clientsUid }];
  }

  /** Drops what each side sends to the other's listener, both ways. */
  private cut(a: Endpoint, b: Endpoint): void {
    const tag = cutTag(a, b);
    for (const x of this.endpoint(a))
      for (const y of this.endpoint(b)) {
        if (y.port !== undefined) this.cuts.drop(tag, x.uid, y.port);
        if (x.port !== undefined) this.cuts.drop(tag, y.uid, x.port);
      }
  }

  private async activeController(): Promise<number> {
    // DescribeQuorum goes through a broker: with every broker down, the controllers' own logs say
    // which one leads (the quorum's leader since its last start).
    if (!this.cluster.brokers.some((b) => this.cluster.isServing(b.id))) return this.quorumLeader();
    const a = await this.driver.must('quorum');
    return a.leader as number;
  }

  private produce(step: Extract<Step, { do: 'produce' }>): void {
    for (const value of step.records) {
      const rid = this.nextRid++;
      const [topic, partition] = step.partition
        ? [
            step.partition.slice(0, step.partition.lastIndexOf('-')),
            Number(step.partition.slice(step.partition.lastIndexOf('-') + 1)),
          ]
        : [step.topic!, null];
      this.ledger.sent.set(rid, { value, client: step.client, topic });
      this.clients.send({
        client: step.client,
        rid,
        topic,
        partition,
        key: step.key ?? null,
        value,
      });
    }
  }

  /** After a produce: give Kafka's producer a moment to get its answers (acks are not awaited). */
  private async settleProduce(): Promise<void> {
    const pending = () =>
      [...this.ledger.sent.keys()].some((rid) => !this.ledger.outcomes.has(rid));
    const deadline = Date.now() + 1500;
    while (pending() && Date.now() < deadline) await sleep(50);
  }

  private async compare(
    step: Step,
    label: string,
    wanted: Facts,
    timeoutMs: number,
    t0: number,
  ): Promise<StepResult> {
    const { facts, skipped } = observable(wanted);
    // the whole file's run has every step's assertion (a prefix run would give the same)
    const engineAssert = this.assertions.find((a) => a.step === step.index);
    const engineBy = new Map<string, string>();
    for (const f of engineAssert?.failures ?? []) engineBy.set(f.split(':')[0]!, f);
    const mismatches = isEmpty(facts) ? [] : await this.waitMatch(label, facts, timeoutMs);
    const differences = mismatches.map((m) => ({
      path: m.path,
      kafka: m.actual,
      engine: engineBy.has(m.path) ? engineBy.get(m.path) : m.expected,
    }));
    // the engine failing its own file is a difference too (the file says what Kafka does)
    for (const [path, f] of engineBy)
      if (!mismatches.some((m) => m.path === path))
        differences.push({ path, kafka: 'as the file expects', engine: f });
    return {
      step: step.index,
      label,
      ok: differences.length === 0,
      differences,
      notCompared: skipped,
      seconds: (Date.now() - t0) / 1000,
    };
  }
}
