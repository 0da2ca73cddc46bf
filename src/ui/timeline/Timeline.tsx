// The whole run as a timeline: markers for kills, fencing, elections, ISR changes and data loss;
// drag to any moment, step back, pick a branch.
import { useSim } from '../../store/use-sim';
import { selectTime } from '../../store/selectors';
import { seek, selectBranch, stepBack } from '../../store/actions';
import type { SimStoreState } from '../../store/store';
import { formatTime } from '../format';
import { MARKER_STYLES, markerStyle } from '../../viz/markers';

const selectHead = (s: SimStoreState) => s.view?.timeline?.head ?? 0;
const selectStart = (s: SimStoreState) => s.view?.timeline?.start ?? 0;
const selectBranchId = (s: SimStoreState) => s.view?.timeline?.branch ?? 0;
const selectBranches = (s: SimStoreState) => s.view?.timeline?.branches;
const selectMarkers = (s: SimStoreState) => s.markers;

export function Timeline() {
  const time = useSim(selectTime);
  const head = useSim(selectHead);
  const branch = useSim(selectBranchId);
  const branches = useSim(selectBranches);
  const markers = useSim(selectMarkers);
  // A long run keeps only the last HISTORY_WINDOW_MS of history: the track starts there.
  const start = useSim(selectStart);
  const span = Math.max(head - start, 1);
  const inPast = time < head;
  return (
    <section
      className="timeline"
      aria-label="Timeline"
      data-testid="timeline"
      data-time={time}
      data-head={head}
      data-start={start}
    >
      <button
        type="button"
        onClick={stepBack}
        aria-keyshortcuts="ArrowLeft"
        title="Back to before the last step or event"
      >
        ◀ Back
      </button>
      {start > 0 ? (
        <span
          className="history-start"
          data-testid="history-start"
          title="A long run keeps the last 30 simulated minutes of history"
        >
          from {formatTime(start)}
        </span>
      ) : null}
      <div className="track">
        <div className="marks" aria-hidden="true">
          {markers.map((m, i) =>
            m.t < start ? null : (
              <span
                key={`${m.d}-${i}`}
                className="mark"
                title={`${formatTime(m.t)} ${m.label}`}
                style={{
                  left: `${((m.t - start) / span) * 100}%`,
                  background: markerStyle(m.type).color,
                  height: markerStyle(m.type).tall ? '100%' : '55%',
                }}
              />
            ),
          )}
        </div>
        <input
          type="range"
          min={start}
          max={Math.max(head, start + 1)}
          step={1}
          value={time}
          aria-label="Simulated time"
          aria-valuetext={`${formatTime(time)} of ${formatTime(head)}${start > 0 ? ` (history from ${formatTime(start)})` : ''}`}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      <span className={`position ${inPast ? 'past' : ''}`}>
        {formatTime(time)}
        {inPast
          ? ` · in the past (${formatTime(head)} reached): acting here starts a new branch`
          : ''}
      </span>
      {branches && branches.length > 1 ? (
        <select
          aria-label="Branch"
          value={branch}
          onChange={(e) => selectBranch(Number(e.target.value))}
        >
          {branches.map((b) => (
            <option key={b.id} value={b.id}>
              {b.label}
            </option>
          ))}
        </select>
      ) : null}
      <ul className="marker-legend" aria-label="Timeline markers">
        {MARKER_STYLES.map((m) => (
          <li key={m.label}>
            <span className="swatch" style={{ background: m.color }} /> {m.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
