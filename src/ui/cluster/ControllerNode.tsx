import { useSim } from '../../store/use-sim';
import { selectControllerActive, selectControllerUp } from '../../store/selectors';
import { useLayout } from './layout-context';
import './node-text.css';
import './controller-node.css';

/** A KRaft controller; the active one carries ◆ (★ is kept for the preferred leader). */
export function ControllerNode({ id }: { id: number }) {
  const { controllers, font: f } = useLayout();
  const box = controllers[id];
  const up = useSim(selectControllerUp(id));
  const active = useSim(selectControllerActive(id));
  if (!box) return null;
  const state = !up ? 'down' : active ? 'active' : 'standby';
  return (
    <g
      className={`controller controller-${state}`}
      data-testid={`controller-${id}`}
      data-status={state}
      role="img"
      aria-label={`Controller ${id}, ${state}`}
    >
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={f * 0.4} />
      <text className="node-name" x={box.cx} y={box.y + f * 1.1} textAnchor="middle">
        Controller {id}
      </text>
      <text className="node-sub" x={box.cx} y={box.y + f * 2.25} textAnchor="middle">
        {state === 'active' ? '◆ active' : state}
      </text>
    </g>
  );
}
