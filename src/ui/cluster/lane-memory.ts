// What each replica of the inspected partition held before, updated with every view (not when the
// lane happens to render), so a record a truncation removed stays struck out where it stood.
import { simStore } from '../../store/store';
import { newMemory, remember, type LaneMemory } from '../../viz/log-lane';
import type { InspectorView } from '../../protocol/view';

let memory: LaneMemory = newMemory('');
let last: InspectorView | null = null;

simStore.subscribe((s) => {
  const view = s.view;
  const inspector = view?.inspector ?? null;
  if (!view || !inspector || inspector === last) return;
  last = inspector;
  const key = `${inspector.partition}#${view.run}`;
  // a new run, another partition, a seek or a branch switch: start over
  if (memory.partition !== key || view.eventsReset) memory = newMemory(key);
  remember(memory, inspector);
});

export function laneMemory(): LaneMemory {
  return memory;
}
