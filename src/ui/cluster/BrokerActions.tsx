import { KillOrRestart } from './KillOrRestart';
import { ActionButton } from '../actions/ActionButton';
import type { Box } from '../../viz/layout';
import type { BrokerStatus } from '../../protocol/view';
import { useLayout } from './layout-context';
import './broker-actions.css';

/**
 * Kill / stop / restart / pause buttons at the foot of the card (real buttons, in a foreignObject),
 * from the action registry: each shows while it applies to this broker.
 */
export function BrokerActions({
  id,
  box,
}: {
  id: number;
  box: Box;
  /** the card's (the actions read the broker's state themselves) */
  status?: BrokerStatus;
  paused?: boolean;
}) {
  const { actions, font } = useLayout();
  return (
    <foreignObject
      x={box.x + font * 0.3}
      y={box.y + box.h - actions}
      width={box.w - font * 0.6}
      height={actions - font * 0.2}
    >
      <div className="broker-actions" style={{ fontSize: font * 0.8 }}>
        <KillOrRestart id={id} />
        <ActionButton id="stop" broker={id} />
        <ActionButton id="pauseFetch" broker={id} />
      </div>
    </foreignObject>
  );
}
