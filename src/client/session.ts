// The run the user keeps, held on the main thread: the accepted scenario and timings, and the
// command log with positions as the worker reports it. A load becomes the session only once the
// worker accepts it, so a refused one cannot reach share links, exports or recovery. The log is
// what a fresh worker replays when this one dies.
import type { LogDelta, RecordedRun, TimingsPreset } from '../protocol/messages';
import type { Command } from '../engine/index';

export interface Session {
  scenario: unknown;
  timings: TimingsPreset;
  load: number;
  log: RecordedRun['commands'];
  /** how many entries of `log` are in effect (fewer after a seek into the past) */
  applied: number;
  /** the position of the latest view */
  at: { t: number; d: number };
  playing: boolean;
  speed: number;
}

let committed: Session | null = null;
const proposals = new Map<number, { scenario: unknown; timings: TimingsPreset }>();
let nextLoad = 1;
let nextSeq = 1;
/** commands sent that no view confirmed yet (recovery gives them again) */
let unconfirmed: { seq: number; command: Command; debugThrow?: boolean }[] = [];

export function session(): Session | null {
  return committed;
}

/** A load sent to the worker: it becomes the session when accepted. */
export function propose(scenario: unknown, timings: TimingsPreset): number {
  const load = nextLoad++;
  proposals.set(load, { scenario, timings });
  return load;
}

export function isPending(): boolean {
  return proposals.size > 0;
}

export function accept(load: number): void {
  const p = proposals.get(load);
  if (!p) return;
  for (const k of [...proposals.keys()]) if (k <= load) proposals.delete(k);
  committed = {
    ...p,
    load,
    log: [],
    applied: 0,
    at: { t: 0, d: 0 },
    playing: false,
    speed: 1,
  };
  unconfirmed = [];
}

export function refuse(load: number): void {
  proposals.delete(load);
}

/** Forgets loads in flight (their worker is gone). */
export function dropProposals(): void {
  proposals.clear();
}

export function onView(
  at: { t: number; d: number } | undefined,
  log: LogDelta | undefined,
  commandSeq: number | undefined,
  playing: boolean,
  speed: number,
): void {
  if (!committed) return;
  if (at) committed.at = at;
  if (log) {
    committed.log.length = Math.min(committed.log.length, log.from);
    for (const e of log.entries) committed.log.push(e);
    committed.applied = log.applied;
  }
  if (commandSeq !== undefined) unconfirmed = unconfirmed.filter((c) => c.seq > commandSeq);
  committed.playing = playing;
  committed.speed = speed;
}

/** Numbers a command about to be sent; it stays unconfirmed until a view reports it handled. */
export function sent(command: Command, debugThrow = false): number {
  const seq = nextSeq++;
  unconfirmed.push({ seq, command, ...(debugThrow ? { debugThrow } : {}) });
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
    ...(unconfirmed.length > 0
      ? {
          pending: unconfirmed.map((c) => ({
            command: c.command,
            ...(c.debugThrow ? { debugThrow: true } : {}),
          })),
        }
      : {}),
  };
}
