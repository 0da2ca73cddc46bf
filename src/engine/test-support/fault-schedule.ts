// Helpers for the property tests (properties.test.ts): a small cluster under "demo" timings,
// random fault schedules (fast-check arbitraries), and a driver that replays a schedule as
// `runUntil(state, at); applyCommand(state, command)`, optionally observing every event.
import fc from 'fast-check';
import {
  applyCommand,
  createSimulation,
  nextEventTime,
  runUntil,
  stepOne,
  type Command,
  type SimState,
} from '../index';
import { BROKER_CONFIG, PRODUCER_CONFIG, TOPIC_CONFIG, defaultsOf } from '../core/config';
import { defaultControllers, type SimSetup } from '../core/setup';

export const CLIENT = 'P';

/** What the durability rules depend on: acks, idempotence, min ISR, unclean election. */
export interface Mode {
  acks: -1 | 0 | 1;
  idempotence: boolean;
  minIsr: number;
  unclean: boolean;
  /** eligible.leader.replicas.version=1 (R45); off when absent, as in the earlier cases */
  elr?: boolean;
}

export interface Shape {
  brokers: number;
  /** partitions per topic (one or two topics) */
  topics: number[];
  latencyMs: number;
  jitterMs: number;
  seed: number;
  /** retention.ms of the topics (with 1 s segments, checked every second); none: Kafka's 7 days */
  retentionMs?: number;
}

export interface Step {
  at: number;
  command: Command;
}

export interface Case {
  shape: Shape;
  mode: Mode;
  schedule: Step[];
}

/** Simulated time the random faults are spread over, then the time the healed cluster gets. */
export const FAULT_WINDOW_MS = 60_000;
export const SETTLE_MS = 60_000;
/** Length of a burst of related faults. */
const EPISODE_MS = 3_000;

export function brokerIds(shape: Shape): number[] {
  return Array.from({ length: shape.brokers }, (_, i) => i + 1);
}

export function buildSetup(shape: Shape, mode: Mode): SimSetup {
  const ids = brokerIds(shape);
  const brokerConfig = {
    ...defaultsOf(BROKER_CONFIG),
    'replica.lag.time.max.ms': 4000,
    'broker.session.timeout.ms': 2000,
    'broker.heartbeat.interval.ms': 500,
    'replica.fetch.wait.max.ms': 250,
    'replica.fetch.backoff.ms': 250,
    'replica.socket.timeout.ms': 3000,
    'min.insync.replicas': mode.minIsr,
    'unclean.leader.election.enable': mode.unclean,
    ...(shape.retentionMs !== undefined ? { 'log.retention.check.interval.ms': 1000 } : {}),
  };
  const topicConfig = {
    ...defaultsOf(TOPIC_CONFIG),
    'min.insync.replicas': mode.minIsr,
    'unclean.leader.election.enable': mode.unclean,
    ...(shape.retentionMs !== undefined
      ? { 'retention.ms': shape.retentionMs, 'segment.ms': 1000 }
      : {}),
  };
  return {
    seed: shape.seed,
    brokers: ids.map((id) => ({ id })),
    controllers: defaultControllers(ids),
    brokerConfig,
    network: { latencyMs: shape.latencyMs, jitterMs: shape.jitterMs },
    features: { 'eligible.leader.replicas.version': mode.elr ? 1 : 0 },
    topics: shape.topics.map((partitions, i) => ({
      name: `t${i}`,
      partitions,
      replicationFactor: 3,
      config: { ...topicConfig },
    })),
    clients: [
      {
        id: CLIENT,
        type: 'producer',
        config: {
          ...defaultsOf(PRODUCER_CONFIG),
          acks: mode.acks,
          'enable.idempotence': mode.idempotence,
          idempotenceExplicit: true,
          'request.timeout.ms': 5000,
          'delivery.timeout.ms': 30000,
          'retry.backoff.ms': 100,
          'retry.backoff.max.ms': 1000,
        },
      },
    ],
  };
}

export function shapeArb(): fc.Arbitrary<Shape> {
  return fc.record({
    brokers: fc.integer({ min: 3, max: 5 }),
    topics: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }),
    latencyMs: fc.integer({ min: 1, max: 15 }),
    jitterMs: fc.integer({ min: 0, max: 5 }),
    seed: fc.integer({ min: 1, max: 0x7fffffff }),
    // Half the cases delete old segments while faults happen (R47).
    retentionMs: fc.option(fc.constantFrom(2000, 5000, 15000), { nil: undefined, freq: 2 }),
  });
}

/** A fault or a produce burst; record values are filled in afterwards so they are unique. */
type Op =
  | { kind: 'produce'; topic: number; partition: number | null; count: number }
  | { kind: 'broker'; type: 'kill' | 'stop' | 'restart' | 'pauseFetch' | 'resumeFetch'; b: number }
  | { kind: 'cut' | 'heal'; a: number; b: number }
  | { kind: 'healAll' }
  | { kind: 'killController'; c: number | null }
  | { kind: 'restartController' };

const MAX_BROKERS = 5;

/** Independent of the shape (ids are folded into range later), so fast-check shrinks well. */
function opArb(): fc.Arbitrary<Op> {
  const broker = fc.integer({ min: 1, max: MAX_BROKERS });
  // endpoints: broker ids, "controller" (the quorum), the client, then single controllers
  const endpoint = fc.integer({ min: 1, max: MAX_BROKERS + 5 });
  return fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('produce' as const),
        topic: fc.integer({ min: 0, max: 1 }),
        partition: fc.option(fc.integer({ min: 0, max: 1 }), { nil: null }),
        count: fc.integer({ min: 1, max: 5 }),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('broker' as const),
        type: fc.constantFrom(
          'kill' as const,
          'stop' as const,
          'restart' as const,
          'restart' as const,
          'pauseFetch' as const,
          'resumeFetch' as const,
        ),
        b: broker,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constantFrom('cut' as const, 'cut' as const, 'heal' as const),
        a: endpoint,
        b: endpoint,
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'healAll' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('killController' as const),
        c: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'restartController' as const }) },
  );
}

function brokerOf(shape: Shape, n: number): number {
  return ((n - 1) % shape.brokers) + 1;
}

function endpointOf(shape: Shape, n: number): number | string {
  if (n <= MAX_BROKERS) return brokerOf(shape, n);
  if (n === MAX_BROKERS + 1) return 'controller';
  if (n === MAX_BROKERS + 2) return CLIENT;
  return defaultControllers(brokerIds(shape))[n - MAX_BROKERS - 3]!;
}

function isController(e: number | string): boolean {
  return typeof e === 'number' && e > 100;
}

function toCommand(shape: Shape, op: Op, index: number): Command | null {
  const controllers = defaultControllers(brokerIds(shape));
  switch (op.kind) {
    case 'produce': {
      const t = op.topic % shape.topics.length;
      const topic = `t${t}`;
      const records = Array.from({ length: op.count }, (_, k) => `v${index}.${k}`);
      return op.partition === null
        ? { type: 'produce', client: CLIENT, topic, records }
        : {
            type: 'produce',
            client: CLIENT,
            partition: `${topic}-${op.partition % shape.topics[t]!}`,
            records,
          };
    }
    case 'broker':
      return { type: op.type, broker: brokerOf(shape, op.b) };
    case 'cut':
    case 'heal': {
      const a = endpointOf(shape, op.a);
      const b = endpointOf(shape, op.b);
      if (a === b) return null;
      // "controller" is the whole quorum: cutting it from one of its own voters means nothing
      if ((a === 'controller' || b === 'controller') && (isController(a) || isController(b)))
        return null;
      return op.kind === 'cut' ? { type: 'partitionNetwork', a, b } : { type: 'heal', a, b };
    }
    case 'healAll':
      return { type: 'heal' };
    case 'killController':
      return op.c === null
        ? { type: 'killController' }
        : { type: 'killController', controller: controllers[op.c]! };
    case 'restartController':
      return { type: 'restartController' };
  }
}

/** Turns timed ops into a schedule ordered by time (stable), with unique record values. */
function toSchedule(shape: Shape, ops: [number, Op][]): Step[] {
  const steps: Step[] = [];
  [...ops]
    .sort((x, y) => x[0] - y[0])
    .forEach(([at, op], i) => {
      const command = toCommand(shape, op, i);
      if (command) steps.push({ at, command });
    });
  return steps;
}

/**
 * Faults come in episodes (a start time plus ops within a few seconds of it) so that failures
 * overlap and hit records still in flight, which uniform times rarely do.
 */
export function caseArb(modeArb: fc.Arbitrary<Mode>, maxEpisodes = 10): fc.Arbitrary<Case> {
  // some ops land within a few ms of each other: inside replication and ack windows
  const offsetArb = fc.oneof(
    { weight: 2, arbitrary: fc.integer({ min: 0, max: EPISODE_MS }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
  );
  const episode = fc.record({
    start: fc.integer({ min: 0, max: FAULT_WINDOW_MS - EPISODE_MS }),
    ops: fc.array(fc.tuple(offsetArb, opArb()), {
      minLength: 1,
      maxLength: 10,
      size: 'max',
    }),
  });
  const episodes = fc.array(episode, { minLength: 1, maxLength: maxEpisodes, size: 'max' });
  return fc.tuple(shapeArb(), modeArb, episodes).map(([shape, mode, eps]) => ({
    shape,
    mode,
    schedule: toSchedule(
      shape,
      eps.flatMap((e) => e.ops.map(([dt, op]): [number, Op] => [e.start + dt, op])),
    ),
  }));
}

/** Heal everything, restart every controller and broker, let the cluster settle. */
export function finale(shape: Shape): Step[] {
  const t0 = FAULT_WINDOW_MS + 1;
  const steps: Step[] = [{ at: t0, command: { type: 'heal' } }];
  for (const c of defaultControllers(brokerIds(shape)))
    steps.push({ at: t0, command: { type: 'restartController', controller: c } });
  // A broker in a controlled shutdown that had no controller finishes stopping only now, so
  // restart twice: once at once, once after the shutdowns had time to complete.
  for (const t of [t0, t0 + 15_000]) {
    for (const b of brokerIds(shape)) {
      steps.push({ at: t, command: { type: 'restart', broker: b } });
      steps.push({ at: t, command: { type: 'resumeFetch', broker: b } });
    }
  }
  return steps;
}

export interface RunOptions {
  /** called after every processed event and every command (read-only!) */
  observe?: (s: SimState) => void;
}

export interface RunResult {
  state: SimState;
  /** commands the engine refused (not a failure: e.g. no such controller) */
  refused: { at: number; command: Command; error: string }[];
}

/** Replays `schedule` then the finale, ending SETTLE_MS after the last fault. */
export function runCase(c: Case, opts: RunOptions = {}): RunResult {
  const created = createSimulation(buildSetup(c.shape, c.mode));
  if (!created.ok) throw new Error(`setup rejected: ${created.error}`);
  const s = created.state;
  const refused: RunResult['refused'] = [];
  const advance = (t: number) => {
    if (opts.observe) {
      while (nextEventTime(s) <= t) {
        stepOne(s);
        opts.observe(s);
      }
    }
    runUntil(s, t);
  };
  for (const step of [...c.schedule, ...finale(c.shape)]) {
    advance(step.at);
    const r = applyCommand(s, step.command);
    if (!r.ok) refused.push({ at: step.at, command: step.command, error: r.error });
    opts.observe?.(s);
  }
  advance(FAULT_WINDOW_MS + SETTLE_MS);
  return { state: s, refused };
}

/** Compact, replayable text of a case for assertion messages. */
export function describeCase(c: Case): string {
  const lines = c.schedule.map((st) => `  ${st.at}: ${JSON.stringify(st.command)}`);
  return [
    `shape=${JSON.stringify(c.shape)} mode=${JSON.stringify(c.mode)}`,
    `schedule (${c.schedule.length} steps):`,
    ...lines,
  ].join('\n');
}
