import { useSlowSim } from './slow-store';
import { countdownPath, ringPath } from '../../viz/arcs';
import { selectSessionTenths } from './stage-selectors';

/** The broker's session as the active controller sees it: the arc empties until a heartbeat. */
export function SessionArc({ id, cx, cy, r }: { id: number; cx: number; cy: number; r: number }) {
  const left = useSlowSim(selectSessionTenths(id));
  if (left < 0) return null;
  return (
    <g
      className={`session-arc ${left < 0.35 ? 'session-low' : ''}`}
      transform={`translate(${cx},${cy})`}
      data-testid={`session-${id}`}
      data-left={left}
    >
      <title>{`Session timeout as the controller sees it: ${Math.round(left * 100)} % left`}</title>
      <path className="arc-track" d={ringPath(r)} />
      <path className="arc-left" d={countdownPath(r, left)} />
    </g>
  );
}
