// Time travel behind the runner: the branches of a run, each a log of commands stamped with
// their position (simulated time t and dispatch count d) plus snapshots, so any moment can be
// rebuilt exactly. Running forward at the head applies the scenario's script and logs it;
// acting in the past forks a new branch and keeps the old one selectable.
import {
  applyCommand,
  runUntil,
  type Command,
  type CommandResult,
  type SimState,
} from '../engine/index';
import type { Scenario } from '../scenario/types';
import { checkCommand, stepCommand } from '../scenario/vocabulary';
import {
  SNAPSHOT_INTERVAL_MS,
  historyStart,
  isBefore,
  maybeSnapshot,
  replay,
  snapshotOf,
  stateAt,
  type Branch,
  type LoggedCommand,
  type Snapshot,
  type Target,
} from './history';
import { Timeline } from './timeline';
import type { TimelineView } from '../protocol/view';
import { thawState } from './clone';

export class TimeTravel {
  state: SimState;
  /** the scenario's actions, each applied once when simulated time first reaches it */
  private readonly script: { t: number; command: Command }[];
  private readonly branches: Branch[] = [];
  private branch: Branch;
  /** commands of the current branch applied to `state` */
  private applied = 0;
  private readonly timeline = new Timeline();
  /** the state before anything ran (history may have forgotten it in a long run) */
  private readonly initial: Snapshot;

  constructor(initial: SimState, scenario: Scenario) {
    this.state = initial;
    this.initial = snapshotOf(initial, 0);
    let at = 0;
    this.script = [];
    for (const step of scenario.steps) {
      at = Math.max(at, step.at ?? at);
      const command = stepCommand(step);
      if (command) this.script.push({ t: at, command });
    }
    this.branch = {
      id: 0,
      label: 'main',
      parent: null,
      commands: [],
      snapshots: [this.initial],
      head: { t: 0, d: 0 },
      snapshotInterval: SNAPSHOT_INTERVAL_MS,
    };
    this.branches.push(this.branch);
    this.runTo(0);
  }

  /** Replays a recorded run on this fresh run; returns an error naming the bad field, if any. */
  loadRun(raw: unknown): string | null {
    if (typeof raw !== 'object' || raw === null) return 'run: expected { at, commands }';
    const { at, commands } = raw as { at?: unknown; commands?: unknown };
    if (!Number.isInteger(at) || (at as number) < 0 || (at as number) > 365 * 24 * 3600_000)
      return 'run.at: expected a simulated time in ms';
    if (!Array.isArray(commands) || commands.length > 100_000)
      return 'run.commands: expected a list of commands';
    const log: LoggedCommand[] = [];
    let last = { t: 0, d: 0 };
    for (let i = 0; i < commands.length; i++) {
      const c = commands[i] as {
        t?: unknown;
        d?: unknown;
        command?: unknown;
        fromScript?: unknown;
      };
      if (typeof c !== 'object' || c === null)
        return `run.commands[${i}]: expected { t, d, command }`;
      if (!Number.isInteger(c.t) || !Number.isInteger(c.d))
        return `run.commands[${i}]: expected integer t and d`;
      const pos = { t: c.t as number, d: c.d as number };
      if (isBefore(pos, last)) return `run.commands[${i}]: commands must be in order of time`;
      const checked = checkCommand(c.command, `run.commands[${i}].command`);
      if (!checked.ok) return checked.error;
      log.push({ ...pos, command: checked.command, fromScript: c.fromScript === true });
      last = pos;
    }
    // Replay from the initial state (the first snapshot).
    this.branch.snapshots = [this.initial];
    this.branch.commands = log;
    this.branch.head = { t: 0, d: 0 };
    this.applied = 0;
    this.state = thawState(this.initial.state);
    this.runTo(at as number);
    return null;
  }

  /** Recovery (worker/recover.ts): runs to exactly this position; no logged command may lie ahead. */
  runToPosition(target: { t: number; d?: number }): void {
    while (target.t - this.state.now > this.branch.snapshotInterval) {
      runUntil(this.state, this.state.now + this.branch.snapshotInterval);
      this.afterMove();
    }
    this.applied = replay(
      this.state,
      this.branch,
      this.applied,
      target.d === undefined ? { t: target.t } : { d: target.d, t: target.t },
    );
    this.afterMove();
  }

  /** Recovery: applies a command of a recorded log at the current position, logged as it was. */
  applyLogged(c: LoggedCommand): CommandResult {
    const result = applyCommand(this.state, c.command);
    if (result.ok) {
      this.branch.commands.push({ ...c, t: this.state.now, d: this.state.dispatched });
      this.applied = this.branch.commands.length;
    }
    this.afterMove();
    return result;
  }

  /** The current branch's log (same array until a fork or a branch switch) and how much of it is in effect. */
  get logCursor(): { log: readonly LoggedCommand[]; applied: number; d: number } {
    return { log: this.branch.commands, applied: this.applied, d: this.state.dispatched };
  }

  /** The current branch up to now, as a recorded run. */
  recordedRun(): { at: number; commands: LoggedCommand[] } {
    return { at: this.state.now, commands: this.branch.commands.slice(0, this.applied) };
  }

  /** Every command given on the current branch, with its position (the replay log). */
  get commandLog(): readonly LoggedCommand[] {
    return this.branch.commands;
  }

  position() {
    return { t: this.state.now, d: this.state.dispatched };
  }

  atHead(): boolean {
    return !isBefore(this.position(), this.branch.head);
  }

  /** Runs to `t`: the branch's logged commands replay at their positions; new script actions apply and are logged. */
  runTo(t: number): void {
    // A long jump at the head goes in snapshot-sized chunks, so history keeps its spacing (and
    // its window: a single snapshot at the end would leave a 3-hour replay behind it).
    while (this.atHead() && t - this.state.now > this.branch.snapshotInterval)
      this.runChunkTo(this.state.now + this.branch.snapshotInterval);
    this.runChunkTo(t);
  }

  private runChunkTo(t: number): void {
    for (;;) {
      if (this.applied < this.branch.commands.length) {
        this.applied = replay(this.state, this.branch, this.applied, { t });
        if (this.applied < this.branch.commands.length) break;
      }
      const next = this.script[this.scriptApplied()];
      if (!next || next.t > t) {
        runUntil(this.state, t);
        break;
      }
      runUntil(this.state, next.t);
      this.log(next.command, true);
    }
    this.afterMove();
  }

  /** Script actions in the branch's log, counted incrementally (a 100,000-step scenario must not recount at every step). */
  private scriptCount: { log: readonly LoggedCommand[]; length: number; count: number } = {
    log: [],
    length: 0,
    count: 0,
  };

  private scriptApplied(): number {
    const log = this.branch.commands;
    let memo = this.scriptCount;
    if (memo.log !== log || memo.length > log.length) memo = { log, length: 0, count: 0 };
    let count = memo.count;
    for (let i = memo.length; i < log.length; i++) if (log[i]!.fromScript) count++;
    this.scriptCount = { log, length: log.length, count };
    return count;
  }

  private log(command: Command, fromScript: boolean): CommandResult {
    const result = applyCommand(this.state, command);
    if (result.ok) {
      this.branch.commands.push({
        t: this.state.now,
        d: this.state.dispatched,
        command,
        fromScript,
      });
      this.applied = this.branch.commands.length;
    }
    return result;
  }

  /** Bookkeeping after time moved: head, snapshots, timeline markers. */
  afterMove(): void {
    if (isBefore(this.branch.head, this.position())) this.branch.head = this.position();
    if (this.atHead()) maybeSnapshot(this.branch, this.state, this.applied);
    this.timeline.collect(this.branch.id, this.state);
  }

  /** Applies the logged commands due at the current dispatch position; whether any was. */
  replayDue(): boolean {
    const cmd = this.branch.commands[this.applied];
    if (!cmd || cmd.d > this.state.dispatched) return false;
    this.applied = replay(this.state, this.branch, this.applied, { d: this.state.dispatched });
    return true;
  }

  /** The latest event before dispatch position `d` on this branch (step back's target). */
  lastEventBefore(d: number) {
    return this.timeline.lastEventBefore(this.branch.id, d);
  }

  /** The state exactly as it was at that time (or position) of the current branch. */
  seek(target: Target): void {
    const head = this.branch.head;
    const start = historyStart(this.branch);
    const clamped: Target =
      'd' in target
        ? {
            d: Math.max(start.d, Math.min(target.d, head.d)),
            ...(target.t !== undefined ? { t: Math.max(start.t, Math.min(target.t, head.t)) } : {}),
          }
        : { t: Math.min(Math.max(start.t, target.t), head.t) };
    const { state, applied } = stateAt(this.branch, clamped);
    this.state = state;
    this.applied = applied;
  }

  /** Switches to another branch at the same time (or its head, if it ends earlier); whether it did. */
  selectBranch(id: number): boolean {
    const b = this.branches.find((x) => x.id === id);
    if (!b || b === this.branch) return false;
    const t = this.state.now;
    this.branch = b;
    this.seek({ t: Math.min(t, b.head.t) });
    this.timeline.touch();
    return true;
  }

  command(command: Command): CommandResult {
    if (!this.atHead()) this.fork();
    return this.log(command, false);
  }

  /** Acting in the past: a new branch keeps the commands so far; the old one stays selectable. */
  private fork(): void {
    const pos = this.position();
    const parent = this.branch;
    const branch: Branch = {
      id: this.branches.length,
      label: `branch ${this.branches.length} (from ${parent.label} at ${(pos.t / 1000).toFixed(1)} s)`,
      parent: parent.id,
      commands: parent.commands.slice(0, this.applied),
      snapshots: parent.snapshots.filter((s) => !isBefore(pos, { t: s.t, d: s.d })),
      head: pos,
      snapshotInterval: parent.snapshotInterval,
    };
    this.branches.push(branch);
    this.branch = branch;
    this.timeline.fork(parent.id, branch.id, pos.d, this.state.eventCount - 1);
  }

  /** The current branch's snapshots, oldest first (history keeps them bounded). */
  get snapshots(): readonly Snapshot[] {
    return this.branch.snapshots;
  }

  timelineView(): TimelineView {
    return this.timeline.view(this.branch, this.branches);
  }
}
