// The simulation runner behind the worker (and used in-thread by tests): playback. A clock with
// play, pause and speed, single steps, a lesson's waits and a walked record, and the view for the
// UI. Time travel (branches, the command log, seek) is TimeTravel's (time-travel.ts).
import {
  createSimulation,
  eventText,
  findRecord,
  nextRid,
  nextEventTime,
  recordOf,
  stepOne,
  type Command,
  type CommandResult,
  type SimState,
} from '../engine/index';
import { parseScenario } from '../scenario/validate';
import type { Scenario } from '../scenario/types';
import type { TimingsPreset, TraceEvent, Until } from '../protocol/messages';
import { projectView } from './projection/project-view';
import type { View } from '../protocol/view';
import { applyTimings } from './timings';
import { isBefore, type LoggedCommand, type Snapshot, type Target } from './history';
import { walkComplete, walkProgress, walkthrough } from './projection/walkthrough';
import { TimeTravel } from './time-travel';

/** The longest stretch of wall time one tick may simulate (a background tab coming back). */
const MAX_TICK_WALL_MS = 250;

export type { LoggedCommand };
export type RunnerResult = { ok: true; runner: SimRunner } | { ok: false; errors: string[] };

/** See SimRunner.keptRecordsLimit. */
export const MAX_KEPT_RECORDS = 1_000_000;

export class SimRunner {
  playing = false;
  speed = 1;
  private readonly travel: TimeTravel;
  private version = 0;
  private sentEvents = 0;
  private eventsReset = true;
  /** the controller metadata offset of the roles last sent */
  private sentStructureAt = -1;
  private inspected: string | null = null;
  private carry = 0;
  private constructor(
    initial: SimState,
    readonly scenario: Scenario,
    readonly timings: TimingsPreset,
  ) {
    this.travel = new TimeTravel(initial, scenario);
  }

  /** The simulation as it is now (time travel replaces it on a seek). */
  get state(): SimState {
    return this.travel.state;
  }

  static create(json: unknown, timings: TimingsPreset): RunnerResult {
    const parsed = parseScenario(json);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    return SimRunner.fromScenario(parsed.scenario, timings);
  }

  /** A runner for a validated scenario, optionally with a changed setup (side-by-side lanes). */
  static fromScenario(
    scenario: Scenario,
    timings: TimingsPreset,
    setup = scenario.setup,
    label = '',
  ): RunnerResult {
    const created = createSimulation(applyTimings(setup, timings));
    if (!created.ok) return { ok: false, errors: [created.error] };
    const runner = new SimRunner(created.state, scenario, timings);
    runner.label = label;
    return { ok: true, runner };
  }

  /** Replays a recorded run on this fresh runner; returns an error naming the bad field, if any. */
  loadRun(raw: unknown): string | null {
    return this.travel.loadRun(raw);
  }

  /** Recovery (worker/recover.ts): runs to exactly this position; no logged command may lie ahead. */
  runToPosition(target: { t: number; d?: number }): void {
    this.travel.runToPosition(target);
  }

  /** Recovery: applies a command of a recorded log at the current position, logged as it was. */
  applyLogged(c: LoggedCommand): CommandResult {
    return this.travel.applyLogged(c);
  }

  /** The current branch's log (same array until a fork or a branch switch) and how much of it is in effect. */
  get logCursor(): { log: readonly LoggedCommand[]; applied: number; d: number } {
    return this.travel.logCursor;
  }

  /** The retained events of the run, for the trace export. */
  trace(): TraceEvent[] {
    return this.state.events.map((e) => ({
      t: e.t,
      seq: e.seq,
      type: e.type,
      rule: e.rule ?? null,
      text: eventText(e),
      broker: e.broker ?? null,
      partition: e.partition ?? null,
      record: e.record ?? null,
    }));
  }

  /** Replays another lane's run by simulated time (its dispatch positions do not apply here). */
  replayByTime(run: { at: number; commands: LoggedCommand[] }): void {
    for (const c of run.commands) {
      if (c.fromScript) continue; // this lane applies its scenario's own actions
      this.advance(c.t - this.now);
      this.command(c.command);
    }
    this.advance(run.at - this.now);
  }

  /** The current branch up to now, as a recorded run. */
  recordedRun(): { at: number; commands: LoggedCommand[] } {
    return this.travel.recordedRun();
  }

  /** The lane's setting in a side-by-side comparison. */
  label = '';

  get now(): number {
    return this.state.now;
  }

  /** The current branch's snapshots, oldest first. */
  get snapshots(): readonly Snapshot[] {
    return this.travel.snapshots;
  }

  /** Every command given on the current branch, with its position (the replay log). */
  get commandLog(): readonly LoggedCommand[] {
    return this.travel.commandLog;
  }

  private position() {
    return this.travel.position();
  }

  private runTo(t: number): void {
    this.travel.runTo(t);
  }

  /** Advances simulated time by the wall time elapsed times the speed, while playing. */
  tick(wallDeltaMs: number): void {
    if (!this.playing) return;
    const simulated = Math.min(wallDeltaMs, MAX_TICK_WALL_MS) * this.speed + this.carry;
    const whole = Math.floor(simulated);
    this.carry = simulated - whole;
    if (whole > 0) this.moveTo(this.state.now + whole);
    this.checkMemory();
  }

  /**
   * Moves to `t`; while a lesson waits or a record is walked it goes one simulated millisecond
   * with something due at a time, so it stops exactly at the awaited event (not a frame later).
   */
  private moveTo(t: number): void {
    if (!this.until && !this.walkWatched()) {
      this.runTo(t);
      return;
    }
    this.runWatching(t, () => this.observe());
  }

  /** Runs to `t` one due millisecond at a time until `stop()` holds; returns whether it did. */
  private runWatching(t: number, stop: () => boolean): boolean {
    const s = this.state;
    for (;;) {
      const next = nextEventTime(s);
      if (next > t) {
        this.runTo(t);
        return stop();
      }
      this.runTo(Math.max(next, s.now));
      if (stop()) return true;
    }
  }

  /** The lesson's wait, armed by playUntil: it pauses the run where it is reached. */
  private until: {
    id: number;
    until: Until;
    fromSeq: number;
    t: number;
    walkDone: Set<string>;
  } | null = null;
  /** the id of the latest wait reached (the UI's lesson moves on when it sees it) */
  private untilReached = -1;

  /** The id of the latest wait reached. */
  get reachedUntil(): number {
    return this.untilReached;
  }

  /** Plays until the event (or walk hop, or time) comes, and pauses exactly there. */
  playUntil(id: number, until: Until): void {
    this.until = {
      id,
      until,
      fromSeq: this.state.eventCount,
      t: this.state.now,
      walkDone: this.walked ? walkProgress(this.state, this.walked.rid) : new Set(),
    };
    this.playing = true;
    this.observe();
  }

  /** Runs to the armed wait at once (the clicker pressed while waiting); at most `limitMs`. */
  skipUntil(limitMs = 120_000): void {
    if (!this.until) return;
    this.runWatching(this.state.now + limitMs, () => this.observe());
  }

  /** After each move: records the walked record's hop times, ends the wait once it is reached. */
  private observe(): boolean {
    const s = this.state;
    let done: Set<string> | null = null;
    if (this.walked && (!this.walked.complete || this.until)) {
      done = walkProgress(s, this.walked.rid);
      for (const k of done) if (this.walked.seen[k] === undefined) this.walked.seen[k] = s.now;
      this.walked.complete = walkComplete(s, this.walked.rid, done);
    }
    const u = this.until;
    if (!u) return false;
    let reached = false;
    const w = u.until;
    if ('ms' in w) reached = s.now >= u.t + w.ms;
    else if ('walk' in w) {
      if (!this.walked) reached = true;
      else {
        done ??= walkProgress(s, this.walked.rid);
        const key = w.walk;
        for (const k of done)
          if ((k === key || k.startsWith(`${key}-`)) && !u.walkDone.has(k)) reached = true;
        if (recordOf(s, this.walked.rid)?.status === 'failed') reached = true; // no more hops
      }
    } else {
      for (let i = s.events.length - 1; i >= 0 && s.events[i]!.seq >= u.fromSeq; i--) {
        const e = s.events[i]!;
        if (
          e.type === w.event &&
          (w.partition === undefined || e.partition === w.partition) &&
          (w.broker === undefined || e.broker === w.broker) &&
          (w.client === undefined || e.client === w.client)
        ) {
          reached = true;
          break;
        }
      }
    }
    if (!reached) return false;
    this.untilReached = u.id;
    this.until = null;
    this.playing = false;
    return true;
  }

  private walkWatched(): boolean {
    return this.walked !== null && !this.walked.complete;
  }

  /**
   * Play stops (with a notice) once the simulator keeps this many records: about 460 MB of them
   * (docs/known-issues.md), before the tab runs out of memory. Retention lowers the count.
   */
  keptRecordsLimit = MAX_KEPT_RECORDS;
  private notice: string | null = null;

  private checkMemory(): void {
    const kept = this.state.records.length;
    if (kept < this.keptRecordsLimit) return;
    this.playing = false;
    this.notice = `Paused: the simulated cluster keeps ${kept.toLocaleString('en')} records, about as many as this tab can hold. Kafka keeps records for retention.ms (7 days by default): lower retention.ms in Config so old segments are deleted, then play on.`;
  }

  /** A notice for the user since the last call (play stopped for memory), if any. */
  takeNotice(): string | null {
    const notice = this.notice;
    this.notice = null;
    return notice;
  }

  /** Where each step started, so step back can return there exactly. */
  private steps: { t: number; d: number }[] = [];

  /**
   * One step: while a record is walked, to its next hop (send, append, each follower's fetch and
   * report, HW, ack, read); otherwise one protocol event (a message delivered or a state change).
   */
  step(): void {
    const s = this.state;
    this.steps.push(this.position());
    if (this.steps.length > 1000) this.steps.shift();
    if (this.walked && !this.walked.complete) {
      const walked = this.walked;
      const before = walkProgress(s, walked.rid).size;
      this.runWatching(s.now + 120_000, () => {
        const moved = walkProgress(this.state, walked.rid).size !== before;
        this.observe();
        return moved || walked.complete;
      });
      return;
    }
    const events = s.eventCount;
    for (let guard = 0; guard < 100_000; guard++) {
      const next = s.queue[0];
      if (!next) break;
      // a logged command due before the next item is part of this step
      if (this.travel.replayDue()) {
        if (s.eventCount !== events) break;
        continue;
      }
      const isDelivery =
        next.item.kind === 'deliver' && s.inflight[next.item.messageId] !== undefined;
      stepOne(s);
      if (isDelivery || s.eventCount !== events) break;
    }
    this.travel.afterMove();
  }

  /** Back to where the last step started, or else to just before the latest event. */
  stepBack(): void {
    const s = this.state;
    if (this.walked) {
      // back the way the walk came: to the latest hop before now
      const times = Object.values(this.walked.seen).filter((t) => t < s.now);
      if (times.length > 0) {
        this.steps = [];
        this.seek({ t: Math.max(...times) });
        return;
      }
    }
    const previous = this.steps.pop();
    if (previous && !isBefore(this.position(), previous)) {
      this.seek(previous);
      return;
    }
    this.steps = [];
    const last = this.travel.lastEventBefore(s.dispatched + 1);
    this.seek({ d: last ? Math.max(0, last.d - 1) : Math.max(0, s.dispatched - 1) });
  }

  /** Runs until the next event of `type` (or `limitMs` of simulated time). */
  runUntilEvent(type: string, limitMs: number): boolean {
    const s = this.state;
    const from = s.eventCount;
    const limit = s.now + limitMs;
    while (nextEventTime(s) <= limit) {
      const t = Math.min(nextEventTime(s), limit);
      this.runTo(t);
      for (let i = s.events.length - 1; i >= 0 && s.events[i]!.seq >= from; i--) {
        if (s.events[i]!.type === type) return true;
      }
    }
    this.runTo(limit);
    return false;
  }

  advance(ms: number): void {
    this.runTo(this.state.now + Math.max(0, ms));
    this.observe(); // a lesson's wait passed on the way counts (it does not stop a jump)
  }

  /** The state exactly as it was at that time (or position) of the current branch. */
  seek(target: Target): void {
    this.travel.seek(target);
    this.afterSeek();
  }

  /** The walk and a lesson's wait follow the run back (or forward) in time. */
  private afterSeek(): void {
    const state = this.state;
    if (this.walked) {
      for (const [k, t] of Object.entries(this.walked.seen))
        if (t > state.now) delete this.walked.seen[k];
      this.walked.complete = false;
    }
    // a wait armed before a seek waits for its event again from here
    if (this.until) {
      this.until.fromSeq = state.eventCount;
      this.until.walkDone = this.walked ? walkProgress(state, this.walked.rid) : new Set();
    }
    this.eventsReset = true;
    this.sentEvents = Math.max(0, state.eventCount - 50);
  }

  selectBranch(id: number): void {
    if (this.travel.selectBranch(id)) this.afterSeek();
  }

  command(command: Command): CommandResult {
    return this.travel.command(command);
  }

  inspect(partition: string | null): void {
    this.inspected = partition;
  }

  /** The record to walk through: by value, the next one produced, or none. */
  private walked: { rid: number; seen: Record<string, number>; complete: boolean } | null = null;

  walk(record: string | 'next' | null): void {
    const rid =
      record === null
        ? undefined
        : record === 'next'
          ? nextRid(this.state)
          : findRecord(this.state, record)?.rid;
    this.walked = rid === undefined ? null : { rid, seen: {}, complete: false };
    if (this.walked) this.observe();
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
      // Roles and ISRs change only with the controller's metadata: send them only then.
      sendStructure: this.eventsReset || s.controller.offset !== this.sentStructureAt,
    });
    this.sentStructureAt = s.controller.offset;
    view.eventsReset = this.eventsReset;
    view.timeline = this.travel.timelineView();
    view.walk = this.walked
      ? (walkthrough(s, this.walked.rid, this.walked.seen) ?? {
          record: '(waiting for the next send)',
          partition: null,
          acks: '',
          offset: null,
          leader: null,
          status: 'pending',
          error: null,
          steps: [],
          checklist: [],
        })
      : null;
    view.untilReached = this.untilReached;
    this.eventsReset = false;
    this.sentEvents = s.eventCount;
    return view;
  }
}
