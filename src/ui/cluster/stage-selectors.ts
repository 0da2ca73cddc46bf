// Selectors of the stage's own facts (each returns a primitive or a stable reference).
import type { SimStoreState } from '../../store/store';
import { replicaKey } from '../../store/store';

/** Session time left as the controller sees it, in tenths of the timeout (fewer re-renders). */
export const selectSessionTenths = (id: number) => (s: SimStoreState) => {
  const b = s.brokersById[id];
  const timeout = s.view?.timings.sessionTimeoutMs ?? 0;
  if (!b || b.sessionRemainingMs == null || timeout <= 0) return -1;
  return Math.round((b.sessionRemainingMs / timeout) * 40) / 40;
};

/** The replica's own "LEO/HW" (its index in the view's replicas list gives its offsets). */
export const selectReplicaOffsets = (partition: string, broker: number) => (s: SimStoreState) => {
  const view = s.view;
  if (!view) return '';
  const i = replicaIndex(s, partition, broker);
  if (i < 0) return '';
  const leo = view.replicaOffsets?.[2 * i];
  const hw = view.replicaOffsets?.[2 * i + 1];
  return leo === undefined ? '' : `${leo}/${hw}`;
};

let indexCache: { replicas: unknown; index: Map<string, number> } | null = null;
function replicaIndex(s: SimStoreState, partition: string, broker: number): number {
  const replicas = s.view!.replicas;
  if (indexCache?.replicas !== replicas) {
    const index = new Map<string, number>();
    replicas.forEach((r, i) => index.set(replicaKey(r.partition, r.broker), i));
    indexCache = { replicas, index };
  }
  return indexCache.index.get(replicaKey(partition, broker)) ?? -1;
}

/** Fraction of replica.lag.time.max.ms left for a lagging in-sync follower, or -1. */
export const selectLagFraction = (partition: string, broker: number) => (s: SimStoreState) => {
  const l = s.view?.lagging?.find((x) => x.partition === partition && x.broker === broker);
  const max = s.view?.timings.lagTimeMaxMs ?? 0;
  if (!l || max <= 0) return -1;
  return Math.round((l.remainingMs / max) * 40) / 40;
};

export const selectPartitionOffline = (partition: string) => (s: SimStoreState) =>
  s.partitionsByName[partition]?.offline ?? false;

export const selectInElr = (partition: string, broker: number) => (s: SimStoreState) =>
  s.partitionsByName[partition]?.elr?.includes(broker) ?? false;

export const selectBrokerDown = (broker: number) => (s: SimStoreState) =>
  (s.brokersById[broker]?.status ?? 'down') === 'down';

/** The partition the stage follows: the walked record's, else the selected one. */
export const selectFocusPartition = (s: SimStoreState) =>
  s.view?.walk?.partition ?? s.ui.selectedPartition ?? null;

/** "new" (promoted), "old" (lost leadership) or "" for a recent leadership move. */
export const selectLeaderMove = (partition: string, broker: number) => (s: SimStoreState) => {
  const c = s.view?.leaderChanges?.find((x) => x.partition === partition);
  if (!c) return '';
  if (c.leader === broker) return `new:${c.leaderEpoch}:${c.unclean ? 'u' : ''}`;
  if (c.previousLeader === broker) return 'old';
  return '';
};

/** The broker's follower fetching is paused (a paused follower is amber, not green). */
export const selectFetchPaused = (broker: number) => (s: SimStoreState) =>
  s.brokersById[broker]?.fetchPaused ?? false;

/** The follower's fetch waits at this partition's leader (an idle long poll). */
export const selectFetchWaiting = (partition: string, broker: number) => (s: SimStoreState) => {
  const leader = s.partitionsByName[partition]?.leader;
  if (leader == null || leader === broker) return false;
  return s.brokersById[broker]?.fetchingFrom?.includes(leader) ?? false;
};
