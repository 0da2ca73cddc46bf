// Turns a replay plan (schedule.ts) into a scenario file that the Kafka harness runs and the
// engine's scenario runner checks. Every fault falls on a step boundary of a settled cluster, and
// the file waits until the state it causes is reached before the next one, so what follows does
// not depend on wall-clock timing:
// - a produce burst goes only to a partition with a leader that can take it (for acks=all an ISR
//   of at least min.insync.replicas: NOT_ENOUGH_REPLICAS is retried until delivery.timeout.ms,
//   and whether the ISR grows back first is a race), then `settle`;
// - `kill` is followed by an `advance` past the session timeout (the fence and the election), a
//   controlled shutdown or restart with unclean election on by one past the controller's periodic
//   unclean election, then `settle`;
// - after each of them an `expect` of the engine's facts there (brokers, leader, epoch, ISR, ELR,
//   the lost set, the burst's outcomes): on Kafka it also waits until the cluster is there.
// The engine decides which ops apply (a kill of a broker that is down is dropped, say); the file
// ends by restarting every broker that is down, one at a time, and a final `expect` of the whole
// state: every replica's log and epoch cache, the records' outcomes, committed, lost, duplicates.
import { dumpState, type StateDump } from '../../../engine';
import { runScenario } from '../../../scenario-run/run';
import { SCENARIO_FORMAT, parseScenario } from '../../../scenario/validate';
import { buildSetup, CLIENT } from '../../../engine/test-support/fault-schedule';
import { createSimulation } from '../../../engine';
import { replayPlan, type ReplayOp, type ReplayPlan } from './schedule';

/** At most this many broker faults per schedule (each crash costs a session timeout of wall time). */
const MAX_FAULTS = 8;
/** At most this many produce bursts per schedule. */
const MAX_BURSTS = 8;

/**
 * Cluster configs of every replayed file. Session and heartbeat are shorter than Kafka's defaults
 * (9 s, 2 s) to keep a crash short, yet long enough that a busy 2-core machine does not miss
 * heartbeats. The automatic preferred-leader rebalance is off: it runs on a 5-minute wall-clock
 * timer. The periodic unclean election runs every 2 s, on both sides.
 */
const SESSION_MS = 6000;
const HEARTBEAT_MS = 1000;
const UNCLEAN_INTERVAL_MS = 2000;
export const REPLAY_CLUSTER_CONFIG = {
  'broker.session.timeout.ms': SESSION_MS,
  'broker.heartbeat.interval.ms': HEARTBEAT_MS,
  'auto.leader.rebalance.enable': false,
  'unclean.leader.election.interval.ms': UNCLEAN_INTERVAL_MS,
};
/** After a crash: the last heartbeat may precede it by an interval, then the session runs out. */
const FENCE_WAIT_MS = SESSION_MS + HEARTBEAT_MS + 1000;
const UNCLEAN_WAIT_MS = UNCLEAN_INTERVAL_MS + 1000;
const SETTLE_MAX_MS = 10_000;

type FileStep = Record<string, unknown>;

export interface ReplayFile {
  seed: number;
  brokers: number;
  /** acks, idempotence, min ISR, unclean election and ELR, in words */
  mode: string;
  /** the scenario file (format kafka-replication-scenario/1) */
  scenario: Record<string, unknown>;
  /** ops of the plan that were not replayed, with the reason */
  dropped: string[];
  /** ops replayed, by kind */
  counts: Record<ReplayOp['kind'], number>;
}

function header(plan: ReplayPlan, assignment: Record<string, number[]>) {
  const { shape, mode } = plan;
  const topics = shape.topics.map((partitions, i) => ({
    name: `t${i}`,
    partitions,
    replicationFactor: 3,
    // The engine's placement for the case's seed, written out: a real cluster draws its own.
    assignment: Object.fromEntries(
      Array.from({ length: partitions }, (_, p) => [String(p), assignment[`t${i}-${p}`]!]),
    ),
    config: {
      'min.insync.replicas': mode.minIsr,
      'unclean.leader.election.enable': mode.unclean,
    },
  }));
  return {
    format: SCENARIO_FORMAT,
    seed: shape.seed,
    cluster: {
      brokers: shape.brokers,
      config: REPLAY_CLUSTER_CONFIG,
      features: { 'eligible.leader.replicas.version': mode.elr ? 1 : 0 },
    },
    topics,
    clients: {
      [CLIENT]: {
        type: 'producer',
        config: {
          acks: mode.acks === -1 ? 'all' : String(mode.acks),
          'enable.idempotence': mode.idempotence,
        },
      },
    },
  };
}

function modeText(plan: ReplayPlan): string {
  const m = plan.mode;
  return `acks=${m.acks === -1 ? 'all' : m.acks}, idempotence ${m.idempotence ? 'on' : 'off'}, min ISR ${m.minIsr}, unclean ${m.unclean ? 'on' : 'off'}, ELR ${m.elr ? 'on' : 'off'}`;
}

/** Leader, epoch, ISR and ELR of every partition, every broker's status, and the lost set. */
function stateFacts(d: StateDump): FileStep {
  const partitions: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(d.partitions))
    partitions[name] = {
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      isr: p.isr,
      elr: p.elr,
      lastKnownElr: p.lastKnownElr,
    };
  return { brokers: d.brokers, partitions, lost: d.lost };
}

function recordFacts(d: StateDump, values: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of values) {
    const r = d.records[v]!;
    out[v] = {
      status: r.status,
      ...(r.partition ? { partition: r.partition } : {}),
      ...(r.offset !== undefined ? { offset: r.offset } : {}),
      ...(r.error ? { error: r.error } : {}),
    };
  }
  return out;
}

/** The whole final state, as far as it does not depend on timing (see the file's comment). */
function finalFacts(d: StateDump): FileStep {
  const base = stateFacts(d);
  const partitions = base.partitions as Record<string, Record<string, unknown>>;
  const committed: Record<string, string[]> = {};
  for (const [name, p] of Object.entries(d.partitions)) {
    const replicas: Record<string, unknown> = {};
    for (const b of p.assignment) {
      const r = p.replicas[b]!;
      replicas[b] = { log: r.log, epochCache: r.epochCache };
    }
    partitions[name]!.replicas = replicas;
    if (p.leader !== null) committed[name] = d.committed[name] ?? [];
  }
  return {
    ...base,
    records: recordFacts(d, Object.keys(d.records)),
    committed,
    duplicates: d.duplicates,
    uncommitted: d.uncommitted,
    offline: d.offline,
  };
}

/** The engine's placement for the case (its seed drives the controller's random draws). */
function engineAssignment(plan: ReplayPlan): Record<string, number[]> {
  const created = createSimulation(buildSetup(plan.shape, plan.mode));
  if (!created.ok) throw new Error(`replay ${plan.seed}: setup rejected: ${created.error}`);
  const d = dumpState(created.state);
  return Object.fromEntries(Object.entries(d.partitions).map(([n, p]) => [n, p.assignment]));
}

/** The scenario file replaying the property tests' schedule of `seed` (schedule.ts). */
export function replayFile(seed: number): ReplayFile {
  const plan = replayPlan(seed);
  const head = header(plan, engineAssignment(plan));
  const steps: FileStep[] = [];
  const dropped: string[] = [];
  const counts = { produce: 0, kill: 0, stop: 0, restart: 0 };
  /** The engine's state after `steps` plus `more` (a prefix run of the scenario runner). */
  const engineAfter = (more: FileStep[]): StateDump => {
    const parsed = parseScenario({ ...head, title: 'replay', steps: [...steps, ...more] });
    if (!parsed.ok) throw new Error(`replay ${seed}: ${parsed.errors.join('; ')}`);
    const run = runScenario(parsed.scenario);
    if (run.errors.length) throw new Error(`replay ${seed}: ${run.errors.join('; ')}`);
    return dumpState(run.state!);
  };
  let state = engineAfter([]);
  // Produce bursts between two faults are sent together (one step per partition), then settled.
  let burst = new Map<string, string[]>();
  const flush = () => {
    if (!burst.size) return;
    const group: FileStep[] = [...burst].map(([partition, records]) => ({
      do: 'produce',
      client: CLIENT,
      partition,
      records,
    }));
    group.push({ do: 'settle', maxMs: SETTLE_MAX_MS });
    const values = [...burst.values()].flat();
    burst = new Map();
    const after = engineAfter(group);
    const open = values.filter((v) => after.records[v]?.status !== 'acked');
    if (open.length) {
      dropped.push(`produce ${values.join(',')}: not all acknowledged in the engine (${open[0]})`);
      return;
    }
    steps.push(...group, {
      do: 'expect',
      ...stateFacts(after),
      records: recordFacts(after, values),
    });
    counts.produce++;
    state = after;
  };
  const fault = (op: Extract<ReplayOp, { broker: number }>) => {
    const group: FileStep[] = [{ do: op.kind, broker: op.broker }];
    const wait =
      (op.kind === 'kill' ? FENCE_WAIT_MS : 0) + (plan.mode.unclean ? UNCLEAN_WAIT_MS : 0);
    if (wait) group.push({ do: 'advance', ms: wait });
    group.push({ do: 'settle', maxMs: SETTLE_MAX_MS });
    const after = engineAfter(group);
    steps.push(...group, { do: 'expect', ...stateFacts(after) });
    counts[op.kind]++;
    state = after;
  };
  for (const op of plan.ops) {
    if (op.kind === 'produce') {
      const p = state.partitions[op.partition]!;
      const refused =
        p.leader === null
          ? 'no leader'
          : plan.mode.acks === -1 && p.isr.length < plan.mode.minIsr
            ? `ISR ${JSON.stringify(p.isr)} below min.insync.replicas`
            : null;
      if (refused) dropped.push(`produce to ${op.partition}: ${refused}`);
      else if (counts.produce >= MAX_BURSTS && !burst.size)
        dropped.push(`produce to ${op.partition}: over ${MAX_BURSTS} bursts`);
      else burst.set(op.partition, [...(burst.get(op.partition) ?? []), ...op.records]);
      continue;
    }
    const down = state.brokers[op.broker] === 'down';
    if (counts.kill + counts.stop + counts.restart >= MAX_FAULTS) {
      dropped.push(`${op.kind} ${op.broker}: over ${MAX_FAULTS} faults`);
      continue;
    }
    if (op.kind === 'restart' ? !down : down) {
      dropped.push(`${op.kind} ${op.broker}: broker is ${state.brokers[op.broker]}`);
      continue;
    }
    flush();
    fault(op);
  }
  flush();
  // The finale: every broker that is down starts again, one at a time, then the whole state.
  const scheduled = { ...counts };
  for (const b of Object.keys(state.brokers).map(Number))
    if (state.brokers[b] === 'down') fault({ kind: 'restart', broker: b });
  const last: FileStep[] = [{ do: 'settle', maxMs: SETTLE_MAX_MS }];
  const end = engineAfter(last);
  steps.push(...last, { do: 'expect', ...finalFacts(end) });
  const scenario = {
    ...head,
    title: `Replayed fault schedule ${seed}: ${plan.shape.brokers} brokers, ${modeText(plan)}`,
    description: `The property tests' fault schedule of seed ${seed} (caseArb in src/engine/test-support/fault-schedule.ts), reduced to produce bursts, kills, controlled shutdowns and restarts at step boundaries (src/cli/kafka/replay). Generated by src/cli/kafka/replay/generate.ts; do not edit.`,
    steps,
  };
  return {
    seed,
    brokers: plan.shape.brokers,
    mode: modeText(plan),
    scenario,
    dropped,
    counts: scheduled,
  };
}
