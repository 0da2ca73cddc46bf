// One field of the UI state: a component re-renders when that field changes, not when another
// does (typing in the event filter must not re-render the stage).
import { useSim } from '../store/use-sim';
import type { UiState } from '../store/store';

export function useUi<K extends keyof UiState>(field: K): UiState[K] {
  return useSim((s) => s.ui[field]);
}
