// React binding of the store. `useSimList` compares arrays by content so id lists stay stable.
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { simStore, type SimStoreState } from './store';

export function useSim<T>(selector: (s: SimStoreState) => T): T {
  return useStore(simStore, selector);
}

export function useSimList<T>(selector: (s: SimStoreState) => T[]): T[] {
  return useStore(simStore, useShallow(selector));
}
