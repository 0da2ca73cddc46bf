// A `fetch` action whose response is dropped: the follower stops waiting for it.
import type { SimState } from '../core/state';

export function abandonManualFetches(s: SimState, broker: number, fetchIds: number[]): void {
  const b = s.brokers[broker];
  if (!b) return;
  for (const f of Object.values(b.fetchers)) {
    if (fetchIds.includes(f.inflight)) {
      f.inflight = 0;
      f.manual = 0;
    }
  }
}
