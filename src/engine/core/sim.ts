// Driving the simulation: the engine never schedules itself; a driver calls these.
import { dispatch } from './dispatch';
import { heapPeek, heapPop } from './queue';
import type { SimState } from './state';

/** Processes the next scheduled item (one protocol event or timer). Returns false when idle. */
export function stepOne(s: SimState): boolean {
  const next = heapPop(s.queue);
  if (!next) return false;
  s.now = next.at;
  s.dispatched++;
  dispatch(s, next.item);
  return true;
}

/** Time of the next scheduled item, or Infinity. */
export function nextEventTime(s: SimState): number {
  return heapPeek(s.queue)?.at ?? Infinity;
}

/** Processes everything scheduled at or before `t`, then sets the clock to `t`. */
export function runUntil(s: SimState, t: number): void {
  while ((heapPeek(s.queue)?.at ?? Infinity) <= t) stepOne(s);
  if (t > s.now) s.now = t;
}

/** Processes every item scheduled at the current millisecond. */
function drainNow(s: SimState): void {
  while ((heapPeek(s.queue)?.at ?? Infinity) <= s.now) stepOne(s);
}

/**
 * Runs until `done()` holds after all effects of a millisecond were applied, or until `limit`.
 * Returns whether `done()` held.
 */
export function runUntilCondition(s: SimState, done: () => boolean, limit: number): boolean {
  drainNow(s);
  if (done()) return true;
  for (;;) {
    const next = heapPeek(s.queue)?.at ?? Infinity;
    if (next > limit) {
      if (limit > s.now) s.now = limit;
      return done();
    }
    runUntil(s, next);
    if (done()) return true;
  }
}
