import { useEffect } from 'react';
import { useSim } from '../../store/use-sim';
import { selectSelectedPartition, selectWalkPartition } from '../../store/selectors';
import { sendRaw } from '../../store/actions';
import { simStore } from '../../store/store';

/**
 * The log lane needs the walked record's partition log: while a walk runs and no partition is
 * selected, the worker is asked to inspect the walked partition (the selection wins otherwise).
 */
export function useInspectWalked(): void {
  const walking = useSim(selectWalkPartition);
  const selected = useSim(selectSelectedPartition);
  useEffect(() => {
    if (walking !== null && selected === null) {
      sendRaw({ type: 'inspect', partition: walking });
      return () =>
        sendRaw({ type: 'inspect', partition: simStore.getState().ui.selectedPartition });
    }
  }, [walking, selected]);
}
