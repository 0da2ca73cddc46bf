// History: a branch's command log and snapshots, and replay to any position. A position is a
// simulated time plus the number of scheduled items processed (SimState.dispatched), so replay
// reaches exactly the moment a command was given, even between two steps of one millisecond.
import {
  applyCommand,
  nextRid,
  runUntil,
  stepOne,
  type Command,
  type SimState,
} from '../engine/index';
import { freezeState, thawState, type FrozenState } from './clone';

export interface LoggedCommand {
  t: number;
  d: number;
  command: Command;
  /** applied from the scenario's own steps rather than by the user */
  fromScript: boolean;
}

export interface Snapshot {
  t: number;
  d: number;
  /** records sent before it (engine nextRid) */
  sent: number;
  /** commands of the branch already applied in this state */
  applied: number;
  state: FrozenState;
}

export interface Branch {
  id: number;
  label: string;
  parent: number | null;
  commands: LoggedCommand[];
  snapshots: Snapshot[];
  /** the furthest position reached on this branch */
  head: { t: number; d: number };
  /** simulated ms between snapshots; doubles each time the snapshots are thinned */
  snapshotInterval: number;
}

/** Snapshots are taken this often (simulated ms) and at most this many are kept per branch. */
export const SNAPSHOT_INTERVAL_MS = 5_000;
export const MAX_SNAPSHOTS = 64;
/**
 * How far back time travel reaches in a long run: 30 simulated minutes, or fewer when more than
 * HISTORY_MAX_RECORDS records were sent in them. A snapshot keeps the logs and records of its
 * moment alive, including those retention has since deleted: a window keeps memory bounded.
 */
export const HISTORY_WINDOW_MS = 30 * 60_000;
export const HISTORY_MAX_RECORDS = 250_000;

export function snapshotOf(state: SimState, applied: number): Snapshot {
  return {
    t: state.now,
    d: state.dispatched,
    sent: nextRid(state),
    applied,
    state: freezeState(state),
  };
}

/** Adds a snapshot if the last one is old enough; thins the older half when over the cap. */
export function maybeSnapshot(branch: Branch, state: SimState, applied: number): void {
  const last = branch.snapshots[branch.snapshots.length - 1];
  if (last && state.now - last.t < branch.snapshotInterval) return;
  if (last && state.dispatched <= last.d) return;
  branch.snapshots.push(snapshotOf(state, applied));
  if (branch.snapshots.length > MAX_SNAPSHOTS) {
    // Drop every other one (keeping the first and the latest): spacing stays even over the run,
    // so the longest replay is the run's length / MAX_SNAPSHOTS, and memory stays bounded.
    const last = branch.snapshots.length - 1;
    branch.snapshots = branch.snapshots.filter((_, i) => i % 2 === 0 || i === last);
    branch.snapshotInterval *= 2;
  }
  // Forget what lies before the window, keeping one snapshot at or before its start.
  const horizon = state.now - HISTORY_WINDOW_MS;
  const sentHorizon = nextRid(state) - HISTORY_MAX_RECORDS;
  const before = (snap: Snapshot) => snap.t <= horizon || snap.sent <= sentHorizon;
  let first = 0;
  while (first + 1 < branch.snapshots.length && before(branch.snapshots[first + 1]!)) first++;
  if (first > 0) branch.snapshots = branch.snapshots.slice(first);
}

/** The earliest position time travel reaches on this branch. */
export function historyStart(branch: Branch): { t: number; d: number } {
  const first = branch.snapshots[0]!;
  return { t: first.t, d: first.d };
}

/** A time, a dispatch count, or both (a dispatch count and the clock's time after it). */
export type Target = { t: number } | { d: number; t?: number };

function reached(c: LoggedCommand, target: Target): boolean {
  return 'd' in target ? c.d <= target.d : c.t <= target.t;
}

/** The latest snapshot at or before the target. */
export function snapshotFor(branch: Branch, target: Target): Snapshot {
  let best = branch.snapshots[0]!;
  for (const snap of branch.snapshots) {
    if ('d' in target ? snap.d <= target.d : snap.t <= target.t) best = snap;
  }
  return best;
}

/**
 * Runs `state` forward to the target, applying the branch's commands at their exact positions.
 * Returns how many commands of the branch are now applied.
 */
export function replay(state: SimState, branch: Branch, applied: number, target: Target): number {
  let i = applied;
  for (; i < branch.commands.length && reached(branch.commands[i]!, target); i++) {
    const c = branch.commands[i]!;
    while (state.dispatched < c.d && stepOne(state));
    if (state.now < c.t) state.now = c.t;
    applyCommand(state, c.command);
  }
  if ('d' in target) {
    while (state.dispatched < target.d && stepOne(state));
    if (target.t !== undefined && state.now < target.t) state.now = target.t;
  } else {
    runUntil(state, target.t);
  }
  return i;
}

/** A fresh copy of the state at the target, from the nearest snapshot. */
export function stateAt(branch: Branch, target: Target): { state: SimState; applied: number } {
  const snap = snapshotFor(branch, target);
  const state = thawState(snap.state);
  const applied = replay(state, branch, snap.applied, target);
  return { state, applied };
}

export function isBefore(a: { t: number; d: number }, b: { t: number; d: number }): boolean {
  return a.d < b.d || (a.d === b.d && a.t < b.t);
}
