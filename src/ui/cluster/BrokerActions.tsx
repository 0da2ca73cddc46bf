import { pauseFetch, stopBroker } from '../../store/actions';
import { KillOrRestart } from './KillOrRestart';
import type { Box } from '../../viz/layout';
import type { BrokerStatus } from '../../protocol/view';
import { useLayout } from './layout-context';
import './broker-actions.css';

/** Kill / stop / restart / pause buttons at the foot of the card (real buttons, in a foreignObject). */
export function BrokerActions({
  id,
  box,
  status,
  paused,
}: {
  id: number;
  box: Box;
  status: BrokerStatus;
  paused: boolean;
}) {
  const { actions, font } = useLayout();
  const down = status === 'down';
  return (
    <foreignObject
      x={box.x + font * 0.3}
      y={box.y + box.h - actions}
      width={box.w - font * 0.6}
      height={actions - font * 0.2}
    >
      <div className="broker-actions" style={{ fontSize: font * 0.8 }}>
        <KillOrRestart id={id} down={down} />
        {down ? null : (
          <>
            <button
              type="button"
              onClick={() => stopBroker(id)}
              aria-label={`Stop broker ${id}`}
              title="Controlled shutdown"
            >
              Stop
            </button>
            <button
              type="button"
              onClick={() => pauseFetch(id, !paused)}
              aria-label={`${paused ? 'Resume' : 'Pause'} fetching on broker ${id}`}
              title={paused ? 'Resume fetching' : "Pause this broker's follower fetching"}
            >
              {paused ? 'Resume' : 'Pause'}
            </button>
          </>
        )}
      </div>
    </foreignObject>
  );
}
