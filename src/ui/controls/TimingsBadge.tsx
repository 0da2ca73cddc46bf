import { useSim } from '../../store/use-sim';
import { selectTimings } from '../../store/selectors';
import { reloadWithTimings } from '../../store/actions';
import { formatMs } from '../format';

/** Always says which timings are in force; Kafka's real ones are one click away. */
export function TimingsBadge() {
  const t = useSim(selectTimings);
  if (!t) return null;
  const demo = t.preset === 'demo';
  const detail = `latency ${t.latencyMs}${t.jitterMs ? `–${t.latencyMs + t.jitterMs}` : ''} ms, heartbeat ${formatMs(t.heartbeatMs)}, session ${formatMs(t.sessionTimeoutMs)}, lag ${formatMs(t.lagTimeMaxMs)}, fetch wait ${formatMs(t.fetchWaitMs)}`;
  return (
    <span
      className={`timings ${demo ? 'timings-demo' : ''}`}
      data-testid="timings"
      data-preset={t.preset}
    >
      <strong>{demo ? 'Demo timings' : "Kafka's timings"}</strong>
      <span className="timings-detail">{detail}</span>
      <button type="button" onClick={() => reloadWithTimings(demo ? 'kafka' : 'demo')}>
        {demo ? "Use Kafka's timings" : 'Use demo timings'}
      </button>
    </span>
  );
}
