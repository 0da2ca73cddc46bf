// Replaying a recorded run (a share link, or the UI's copy of the log after the worker died) in
// slices, so the worker keeps answering and reports progress. Each logged command is applied at
// its recorded position; if one throws again, the run is rebuilt to just before it and the
// command is named. The record guard applies during replay too.
import type { Command } from '../engine/index';
import { checkCommand } from '../scenario/vocabulary';
import type { LoggedCommand } from './history';
import type { SimRunner } from './runner';

/** The longest simulated time a run may reach (24 h): longer links are refused, play stops there. */
export const MAX_SIM_TIME_MS = 24 * 3600_000;
/** The most commands a recorded run may hold. */
export const MAX_RUN_COMMANDS = 100_000;

/** A logged command; `debugThrow` (test hook) makes its replay fail as it did the first time. */
export type ReplayCommand = LoggedCommand & { debugThrow?: boolean };

export interface CheckedRun {
  at: number;
  d?: number;
  commands: ReplayCommand[];
}

/** Checks a recorded run from outside; the error names the field or the cap. */
export function checkRun(
  raw: unknown,
): { ok: true; run: CheckedRun } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null)
    return { ok: false, error: 'run: expected { at, commands }' };
  const { at, d, commands } = raw as { at?: unknown; d?: unknown; commands?: unknown };
  if (!Number.isSafeInteger(at) || (at as number) < 0)
    return { ok: false, error: 'run.at: expected a simulated time in ms' };
  if ((at as number) > MAX_SIM_TIME_MS)
    return {
      ok: false,
      error: `run.at: ${fmtHours(at as number)} of simulated time is more than the cap of ${fmtHours(MAX_SIM_TIME_MS)}`,
    };
  if (d !== undefined && (!Number.isSafeInteger(d) || (d as number) < 0))
    return { ok: false, error: 'run.d: expected a dispatch count' };
  if (!Array.isArray(commands))
    return { ok: false, error: 'run.commands: expected a list of commands' };
  if (commands.length > MAX_RUN_COMMANDS)
    return {
      ok: false,
      error: `run.commands: ${commands.length} commands is more than the cap of ${MAX_RUN_COMMANDS}`,
    };
  const log: ReplayCommand[] = [];
  let last = { t: 0, d: 0 };
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i] as { t?: unknown; d?: unknown; command?: unknown; fromScript?: unknown };
    const where = `run.commands[${i}]`;
    if (typeof c !== 'object' || c === null)
      return { ok: false, error: `${where}: expected { t, d, command }` };
    if (
      !Number.isSafeInteger(c.t) ||
      !Number.isSafeInteger(c.d) ||
      (c.t as number) < 0 ||
      (c.d as number) < 0
    )
      return { ok: false, error: `${where}: expected integer t and d` };
    const pos = { t: c.t as number, d: c.d as number };
    if (pos.d < last.d || (pos.d === last.d && pos.t < last.t))
      return { ok: false, error: `${where}: commands must be in order of time` };
    if (pos.t > (at as number)) return { ok: false, error: `${where}.t: after run.at` };
    const checked = checkCommand(c.command, `${where}.command`);
    if (!checked.ok) return checked;
    log.push({ ...pos, command: checked.command, fromScript: c.fromScript === true });
    last = pos;
  }
  // Commands sent just before a failure, never confirmed: given again at the end of the run.
  const pending = (raw as { pending?: unknown }).pending;
  if (pending !== undefined) {
    if (!Array.isArray(pending) || pending.length > 100 || d === undefined)
      return { ok: false, error: 'run.pending: expected a short list of commands (with run.d)' };
    for (let i = 0; i < pending.length; i++) {
      const p = pending[i] as { command?: unknown; debugThrow?: unknown } | null;
      const checked = checkCommand(p?.command, `run.pending[${i}].command`);
      if (!checked.ok) return checked;
      log.push({
        t: at as number,
        d: d as number,
        command: checked.command,
        fromScript: false,
        ...(p?.debugThrow === true ? { debugThrow: true } : {}),
      });
    }
  }
  return {
    ok: true,
    run: { at: at as number, ...(d !== undefined ? { d: d as number } : {}), commands: log },
  };
}

function fmtHours(ms: number): string {
  return `${(ms / 3600_000).toLocaleString('en', { maximumFractionDigits: 1 })} h`;
}

export function describeCommand(c: Command): string {
  const { type, ...rest } = c as { type: string } & Record<string, unknown>;
  const text = `${type} ${JSON.stringify(rest)}`;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export interface ReplayHooks {
  /** wall clock, ms */
  now(): number;
  /** lets the worker answer other messages between slices */
  pause(): Promise<void>;
  progress(done: number, total: number): void;
  /** true when the replay was superseded (a newer load) */
  cancelled(): boolean;
}

export type ReplayOutcome =
  { ok: true; runner: SimRunner; notice: string | null } | { ok: false; error: string };

/** Wall time one slice aims at: short enough that pings are answered well within their bound. */
const SLICE_WALL_MS = 40;

type Failure =
  | { kind: 'command'; index: number; error: string }
  | { kind: 'time'; at: { t: number; d: number }; error: string };

/**
 * Builds a runner with `make` and replays the run into it. A command that throws again: rebuilt
 * up to just before it, named in the notice. A failure while time runs: rebuilt to the last
 * position reached before it.
 */
export async function replayRun(
  make: () => SimRunner,
  run: CheckedRun,
  hooks: ReplayHooks,
): Promise<ReplayOutcome | null> {
  const first = await attempt(make(), run, hooks);
  if (first === null) return null;
  if (!('kind' in first)) return { ok: true, ...first };
  const shorter: CheckedRun =
    first.kind === 'command'
      ? {
          at: run.commands[first.index]!.t,
          d: run.commands[first.index]!.d,
          commands: run.commands.slice(0, first.index),
        }
      : { at: first.at.t, d: first.at.d, commands: run.commands.filter((c) => c.d <= first.at.d) };
  const again = await attempt(make(), shorter, hooks);
  if (again === null) return null;
  if ('kind' in again) return { ok: false, error: `The run could not be replayed: ${again.error}` };
  const what =
    first.kind === 'command'
      ? `the command "${describeCommand(run.commands[first.index]!.command)}" at ${(shorter.at / 1000).toFixed(3)} s fails again (${first.error}); the run stops just before it`
      : `the simulation fails again at ${(first.at.t / 1000).toFixed(3)} s (${first.error}); the run stops there`;
  return {
    ok: true,
    runner: again.runner,
    notice: again.notice ? `${what}. ${again.notice}` : `${what}.`,
  };
}

async function attempt(
  runner: SimRunner,
  run: CheckedRun,
  hooks: ReplayHooks,
): Promise<{ runner: SimRunner; notice: string | null } | Failure | null> {
  let slice = 1000; // simulated ms per slice, adapted to take about SLICE_WALL_MS
  let started = hooks.now();
  const moveTo = async (target: { t: number; d?: number }): Promise<Failure | 'stop' | null> => {
    for (;;) {
      const good = { t: runner.now, d: runner.logCursor.d };
      const sliceEnd = runner.now + slice;
      const last = sliceEnd >= target.t;
      const from = hooks.now();
      try {
        runner.runToPosition(last ? target : { t: sliceEnd });
      } catch (e) {
        return { kind: 'time', at: good, error: message(e) };
      }
      const took = hooks.now() - from;
      slice =
        took < SLICE_WALL_MS / 2
          ? slice * 2
          : took > SLICE_WALL_MS * 2
            ? Math.max(1, slice / 2)
            : slice;
      if (runner.state.records.length >= runner.keptRecordsLimit) return 'stop';
      if (hooks.now() - started > SLICE_WALL_MS) {
        hooks.progress(runner.now, run.at);
        await hooks.pause();
        if (hooks.cancelled()) return 'stop';
        started = hooks.now();
      }
      if (last) return null;
    }
  };
  // A new runner has already applied the scenario's actions due at t = 0: they head the log.
  const built = runner.logCursor.log.slice();
  for (let i = 0; i < run.commands.length; i++) {
    const c = run.commands[i]!;
    const own = built[i];
    if (i < built.length && own && own.fromScript && c.fromScript && own.d === c.d) continue;
    const moved = await moveTo({ t: c.t, d: c.d });
    if (moved === 'stop') return hooks.cancelled() ? null : stopped(runner);
    if (moved) return moved;
    try {
      runner.applyLogged({ t: c.t, d: c.d, command: c.command, fromScript: c.fromScript });
      if (c.debugThrow) throw new Error('a deliberate failure (test hook)');
    } catch (e) {
      return { kind: 'command', index: i, error: message(e) };
    }
  }
  const moved = await moveTo(run.d === undefined ? { t: run.at } : { t: run.at, d: run.d });
  if (moved === 'stop') return hooks.cancelled() ? null : stopped(runner);
  if (moved) return moved;
  return { runner, notice: null };
}

function stopped(runner: SimRunner) {
  return {
    runner,
    notice: `The replay stopped at ${(runner.now / 1000).toFixed(1)} s: the simulated cluster keeps ${runner.state.records.length.toLocaleString('en')} records, the cap of ${runner.keptRecordsLimit.toLocaleString('en')} this tab can hold.`,
  };
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
