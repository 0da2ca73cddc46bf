import { useSim } from '../../store/use-sim';
import { selectSpeed, selectTheme, selectTime, selectTitle } from '../../store/selectors';
import { runUntilEvent, setSpeed } from '../../store/actions';
import { setUi } from '../../store/store';
import { TimingsBadge } from './TimingsBadge';
import { ActionButton } from '../actions/ActionButton';
import { ShareMenu } from './ShareMenu';
import { CompareToggle } from '../compare/CompareLanes';
import { LessonPicker } from '../lessons/LessonPicker';
import { formatTime } from '../format';
import './toolbar.css';

export const SPEEDS = [0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 100];

const NEXT_EVENTS: { event: string; label: string }[] = [
  { event: 'recordAcked', label: 'next ack' },
  { event: 'highWatermarkAdvanced', label: 'next HW advance' },
  { event: 'isrShrunk', label: 'next ISR shrink' },
  { event: 'isrExpanded', label: 'next ISR expand' },
  { event: 'brokerFenced', label: 'next fencing' },
  { event: 'leaderChanged', label: 'next leader change' },
  { event: 'truncated', label: 'next truncation' },
  { event: 'recordLost', label: 'next data loss' },
];

export function speedLabel(speed: number): string {
  return speed >= 1 ? `${speed}×` : `1/${Math.round(1 / speed)}×`;
}

export function Toolbar() {
  const speed = useSim(selectSpeed);
  const time = useSim(selectTime);
  const title = useSim(selectTitle);
  const theme = useSim(selectTheme);
  const index = Math.max(
    0,
    SPEEDS.findIndex((s) => s >= speed),
  );
  return (
    <header className="toolbar">
      <h1 className="title" title={title}>
        Kafka replication <span className="subtitle">{title}</span>
      </h1>
      <div className="controls" role="toolbar" aria-label="Simulation controls">
        <ActionButton id="playPause" className="primary" />
        <ActionButton id="step" />
        <select
          className="presenter-hide"
          aria-label="Run until"
          value=""
          onChange={(e) => e.target.value && runUntilEvent(e.target.value)}
        >
          <option value="">Run until…</option>
          {NEXT_EVENTS.map((n) => (
            <option key={n.event} value={n.event}>
              {n.label}
            </option>
          ))}
        </select>
        <label className="speed">
          <span>Speed</span>
          <input
            type="range"
            min={0}
            max={SPEEDS.length - 1}
            step={1}
            value={index}
            aria-valuetext={speedLabel(speed)}
            onChange={(e) => setSpeed(SPEEDS[Number(e.target.value)] ?? 1)}
          />
          <output>{speedLabel(speed)}</output>
        </label>
        <span className="clock" aria-label="Simulated time now">
          t = {formatTime(time)}
        </span>
        <LessonPicker />
        <span className="presenter-hide">
          <CompareToggle />
        </span>
        <TimingsBadge />
        <ActionButton id="presenter" />
        <span className="presenter-hide">
          <ShareMenu />
        </span>
        <ActionButton id="help" />
        <button
          type="button"
          className="presenter-hide"
          onClick={() => setUi({ theme: theme === 'light' ? 'dark' : 'light' })}
          aria-label={`Switch to ${theme === 'light' ? 'dark' : 'light'} theme`}
        >
          {theme === 'light' ? 'Dark' : 'Light'}
        </button>
      </div>
    </header>
  );
}
