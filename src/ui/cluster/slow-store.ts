// The stage's numbers (LEO/HW badges, countdown arcs, waiting clocks, the time axis) read a copy
// of the store that follows it at most 5 times a second while the simulation plays, and at once
// when it is paused or stepped. Re-drawing the SVG for every view (30 a second) cost more main
// thread time than the particles; a badge a fifth of a second late is not seen.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { simStore, type SimStoreState } from '../../store/store';

const PLAYING_INTERVAL_MS = 200;

export const slowStore = createStore<SimStoreState>(() => simStore.getState());

let timer: ReturnType<typeof setTimeout> | null = null;

simStore.subscribe((s, prev) => {
  const playing = s.view?.playing ?? false;
  // UI state (a selection, a theme) and anything while paused: at once
  if (!playing || s.ui !== prev.ui || s.view?.run !== prev.view?.run) {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    slowStore.setState(s, true);
    return;
  }
  if (timer !== null) return;
  timer = setTimeout(() => {
    timer = null;
    slowStore.setState(simStore.getState(), true);
  }, PLAYING_INTERVAL_MS);
});

export function useSlowSim<T>(selector: (s: SimStoreState) => T): T {
  return useStore(slowStore, selector);
}
