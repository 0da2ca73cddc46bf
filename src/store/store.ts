// The UI store: the latest view from the worker (indexed for cheap selectors), the event log,
// and UI-only state. Written once per animation frame by the client.
import { createStore } from 'zustand/vanilla';
import { isNotable } from './notable';
import { initialLessonPlay, type LessonPlay, type LessonUi } from './lesson-state';
import { initialSession, type SessionState } from './session-state';
import type {
  BrokerView,
  TimelineMarker,
  EventView,
  MessageKind,
  PartitionView,
  ReplicaView,
  View,
} from '../protocol/view';

export const EVENT_LOG_LIMIT = 500;

export interface UiState {
  selectedPartition: string | null;
  selectedBroker: number | null;
  theme: 'light' | 'dark';
  hiddenKinds: Partial<Record<MessageKind, boolean>>;
  eventFilter: string;
  showConfig: boolean;
  /** the broker context menu, at a position within the stage */
  menu: { broker: number; x: number; y: number } | null;
  /** the side-by-side comparison asked for */
  compare: 'acks' | 'unclean' | null;
  presenter: boolean;
  showHelp: boolean;
  /** cards, the large-cluster overview, or chosen by size */
  clusterView: 'auto' | 'cards' | 'overview';
}

/** The view as the UI sees it: structure sent only on change is filled in from earlier views. */
export type StoreView = Omit<View, 'partitions' | 'replicas'> & {
  partitions: PartitionView[];
  replicas: ReplicaView[];
};

export interface SimStoreState {
  view: StoreView | null;
  /** the latest view exactly as the worker posted it (benchmarks measure its size) */
  posted: View | null;
  /** performance.now() when the view arrived (particles interpolate from it) */
  receivedAt: number;
  brokersById: Record<number, BrokerView>;
  partitionsByName: Record<string, PartitionView>;
  /** `${partition}@${broker}` */
  replicasByKey: Record<string, ReplicaView>;
  /** partition names per broker, leaders first */
  replicasOfBroker: Record<number, { leaders: string[]; followers: string[] }>;
  events: EventView[];
  /** the notable events only (kept longer: frequent ones would push them out of `events`) */
  notable: EventView[];
  /** timeline markers of the current branch (views send them only when they change) */
  markers: TimelineMarker[];
  error: { message: string; fatal: boolean } | null;
  /** a load or replay in flight for more than a moment: simulated ms done of total (total 0: building) */
  loading: { done: number; total: number } | null;
  /** the worker died or stopped answering: the run can be recovered */
  dead: boolean;
  ui: UiState;
  /** the lesson being played (store/lessons.ts) */
  lesson: LessonUi | null;
  /** how the lesson follows its run and the worker's waits */
  lessonPlay: LessonPlay;
  /** the run the user keeps (store/session.ts) */
  session: SessionState;
}

export const initialUi: UiState = {
  selectedPartition: null,
  selectedBroker: null,
  theme: 'light',
  hiddenKinds: { heartbeat: true, heartbeatResponse: true },
  eventFilter: '',
  showConfig: false,
  menu: null,
  compare: null,
  presenter: false,
  showHelp: false,
  clusterView: 'auto',
};

export const simStore = createStore<SimStoreState>(() => ({
  view: null,
  posted: null,
  receivedAt: 0,
  brokersById: {},
  partitionsByName: {},
  replicasByKey: {},
  replicasOfBroker: {},
  events: [],
  notable: [],
  markers: [],
  error: null,
  loading: null,
  dead: false,
  ui: initialUi,
  lesson: null,
  lessonPlay: initialLessonPlay,
  session: initialSession,
}));

export function replicaKey(partition: string, broker: number): string {
  return `${partition}@${broker}`;
}

/** Writes a view into the store, reusing index objects whose content did not change. */
export function writeView(view: View, receivedAt: number): void {
  const prev = simStore.getState();
  const brokersById: Record<number, BrokerView> = {};
  for (const b of view.brokers) brokersById[b.id] = b;
  // Partition structure arrives only when it changed; offsets arrive with every view.
  const structure = view.partitions ?? prev.view?.partitions ?? [];
  const partitions = structure.map((p, i) => ({
    ...p,
    leo: view.offsets[2 * i] ?? p.leo,
    hw: view.offsets[2 * i + 1] ?? p.hw,
  }));
  const partitionsByName: Record<string, PartitionView> = {};
  for (const p of partitions) partitionsByName[p.name] = p;
  // Roles arrive only when they changed (view.replicas null otherwise): keep the previous index.
  const replicas = view.replicas ?? prev.view?.replicas ?? [];
  const { replicasByKey, replicasOfBroker } =
    view.replicas === null && prev.view
      ? { replicasByKey: prev.replicasByKey, replicasOfBroker: prev.replicasOfBroker }
      : indexReplicas(view, replicas, prev);
  const events = view.eventsReset
    ? view.events.slice(-EVENT_LOG_LIMIT)
    : view.events.length > 0
      ? [...prev.events, ...view.events].slice(-EVENT_LOG_LIMIT)
      : prev.events;
  const freshNotable = view.events.filter((e) => isNotable(e.type));
  const notable = view.eventsReset
    ? freshNotable.slice(-EVENT_LOG_LIMIT)
    : freshNotable.length > 0
      ? [...prev.notable, ...freshNotable].slice(-EVENT_LOG_LIMIT)
      : prev.notable;
  const markers = view.timeline?.markers ?? prev.markers;
  simStore.setState({
    view: { ...view, replicas, partitions },
    posted: view,
    receivedAt,
    brokersById,
    partitionsByName,
    replicasByKey,
    replicasOfBroker,
    events,
    notable,
    markers,
  });
}

function indexReplicas(view: View, replicas: ReplicaView[], prev: SimStoreState) {
  const replicasByKey: Record<string, ReplicaView> = {};
  const byBroker: Record<number, { leaders: string[]; followers: string[] }> = {};
  for (const b of view.brokers) byBroker[b.id] = { leaders: [], followers: [] };
  for (const r of replicas) {
    replicasByKey[replicaKey(r.partition, r.broker)] = r;
    const entry = (byBroker[r.broker] ??= { leaders: [], followers: [] });
    (r.role === 'leader' ? entry.leaders : entry.followers).push(r.partition);
  }
  const replicasOfBroker: Record<number, { leaders: string[]; followers: string[] }> = {};
  for (const [id, lists] of Object.entries(byBroker)) {
    const old = prev.replicasOfBroker[Number(id)];
    replicasOfBroker[Number(id)] =
      old && sameList(old.leaders, lists.leaders) && sameList(old.followers, lists.followers)
        ? old
        : lists;
  }
  return { replicasByKey, replicasOfBroker };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function setUi(patch: Partial<UiState>): void {
  simStore.setState((s) => ({ ui: { ...s.ui, ...patch } }));
}

export function setError(error: SimStoreState['error']): void {
  simStore.setState({ error });
}

export function resetLog(): void {
  simStore.setState({ events: [], notable: [], markers: [] });
}
