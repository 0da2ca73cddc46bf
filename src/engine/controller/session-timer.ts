// The controller's one pending session-expiry check (R20), scheduled at the earliest deadline.
import { schedule } from '../core/core';
import type { SimState } from '../core/state';

/** Schedules the next session-expiry check at the earliest expiry (R20). */
export function scheduleSessionCheck(s: SimState): void {
  const timeout = s.clusterConfig['broker.session.timeout.ms'];
  let earliest = Infinity;
  for (const reg of Object.values(s.controller.brokers)) {
    if (reg.alive && !reg.fenced) earliest = Math.min(earliest, reg.lastContact + timeout);
  }
  if (earliest === Infinity) return;
  const at = Math.max(earliest, s.now); // an expiry missed while the quorum was lost is due now
  const current = s.controller.sessionCheckAt;
  if (current !== 0 && current <= at && current >= s.now) return;
  s.controller.sessionCheckAt = at;
  schedule(s, at, { kind: 'sessionCheck' });
}
