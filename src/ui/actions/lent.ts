// Controls that live in a component (the overview's d3-zoom state), lent to the action registry
// while the component is shown: the zoom actions (buttons, keys + and −) apply only then.
import { createStore } from 'zustand/vanilla';

export interface ZoomControls {
  zoomIn(): void;
  zoomOut(): void;
  reset(): void;
}

export interface Lent {
  zoom: ZoomControls | null;
}

export const lentStore = createStore<Lent>(() => ({ zoom: null }));
