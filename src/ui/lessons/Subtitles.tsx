// Presenter mode without a lesson: the latest notable event as a subtitle under the cluster.
import { useMemo } from 'react';
import { useSim } from '../../store/use-sim';
import { selectEvents, selectUi } from '../../store/selectors';
import type { SimStoreState } from '../../store/store';

const NOISY = new Set([
  'recordAppended',
  'recordReplicated',
  'highWatermarkAdvanced',
  'recordAcked',
  'recordConsumed',
  'metadataRefreshed',
  'recordSent',
]);
const selectHasLesson = (s: SimStoreState) => s.lesson !== null;

export function Subtitles() {
  const { presenter } = useSim(selectUi);
  const hasLesson = useSim(selectHasLesson);
  const events = useSim(selectEvents);
  const latest = useMemo(() => [...events].reverse().find((e) => !NOISY.has(e.type)), [events]);
  if (!presenter || hasLesson) return null;
  return (
    <div className="subtitles" data-testid="subtitles" aria-hidden="true">
      {latest?.text ?? 'Space plays; → steps; digits pick a broker, k kills it; ? lists every key.'}
    </div>
  );
}
