// Named selectors: each returns a primitive or a stable id list, never the whole view.
import type { SimStoreState } from './store';
import { replicaKey } from './store';

const EMPTY: never[] = [];

export const selectTime = (s: SimStoreState) => s.view?.time ?? 0;
export const selectPlaying = (s: SimStoreState) => s.view?.playing ?? false;
export const selectSpeed = (s: SimStoreState) => s.view?.speed ?? 1;
export const selectTitle = (s: SimStoreState) => s.view?.title ?? '';
export const selectTimingsPreset = (s: SimStoreState) => s.view?.timings.preset ?? 'kafka';
export const selectTimings = (s: SimStoreState) => s.view?.timings;

export const selectBrokerIds = (s: SimStoreState) => s.view?.brokers.map((b) => b.id) ?? EMPTY;
export const selectControllerIds = (s: SimStoreState) =>
  s.view?.controllers.map((c) => c.id) ?? EMPTY;
export const selectProducerIds = (s: SimStoreState) =>
  s.view?.clients.filter((c) => c.type === 'producer').map((c) => c.id) ?? EMPTY;
export const selectConsumerIds = (s: SimStoreState) =>
  s.view?.clients.filter((c) => c.type === 'consumer').map((c) => c.id) ?? EMPTY;
export const selectPartitionNames = (s: SimStoreState) =>
  s.view?.partitions.map((p) => p.name) ?? EMPTY;

export const selectBrokerStatus = (id: number) => (s: SimStoreState) =>
  s.brokersById[id]?.status ?? 'down';
export const selectBrokerPaused = (id: number) => (s: SimStoreState) =>
  s.brokersById[id]?.fetchPaused ?? false;
export const selectBrokerLeaderCount = (id: number) => (s: SimStoreState) =>
  s.brokersById[id]?.leaders ?? 0;
export const selectBrokerFollowerCount = (id: number) => (s: SimStoreState) =>
  s.brokersById[id]?.followers ?? 0;
export const selectBrokerRack = (id: number) => (s: SimStoreState) =>
  s.brokersById[id]?.rack ?? null;
export const selectBrokerReplicas = (id: number) => (s: SimStoreState) => s.replicasOfBroker[id];

export const selectReplicaRole = (p: string, b: number) => (s: SimStoreState) =>
  s.replicasByKey[replicaKey(p, b)]?.role ?? 'follower';
export const selectReplicaInSync = (p: string, b: number) => (s: SimStoreState) =>
  s.replicasByKey[replicaKey(p, b)]?.inSync ?? false;
export const selectReplicaPreferred = (p: string, b: number) => (s: SimStoreState) =>
  s.replicasByKey[replicaKey(p, b)]?.preferred ?? false;

export const selectControllerUp = (id: number) => (s: SimStoreState) =>
  s.view?.controllers.find((c) => c.id === id)?.up ?? false;
export const selectControllerActive = (id: number) => (s: SimStoreState) =>
  s.view?.controllers.find((c) => c.id === id)?.active ?? false;
export const selectClient = (id: string) => (s: SimStoreState) =>
  s.view?.clients.find((c) => c.id === id);
export const selectStatus = (s: SimStoreState) => s.view?.status;
export const selectInspector = (s: SimStoreState) => s.view?.inspector ?? null;
export const selectEvents = (s: SimStoreState) => s.events;
export const selectError = (s: SimStoreState) => s.error;
export const selectSelectedPartition = (s: SimStoreState) => s.ui.selectedPartition;
export const selectSelectedBroker = (s: SimStoreState) => s.ui.selectedBroker;
export const selectTheme = (s: SimStoreState) => s.ui.theme;
export const selectConfig = (s: SimStoreState) => s.view?.config;
export const selectMultiTopic = (s: SimStoreState) => {
  const parts = s.view?.partitions;
  return !!parts && parts.some((p) => p.topic !== parts[0]!.topic);
};
export const selectClientType = (id: string) => (s: SimStoreState) =>
  s.view?.clients.find((c) => c.id === id)?.type ?? 'producer';
export const selectClientAcks = (id: string) => (s: SimStoreState) =>
  s.view?.clients.find((c) => c.id === id)?.acks ?? null;
export const selectClientCount =
  (id: string, field: 'acked' | 'failed' | 'pending' | 'consumed' | 'streamRate') =>
  (s: SimStoreState) =>
    s.view?.clients.find((c) => c.id === id)?.[field] ?? 0;
export const selectClientSubscribed = (id: string) => (s: SimStoreState) =>
  s.view?.clients.find((c) => c.id === id)?.subscribed ?? false;
/** The partition of the record being walked through (everything else dims), or null. */
export const selectWalkPartition = (s: SimStoreState) => s.view?.walk?.partition ?? null;
export const selectNotableEvents = (s: SimStoreState) => s.notable;
