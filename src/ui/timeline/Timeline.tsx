// The whole run as a timeline: a fixed-width track with a time axis (d3-scale, d3-axis), flags for
// kills, fencing, elections, ISR changes, truncations and data loss (icon and a short label,
// click to jump there), a legend of the icons; drag to any moment, step back, pick a branch.
import { useEffect, useMemo, useRef, useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { axisBottom } from 'd3-axis';
import { select } from 'd3-selection';
import { useSim } from '../../store/use-sim';
import { selectTime } from '../../store/selectors';
import { seek, selectBranch } from '../../store/actions';
import { ActionButton } from '../actions/ActionButton';
import type { SimStoreState } from '../../store/store';
import { formatTime } from '../format';
import { groupMarkers, headline, MARKER_ICONS, markerStyle } from '../../viz/markers';
import { useBoxSize } from '../cluster/use-box-size';
import { useSlowSim } from '../cluster/slow-store';
import './timeline.css';

const selectHead = (s: SimStoreState) => s.view?.timeline?.head ?? 0;
const selectStart = (s: SimStoreState) => s.view?.timeline?.start ?? 0;
const selectBranchId = (s: SimStoreState) => s.view?.timeline?.branch ?? 0;
const selectBranches = (s: SimStoreState) => s.view?.timeline?.branches;
const selectMarkers = (s: SimStoreState) => s.markers;

/** The range input's thumb travel starts and ends this far inside the track. */
const THUMB = 8;
/** Flags closer than this many font sizes share one (their labels would overlap). */
const FLAG_EM = 5.6;
/** A tick label ("12.5 s") with room around it, in font sizes. */
const TICK_EM = 5.5;

/** Seconds on the axis ("0 s", "1.5 s", "2:05"), with as many decimals as the tick step needs. */
function tickLabel(ms: number, stepMs: number): string {
  const s = ms / 1000;
  if (s >= 120 && stepMs >= 1000) {
    const whole = Math.round(s);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
  }
  const decimals = stepMs >= 1000 ? 0 : stepMs >= 100 ? 1 : stepMs >= 10 ? 2 : 3;
  return `${s.toFixed(decimals)} s`;
}

export function Timeline() {
  const time = useSim(selectTime);
  const head = useSim(selectHead);
  const branch = useSim(selectBranchId);
  const branches = useSim(selectBranches);
  const markers = useSlowSim(selectMarkers);
  // the axis and the flags follow the head at most 5 times a second while playing
  const axisHead = useSlowSim(selectHead);
  // A long run keeps only the last HISTORY_WINDOW_MS of history: the track starts there.
  const start = useSim(selectStart);
  const [track, setTrack] = useState<HTMLDivElement | null>(null);
  const { width } = useBoxSize(track);
  const axis = useRef<SVGGElement>(null);
  // the timeline's text grows with the window (--side-font): so do the flags' and ticks' spacing
  const font = track ? parseFloat(getComputedStyle(track).fontSize) || 14 : 14;
  const inPast = time < head;
  const x = useMemo(
    () =>
      scaleLinear()
        .domain([start, Math.max(axisHead, start + 1)])
        .range([THUMB, Math.max(THUMB + 1, width - THUMB)]),
    [start, axisHead, width],
  );
  useEffect(() => {
    if (!axis.current || width <= 0) return;
    const count = Math.max(2, Math.floor(width / (font * TICK_EM)));
    // before the first millisecond has run there is one moment to label, not ten "0.00 s"
    const [from, to] = x.domain() as [number, number];
    const values = to - from < 10 ? [from] : x.ticks(count);
    const step = values.length > 1 ? values[1]! - values[0]! : 1000;
    select(axis.current).call(
      axisBottom(x)
        .tickValues(values)
        .tickSize(4)
        .tickFormat((d) => tickLabel(Number(d), step)),
    );
  }, [x, width, font]);
  const shown = markers.filter((m) => m.t >= start);
  const flags = groupMarkers(shown, (t) => x(t), FLAG_EM * font);
  return (
    <section
      className="timeline"
      aria-label="Timeline"
      data-testid="timeline"
      data-time={time}
      data-head={head}
      data-start={start}
    >
      <ActionButton id="stepBack" />
      {start > 0 ? (
        <span
          className="history-start"
          data-testid="history-start"
          title="A long run keeps the last 30 simulated minutes of history"
        >
          from {formatTime(start)}
        </span>
      ) : null}
      <div className="track" ref={setTrack}>
        <div className="flags" role="list" aria-label="Timeline markers">
          {flags.map((g) => {
            const first = headline(g.markers);
            const style = markerStyle(first.type);
            const more = g.markers.length - 1;
            return (
              <button
                type="button"
                role="listitem"
                key={`${first.d}-${first.t}-${first.type}`}
                className="flag"
                data-type={first.type}
                style={{ left: g.x, borderColor: style.color, color: style.color }}
                title={g.markers.map((m) => `${formatTime(m.t)} ${m.label}`).join('\n')}
                aria-label={`Jump to ${formatTime(first.t)}: ${first.label}${more ? ` and ${more} more` : ''}`}
                onClick={() => seek(first.t)}
              >
                {first.short ?? first.label}
                {more > 0 ? <span className="flag-more">{` +${more}`}</span> : null}
              </button>
            );
          })}
        </div>
        <div className="slider">
          <div className="marks" aria-hidden="true">
            {shown.map((m, i) => (
              <span
                key={`${m.d}-${i}`}
                className="mark"
                style={{
                  left: x(m.t),
                  background: markerStyle(m.type).color,
                  height: markerStyle(m.type).tall ? '100%' : '55%',
                }}
              />
            ))}
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
        <svg className="axis" width="100%" height={16} aria-hidden="true">
          <g ref={axis} />
        </svg>
        {inPast ? (
          <span className="past-note">
            in the past ({formatTime(head)} reached): acting here starts a new branch
          </span>
        ) : null}
      </div>
      <span className={`position ${inPast ? 'past' : ''}`}>{formatTime(time)}</span>
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
      <ul className="timeline-legend" aria-label="Timeline marker legend">
        {MARKER_ICONS.map((m) => (
          <li key={m.label} style={{ color: m.color }}>
            <b>{m.icon}</b> <span>{m.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
