// Replaying a recorded run (a share link, or the UI's copy of the log after the worker died) in
// slices, so the worker keeps answering and reports progress. Each logged command is applied at
// its recorded position; if one throws again, the run is rebuilt to just before it and the
// command is named. The record guard applies during replay too.
import type { Command } from '../engine/index';
import type { CheckedRun } from './recorded-run';
import type { SimRunner } from './runner';

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
