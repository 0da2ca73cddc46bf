import { killBroker, pauseFetch, restartBroker, stopBroker } from '../../store/actions';
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
        {down ? (
          <button
            type="button"
            onClick={() => restartBroker(id)}
            aria-label={`Restart broker ${id}`}
            title="Start the broker again"
          >
            Restart
          </button>
        ) : (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => killBroker(id)}
              aria-label={`Kill broker ${id}`}
              title="Hard crash (kill -9)"
            >
              Kill
            </button>
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
