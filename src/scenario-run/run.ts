// Runs a validated scenario against the engine: steps in order, each after the previous one
// completed; `expect` and `expectEvent` become assertion results (scenario-format.md).
import {
  abandonManualFetches,
  applyCommand,
  createSimulation,
  dumpState,
  isSettled,
  manualFetchSettled,
  nextEventTime,
  produceSettled,
  readAsConsumer,
  runUntil,
  type Command,
  type SimEvent,
  type SimState,
  type StateDump,
} from '../engine/index';
import { compareFacts, formatMismatch } from './compare';
import type { Facts, Scenario, Step } from '../scenario/types';
import { stepCommand } from '../scenario/vocabulary';

export interface Assertion {
  step: number;
  at: number;
  ok: boolean;
  label: string;
  failures: string[];
}

export interface ScenarioRun {
  title: string;
  assertions: Assertion[];
  /** problems running a step (e.g. a command the engine refused) */
  errors: string[];
  state: SimState | null;
  dumpAt: StateDump | null;
}

export interface RunOptions {
  /** capture the state dump at this simulated time */
  dumpAt?: number;
  /** log every message send/delivery/drop */
  trace?: boolean;
}

/** Upper bound for steps that wait on the cluster (produce, stop, consume, fetch). */
const STEP_WAIT_LIMIT_MS = 60_000;

class Runner {
  readonly assertions: Assertion[] = [];
  readonly errors: string[] = [];
  dumpAt: StateDump | null = null;
  private matched = new Set<number>();

  constructor(
    readonly s: SimState,
    private readonly dumpTime: number | undefined,
  ) {}

  /** Runs time forward to `limit`, stopping early once `done()` holds after a whole millisecond. */
  runTo(limit: number, done: () => boolean = () => false): boolean {
    const s = this.s;
    runUntil(s, s.now);
    this.captureDump();
    if (done()) return true;
    for (;;) {
      const next = Math.min(nextEventTime(s), this.pendingDump());
      if (next > limit) {
        runUntil(s, limit);
        this.captureDump();
        return done();
      }
      runUntil(s, next);
      this.captureDump();
      if (done()) return true;
    }
  }

  private pendingDump(): number {
    return this.dumpTime !== undefined && this.dumpAt === null && this.dumpTime >= this.s.now
      ? this.dumpTime
      : Infinity;
  }

  private captureDump(): void {
    if (this.dumpTime !== undefined && this.dumpAt === null && this.s.now >= this.dumpTime)
      this.dumpAt = dumpState(this.s);
  }

  command(step: Step, cmd: Command): ReturnType<typeof applyCommand> {
    const result = applyCommand(this.s, cmd);
    if (!result.ok) this.errors.push(`steps[${step.index}] (${step.do}): ${result.error}`);
    return result;
  }

  runStep(step: Step): void {
    const s = this.s;
    if (step.at !== undefined && step.at > s.now) this.runTo(step.at);
    const wait = s.now + STEP_WAIT_LIMIT_MS;
    switch (step.do) {
      case 'advance':
        this.runTo(s.now + step.ms);
        return;
      case 'settle':
        this.runTo(s.now + step.maxMs, () => isSettled(s));
        return;
      case 'expect':
        this.settleMillisecond();
        this.check(step, 'expect', step.facts);
        return;
      case 'expectEvent':
        return this.expectEvent(step);
      default:
        break;
    }
    const cmd = stepCommand(step);
    if (!cmd) return;
    const r = this.command(step, cmd);
    if (!r.ok) return;
    // Steps that wait for the cluster: each completes before the next one starts.
    switch (step.do) {
      case 'produce':
        this.runTo(wait, () => produceSettled(s, r.rids ?? []));
        return;
      case 'consume':
      case 'poll':
        this.runTo(wait, () => !s.consumers[step.client]!.ops[step.partition]);
        return;
      case 'stop':
        this.runTo(wait, () => !s.brokers[step.broker]!.up);
        return;
      case 'fetch':
        this.runTo(wait, () =>
          manualFetchSettled(s, step.broker, r.fetchIds ?? [], step.deliverResponse),
        );
        if (!step.deliverResponse) abandonManualFetches(s, step.broker, r.fetchIds ?? []);
        return;
      case 'refreshMetadata': {
        const md = (s.producers[step.client] ?? s.consumers[step.client])!.metadata;
        this.runTo(wait, () => md.inflight === 0);
        return;
      }
      default:
        this.settleMillisecond();
    }
  }

  /** Applies everything already scheduled for this millisecond. */
  private settleMillisecond(): void {
    runUntil(this.s, this.s.now);
  }

  private check(step: Step, label: string, facts: Facts): void {
    const actual = dumpState(this.s);
    if (facts.consume) actual.consume = this.consumeFacts(facts, actual);
    const mismatches = compareFacts(facts, actual);
    this.assertions.push({
      step: step.index,
      at: this.s.now,
      ok: mismatches.length === 0,
      label,
      failures: mismatches.map(formatMismatch),
    });
  }

  /** `consume` facts with `from` are a fresh read; without it, the consumer's last poll. */
  private consumeFacts(facts: Facts, actual: StateDump): StateDump['consume'] {
    const out = [...actual.consume];
    for (const want of facts.consume ?? []) {
      if (want.from === undefined) continue;
      out.unshift({
        ...readAsConsumer(this.s, want.client, want.partition, want.from),
        fresh: true,
      });
    }
    return out;
  }

  private expectEvent(step: Extract<Step, { do: 'expectEvent' }>): void {
    const start = this.s.now;
    const from = start + step.within[0];
    const to = start + step.within[1];
    const label = `expectEvent ${step.event}${step.broker !== undefined ? ` broker ${step.broker}` : ''}${step.partition ? ` ${step.partition}` : ''}${step.record ? ` "${step.record}"` : ''} within [${step.within[0]}, ${step.within[1]}] ms`;
    let found: SimEvent | undefined;
    let scanned = this.firstEventIndexAt(start);
    const look = () => {
      const events = this.s.events;
      for (; scanned < events.length; scanned++) {
        const e = events[scanned]!;
        if (e.t < from || e.t > to || this.matched.has(e.seq) || !matchesEvent(e, step)) continue;
        found = e;
        return true;
      }
      return false;
    };
    this.runTo(to, look);
    if (!found) {
      this.assertions.push({
        step: step.index,
        at: this.s.now,
        ok: false,
        label,
        failures: [`no ${step.event} event between t=${from} and t=${to} ms`],
      });
      return;
    }
    this.matched.add(found.seq);
    if (step.facts) this.check(step, `${label} (at t=${found.t})`, step.facts);
    else
      this.assertions.push({
        step: step.index,
        at: this.s.now,
        ok: true,
        label: `${label} (at t=${found.t})`,
        failures: [],
      });
  }

  private firstEventIndexAt(t: number): number {
    const events = this.s.events;
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function matchesEvent(e: SimEvent, step: Extract<Step, { do: 'expectEvent' }>): boolean {
  if (e.type !== step.event) return false;
  if (step.partition !== undefined && e.partition !== step.partition) return false;
  if (
    step.record !== undefined &&
    e.record !== step.record &&
    !(e.data?.values as string[] | undefined)?.includes(step.record)
  )
    return false;
  if (step.broker !== undefined) {
    const involved = [
      e.broker,
      ...((e.data?.removed as number[] | undefined) ?? []),
      ...((e.data?.added as number[] | undefined) ?? []),
    ];
    if (!involved.includes(step.broker)) return false;
  }
  return true;
}

export function runScenario(scenario: Scenario, options: RunOptions = {}): ScenarioRun {
  const created = createSimulation(scenario.setup);
  if (!created.ok)
    return {
      title: scenario.title,
      assertions: [],
      errors: [created.error],
      state: null,
      dumpAt: null,
    };
  if (options.trace) created.state.messageLog = [];
  const runner = new Runner(created.state, options.dumpAt);
  for (const step of scenario.steps) runner.runStep(step);
  if (options.dumpAt !== undefined && runner.dumpAt === null) runner.runTo(options.dumpAt);
  return {
    title: scenario.title,
    assertions: runner.assertions,
    errors: runner.errors,
    state: created.state,
    dumpAt: runner.dumpAt,
  };
}
