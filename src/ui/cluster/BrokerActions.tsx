import { pauseFetch, stopBroker } from '../../store/actions';
import { KillOrRestart } from './KillOrRestart';
import type { Box } from '../../viz/layout';
import type { BrokerStatus } from '../../protocol/view';

/** Kill / stop / restart / pause buttons in the card's header (real buttons, in a foreignObject). */
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
  const down = status === 'down';
  return (
    <foreignObject x={box.x + 6} y={box.y + box.h - 28} width={box.w - 12} height={24}>
      <div className="broker-actions">
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
