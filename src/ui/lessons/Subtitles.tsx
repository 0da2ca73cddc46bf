// Presenter mode without a lesson: the latest notable event as a subtitle under the cluster.
import { useSim } from '../../store/use-sim';
import { selectNotableEvents, selectUi } from '../../store/selectors';
import type { SimStoreState } from '../../store/store';

const selectHasLesson = (s: SimStoreState) => s.lesson !== null;

export function Subtitles() {
  const { presenter } = useSim(selectUi);
  const hasLesson = useSim(selectHasLesson);
  const notable = useSim(selectNotableEvents);
  const latest = notable[notable.length - 1];
  if (!presenter || hasLesson) return null;
  return (
    <div className="subtitles" data-testid="subtitles" aria-hidden="true">
      {latest?.text ?? 'Space plays; → steps; digits pick a broker, k kills it; ? lists every key.'}
    </div>
  );
}
