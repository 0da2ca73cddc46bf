import { createContext, useContext } from 'react';
import type { NodeBox, StageLayout } from '../../viz/layout';

/** The layout plus where each replica chip stands (`${partition}@${broker}`). */
export interface StageModel extends StageLayout {
  chips: Record<string, NodeBox>;
  /** each broker's partitions in slot order (partition order: a partition keeps its slot) */
  slots: Record<number, string[]>;
}

export const LayoutContext = createContext<StageModel | null>(null);

export function useLayout(): StageModel {
  const layout = useContext(LayoutContext);
  if (!layout) throw new Error('useLayout outside the stage');
  return layout;
}
