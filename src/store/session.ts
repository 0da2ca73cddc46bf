// The session slice of the store: the run the user keeps, held on the main thread: the accepted scenario and timings, and the
// command log with positions as the worker reports it. A load becomes the session only once the
// worker accepts it, so a refused one cannot reach share links, exports or recovery. The log is
// what a fresh worker replays when this one dies.
import type { LogDelta, RecordedRun, TimingsPreset } from '../protocol/messages';
import type { Command } from '../engine/index';
import { simStore } from './store';
import type { Session, SessionState } from './session-state';

function state(): SessionState {
  return simStore.getState().session;
}

function update(patch: Partial<SessionState>): void {
  simStore.setState((s) => ({ session: { ...s.session, ...patch } }));
}

export function session(): Session | null {
  return state().committed;
}

/** A load sent to the worker: it becomes the session when accepted. */
export function propose(scenario: unknown, timings: TimingsPreset): number {
  const { nextLoad: load, proposals } = state();
  update({ nextLoad: load + 1, proposals: { ...proposals, [load]: { scenario, timings } } });
  return load;
}

export function isPending(): boolean {
  return Object.keys(state().proposals).length > 0;
}

export function accept(load: number): void {
  const { proposals } = state();
  const p = proposals[load];
  if (!p) return;
  const later = Object.fromEntries(Object.entries(proposals).filter(([k]) => Number(k) > load));
  update({
    proposals: later,
    committed: { ...p, load, log: [], applied: 0, at: { t: 0, d: 0 }, playing: false, speed: 1 },
    unconfirmed: [],
  });
}

export function refuse(load: number): void {
  const rest = { ...state().proposals };
  delete rest[load];
  update({ proposals: rest });
}

/** Forgets loads in flight (their worker is gone). */
export function dropProposals(): void {
  update({ proposals: {} });
}

export function onView(
  at: { t: number; d: number } | undefined,
  log: LogDelta | undefined,
  commandSeq: number | undefined,
  playing: boolean,
  speed: number,
): void {
  const { committed, unconfirmed } = state();
  if (!committed) return;
  // The log is appended in place: a long run's log is not copied at every frame.
  if (log) {
    committed.log.length = Math.min(committed.log.length, log.from);
    for (const e of log.entries) committed.log.push(e);
  }
  update({
    committed: {
      ...committed,
      at: at ?? committed.at,
      applied: log ? log.applied : committed.applied,
      playing,
      speed,
    },
    ...(commandSeq !== undefined
      ? { unconfirmed: unconfirmed.filter((c) => c.seq > commandSeq) }
      : {}),
  });
}

/** Numbers a command about to be sent; it stays unconfirmed until a view reports it handled. */
export function sent(command: Command, debugThrow = false): number {
  const { nextSeq: seq, unconfirmed } = state();
  update({
    nextSeq: seq + 1,
    unconfirmed: [...unconfirmed, { seq, command, ...(debugThrow ? { debugThrow } : {}) }],
  });
  return seq;
}

/** The run so far: with the scenario it replays exactly (share links, export). */
export function recordedRun(s: Session): RecordedRun {
  return { at: s.at.t, commands: s.log.slice(0, s.applied) };
}

/** What a fresh worker replays after a failure: the run to the exact position, then the commands in flight. */
export function recoveryRun(s: Session): RecordedRun {
  return {
    at: s.at.t,
    d: s.at.d,
    commands: s.log.slice(0, s.applied),
    ...(state().unconfirmed.length > 0
      ? {
          pending: state().unconfirmed.map((c) => ({
            command: c.command,
            ...(c.debugThrow ? { debugThrow: true } : {}),
          })),
        }
      : {}),
  };
}
