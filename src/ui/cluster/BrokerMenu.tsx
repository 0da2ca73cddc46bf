// The broker context menu (right click on a card): the same actions as the buttons and keys.
import { useEffect, useRef } from 'react';
import { useSim } from '../../store/use-sim';
import { selectBrokerPaused, selectBrokerStatus, selectUi } from '../../store/selectors';
import { killBroker, pauseFetch, restartBroker, stopBroker } from '../../store/actions';
import { setUi } from '../../store/store';
import { usePopover } from '../controls/use-popover';
import './broker-menu.css';

export function BrokerMenu() {
  const menu = useSim(selectUi).menu;
  if (!menu) return null;
  return <Menu broker={menu.broker} x={menu.x} y={menu.y} />;
}

function Menu({ broker, x, y }: { broker: number; x: number; y: number }) {
  const status = useSim(selectBrokerStatus(broker));
  const paused = useSim(selectBrokerPaused(broker));
  const ref = useRef<HTMLDivElement>(null);
  const close = () => setUi({ menu: null });
  // Escape, a click outside, and the focus back where it was (use-popover)
  usePopover(true, close, ref);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, []);
  const act = (f: () => void) => () => {
    f();
    close();
  };
  return (
    <div
      className="menu"
      role="menu"
      aria-label={`Broker ${broker} actions`}
      ref={ref}
      style={{ left: x, top: y }}
    >
      {status === 'down' ? (
        <button type="button" role="menuitem" onClick={act(() => restartBroker(broker))}>
          Restart broker {broker}
        </button>
      ) : (
        <>
          <button type="button" role="menuitem" onClick={act(() => killBroker(broker))}>
            Kill broker {broker} (hard crash) <kbd>k</kbd>
          </button>
          <button type="button" role="menuitem" onClick={act(() => stopBroker(broker))}>
            Stop broker {broker} (controlled shutdown) <kbd>s</kbd>
          </button>
          <button type="button" role="menuitem" onClick={act(() => pauseFetch(broker, !paused))}>
            {paused ? 'Resume' : 'Pause'} fetching on broker {broker}
          </button>
        </>
      )}
    </div>
  );
}
