import { createContext, useContext } from 'react';
import type { StageLayout } from '../../viz/layout';

export const LayoutContext = createContext<StageLayout | null>(null);

export function useLayout(): StageLayout {
  const layout = useContext(LayoutContext);
  if (!layout) throw new Error('useLayout outside the stage');
  return layout;
}
