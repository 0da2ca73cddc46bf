// The broker context menu (right click on a card): the registry's broker actions that apply,
// with their keys.
import { useEffect, useRef } from 'react';
import { useUi } from '../use-ui';
import { setUi } from '../../store/store';
import { usePopover } from '../controls/use-popover';
import { useAction } from '../actions/ActionButton';
import { getAction, runAction, type ActionId } from '../actions/registry';
import './broker-menu.css';

const MENU: ActionId[] = ['restart', 'kill', 'stop', 'pauseFetch'];

export function BrokerMenu() {
  const menu = useUi('menu');
  if (!menu) return null;
  return <Menu broker={menu.broker} x={menu.x} y={menu.y} />;
}

function Menu({ broker, x, y }: { broker: number; x: number; y: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const close = () => setUi({ menu: null });
  // Escape, a click outside, and the focus back where it was (use-popover)
  usePopover(true, close, ref);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, []);
  return (
    <div
      className="menu"
      role="menu"
      aria-label={`Broker ${broker} actions`}
      ref={ref}
      style={{ left: x, top: y }}
    >
      {MENU.map((id) => (
        <MenuItem key={id} id={id} broker={broker} close={close} />
      ))}
    </div>
  );
}

function MenuItem({ id, broker, close }: { id: ActionId; broker: number; close: () => void }) {
  const shown = useAction(id, broker);
  if (!shown.applies) return null;
  const key = getAction(id).key;
  return (
    <button
      type="button"
      role="menuitem"
      onClick={() => {
        runAction(id, broker);
        close();
      }}
    >
      {shown.menu ?? shown.label}
      {key ? (
        <>
          {' '}
          <kbd>{key.shown}</kbd>
        </>
      ) : null}
    </button>
  );
}
