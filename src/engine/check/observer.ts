// The checker observes the engine's event stream: each event that can lose a record or break an
// invariant is checked as it is emitted (core.ts's emit), so engine modules report what happened
// and never call the checker for it.
import type { SimEvent } from '../core/events';
import type { SimState } from '../core/state';
import { recordOf } from '../core/records';
import {
  checkCommittedRange,
  checkLossesOnLeaderChange,
  checkTruncation,
  noteLeaderInEpoch,
  recordSucceeded,
} from './checker';

export function observeEvent(s: SimState, e: SimEvent): void {
  switch (e.type) {
    case 'recordAcked':
    case 'recordSent': {
      const info = recordOf(s, (e.data as { rid: number }).rid);
      if (info) recordSucceeded(s, info);
      return;
    }
    case 'leaderChanged':
      checkLossesOnLeaderChange(s, e.partition!, e.data?.election === 'unclean');
      return;
    case 'becameLeader':
      noteLeaderInEpoch(
        s,
        e.partition!,
        (e.data as { leaderEpoch: number }).leaderEpoch,
        e.broker!,
      );
      return;
    case 'highWatermarkAdvanced': {
      if (e.data?.role !== 'leader') return;
      const b = s.brokers[e.broker!]!;
      checkCommittedRange(s, b, b.replicas[e.partition!]!, (e.data as { from: number }).from);
      return;
    }
    case 'truncated':
      checkTruncation(s, e);
      return;
  }
}
