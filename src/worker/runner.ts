// The simulation runner behind the worker (and used in-thread by tests): a clock with play,
// pause and speed, single steps, commands stamped with their simulated time, and the view.
import {
  applyCommand,
  createSimulation,
  nextEventTime,
  runUntil,
  stepOne,
  type Command,
  type CommandResult,
  type SimState,
} from '../engine/index';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/types';
import type { TimingsPreset } from '../protocol/messages';
import { projectView } from '../protocol/project-view';
import type { View } from '../protocol/view';
import { applyTimings } from './timings';
import { stepCommand } from '../scenario/step-command';

/** The longest stretch of wall time one tick may simulate (a background tab coming back). */
const MAX_TICK_WALL_MS = 250;

export interface LoggedCommand {
  t: number;
  command: Command;
}

export type RunnerResult = { ok: true; runner: SimRunner } | { ok: false; errors: string[] };

export class SimRunner {
  readonly commandLog: LoggedCommand[] = [];
  playing = false;
  speed = 1;
  private version = 0;
  private sentEvents = 0;
  private inspected: string | null = null;
  private carry = 0;
  /** the scenario's actions, applied when simulated time reaches them (expectations are skipped) */
  private script: LoggedCommand[];

  private constructor(
    readonly state: SimState,
    readonly scenario: Scenario,
    readonly timings: TimingsPreset,
  ) {
    let at = 0;
    this.script = [];
    for (const step of scenario.steps) {
      at = Math.max(at, step.at ?? at);
      const command = stepCommand(step);
      if (command) this.script.push({ t: at, command });
    }
    this.runTo(0);
  }

  /** Runs to `t`, applying the scenario's actions on the way. */
  private runTo(t: number): void {
    while (this.script.length > 0 && this.script[0]!.t <= t) {
      const next = this.script.shift()!;
      runUntil(this.state, next.t);
      applyCommand(this.state, next.command);
    }
    runUntil(this.state, t);
  }

  static create(json: unknown, timings: TimingsPreset): RunnerResult {
    const parsed = parseScenario(json);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const created = createSimulation(applyTimings(parsed.scenario.setup, timings));
    if (!created.ok) return { ok: false, errors: [created.error] };
    return { ok: true, runner: new SimRunner(created.state, parsed.scenario, timings) };
  }

  get now(): number {
    return this.state.now;
  }

  /** Advances simulated time by the wall time elapsed times the speed, while playing. */
  tick(wallDeltaMs: number): void {
    if (!this.playing) return;
    const simulated = Math.min(wallDeltaMs, MAX_TICK_WALL_MS) * this.speed + this.carry;
    const whole = Math.floor(simulated);
    this.carry = simulated - whole;
    if (whole > 0) this.runTo(this.state.now + whole);
  }

  /** One protocol event: runs until a message is delivered or something changes state. */
  step(): void {
    const s = this.state;
    const events = s.eventCount;
    for (let guard = 0; guard < 100_000; guard++) {
      const next = s.queue[0];
      if (!next) return;
      const isDelivery =
        next.item.kind === 'deliver' && s.inflight[next.item.messageId] !== undefined;
      stepOne(s);
      if (isDelivery || s.eventCount !== events) return;
    }
  }

  /** Runs until the next event of `type` (or `limitMs` of simulated time). */
  runUntilEvent(type: string, limitMs: number): boolean {
    const s = this.state;
    const from = s.eventCount;
    const limit = s.now + limitMs;
    while (nextEventTime(s) <= limit) {
      stepOne(s);
      for (let i = s.events.length - 1; i >= 0 && s.events[i]!.seq >= from; i--) {
        if (s.events[i]!.type === type) {
          runUntil(s, s.now); // finish this millisecond
          return true;
        }
      }
    }
    runUntil(s, limit);
    return false;
  }

  advance(ms: number): void {
    this.runTo(this.state.now + Math.max(0, ms));
  }

  command(command: Command): CommandResult {
    const result = applyCommand(this.state, command);
    if (result.ok) this.commandLog.push({ t: this.state.now, command });
    return result;
  }

  inspect(partition: string | null): void {
    this.inspected = partition;
  }

  /** The view for the UI; events are sent once. */
  view(): View {
    const s = this.state;
    const streams: Record<string, number> = {};
    for (const p of Object.values(s.producers)) streams[p.id] = p.stream.rate;
    const subscriptions: Record<string, boolean> = {};
    for (const c of Object.values(s.consumers)) subscriptions[c.id] = c.subscribed.length > 0;
    const view = projectView(s, {
      version: ++this.version,
      playing: this.playing,
      speed: this.speed,
      title: this.scenario.title,
      timings: this.timings,
      sinceEvent: this.sentEvents,
      inspect: this.inspected,
      streams,
      subscriptions,
    });
    this.sentEvents = s.eventCount;
    return view;
  }
}
