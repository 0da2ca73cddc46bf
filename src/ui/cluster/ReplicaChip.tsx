import { useSim } from '../../store/use-sim';
import { useSlowSim } from './slow-store';
import {
  selectReplicaInSync,
  selectReplicaPreferred,
  selectReplicaRole,
  selectSelectedPartition,
  selectMultiTopic,
} from '../../store/selectors';
import { selectPartition } from '../../store/actions';
import { useLayout } from './layout-context';
import { chipLabel } from '../../viz/labels';
import {
  selectBrokerDown,
  selectFetchPaused,
  selectFetchWaiting,
  selectFocusPartition,
  selectInElr,
  selectLagFraction,
  selectLeaderMove,
  selectPartitionOffline,
  selectReplicaOffsets,
} from './stage-selectors';
import { countdownPath, ringPath } from '../../viz/arcs';
import { chipMarks } from '../../viz/layout';
import './replica-chip.css';

/**
 * One replica in its fixed slot: filled when leader, outlined when follower, red outline when out
 * of sync, amber when its broker's fetching is paused, grey "offline" when its broker is down,
 * "no leader" when the partition has none; ★ marks the preferred leader. The second line is the
 * replica's own LEO/HW.
 */
export function ReplicaChip({
  partition,
  broker,
  x,
  y,
}: {
  partition: string;
  broker: number;
  x: number;
  y: number;
}) {
  const { chip, font: f } = useLayout();
  const role = useSim(selectReplicaRole(partition, broker));
  const inSync = useSim(selectReplicaInSync(partition, broker));
  const preferred = useSim(selectReplicaPreferred(partition, broker));
  const selected = useSim(selectSelectedPartition) === partition;
  const multiTopic = useSim(selectMultiTopic);
  const focus = useSim(selectFocusPartition);
  const offsets = useSlowSim(selectReplicaOffsets(partition, broker));
  const lag = useSlowSim(selectLagFraction(partition, broker));
  const down = useSim(selectBrokerDown(broker));
  const paused = useSim(selectFetchPaused(broker));
  const noLeader = useSim(selectPartitionOffline(partition));
  const elr = useSim(selectInElr(partition, broker));
  const move = useSim(selectLeaderMove(partition, broker));
  const waiting = useSlowSim(selectFetchWaiting(partition, broker));
  const dim = focus !== null && focus !== partition;
  const marks = chipMarks({ x, y, w: chip.w, h: chip.h }, f, chip.lines);
  const short = chipLabel(partition, multiTopic);
  const state = down
    ? 'offline'
    : noLeader
      ? 'no-leader'
      : role === 'follower' && paused
        ? 'paused'
        : role;
  const second = down ? 'offline' : noLeader ? 'no leader' : offsets;
  const classes = [
    'chip',
    `chip-${role}`,
    `chip-state-${state}`,
    inSync ? 'chip-in-sync' : 'chip-out-of-sync',
    selected ? 'chip-selected' : '',
    dim ? 'chip-dim' : '',
    elr ? 'chip-elr' : '',
    move.startsWith('new') ? 'chip-new-leader' : move === 'old' ? 'chip-old-leader' : '',
    waiting ? 'chip-waiting' : '',
  ].join(' ');
  const aria = `${partition} on broker ${broker}: ${down ? 'offline (broker down)' : noLeader ? 'no leader' : role}, ${inSync ? 'in sync' : 'out of sync'}${preferred ? ', preferred leader' : ''}${elr ? ', eligible leader replica' : ''}${offsets ? `, LEO/HW ${offsets}` : ''}${state === 'paused' ? ', fetching paused' : ''}`;
  return (
    <g
      className={classes}
      data-testid={`replica-${partition}-${broker}`}
      data-role={role}
      data-in-sync={inSync}
      data-preferred={preferred}
      data-state={state}
      data-waiting={waiting}
      data-offsets={offsets}
      role="button"
      tabIndex={0}
      aria-label={aria}
      aria-pressed={selected}
      onClick={() => selectPartition(selected ? null : partition)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          selectPartition(selected ? null : partition);
        }
      }}
    >
      <rect x={x} y={y} width={chip.w} height={chip.h} rx={f * 0.3} />
      <text
        className="chip-name"
        x={x + f * 0.35}
        y={chip.lines === 2 ? y + f * 1.05 : y + chip.h / 2 + f * 0.36}
      >
        {short}
        {preferred ? <tspan className="chip-star">★</tspan> : null}
        {elr ? <tspan className="chip-elr-mark">{' ELR'}</tspan> : null}
      </text>
      <text
        className="chip-offsets"
        x={chip.lines === 2 ? x + f * 0.35 : x + chip.w - f * 0.45}
        y={chip.lines === 2 ? y + f * 2.2 : y + chip.h / 2 + f * 0.36}
        textAnchor={chip.lines === 2 ? 'start' : 'end'}
        {...fitted(
          second,
          offsetsRoom(chip, f, short.length + (preferred ? 1 : 0) + (elr ? 4 : 0), waiting),
          f,
        )}
      >
        {second}
      </text>
      {waiting && !dim ? (
        <g
          className="fetch-clock"
          transform={`translate(${marks.clock.x},${marks.clock.y})`}
          data-testid={`waiting-${partition}-${broker}`}
        >
          <title>Its fetch waits at the leader for new records (a long poll)</title>
          <circle r={marks.clock.r} />
          <path d={`M0,0 L0,${-marks.clock.r * 0.7} M0,0 L${marks.clock.r * 0.5},0`} />
        </g>
      ) : null}
      {lag >= 0 && !down ? (
        <g
          className="lag-arc"
          transform={`translate(${marks.arc.x},${marks.arc.y})`}
          data-testid={`lag-${partition}-${broker}`}
        >
          <title>{`replica.lag.time.max.ms: ${Math.round(lag * 100)} % left before the ISR drops it`}</title>
          <path className="arc-track" d={ringPath(marks.arc.r)} />
          <path className="arc-left" d={countdownPath(marks.arc.r, lag)} />
        </g>
      ) : null}
    </g>
  );
}

/** Room for the LEO/HW text: beside the name on a one-line chip, left of the clock (if any) on two. */
function offsetsRoom(
  chip: { w: number; lines: 1 | 2 },
  f: number,
  nameChars: number,
  waiting: boolean,
): number {
  return chip.lines === 2
    ? chip.w - f * (waiting ? 1.45 : 0.6)
    : chip.w - f * (0.35 + 0.45 + 0.4) - nameChars * f * 0.62;
}

/**
 * Long offsets (1021/1021) are drawn narrower, never smaller: the glyphs are squeezed into the
 * room left (textLength), so they do not run into the name or out of the chip.
 */
function fitted(
  text: string,
  room: number,
  f: number,
): { textLength?: number; lengthAdjust?: 'spacingAndGlyphs' } {
  return text.length * f * 0.6 > room && room > 0
    ? { textLength: room, lengthAdjust: 'spacingAndGlyphs' }
    : {};
}
