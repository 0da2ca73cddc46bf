import { useSim } from '../../store/use-sim';
import { selectTimings } from '../../store/selectors';
import { switchTimings } from '../../store/timings';
import { formatMs } from '../format';
import './timings.css';

/**
 * Always says which timings are in force; the other preset is one click away. The badge keeps
 * its width whichever preset is on (no toolbar reflow); the details are a tooltip.
 */
export function TimingsBadge() {
  const t = useSim(selectTimings);
  if (!t) return null;
  const demo = t.preset === 'demo';
  const detail = `latency ${t.latencyMs}${t.jitterMs ? `–${t.latencyMs + t.jitterMs}` : ''} ms, heartbeat ${formatMs(t.heartbeatMs)}, session ${formatMs(t.sessionTimeoutMs)}, lag ${formatMs(t.lagTimeMaxMs)}, fetch wait ${formatMs(t.fetchWaitMs)}`;
  const other = demo ? "Kafka's timings" : 'demo timings';
  const explain = `Restarts the run with ${other} and replays your actions at their times${demo ? '; the view slows to 1/50× so that 1 ms messages stay visible' : ''}.`;
  return (
    <span
      className={`timings ${demo ? 'timings-demo' : ''}`}
      data-testid="timings"
      data-preset={t.preset}
      tabIndex={-1}
    >
      <strong>{demo ? 'Demo timings' : "Kafka's timings"}</strong>
      <button
        type="button"
        onClick={() => switchTimings(demo ? 'kafka' : 'demo')}
        title={explain}
        aria-describedby="timings-detail"
      >
        ↻ Use {other}
      </button>
      <span className="timings-detail" role="tooltip" id="timings-detail">
        {detail}. {explain}
      </span>
    </span>
  );
}
