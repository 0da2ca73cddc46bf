import { useSim } from '../../store/use-sim';
import { selectControllerActive, selectControllerUp } from '../../store/selectors';
import { useLayout } from './layout-context';

export function ControllerNode({ id }: { id: number }) {
  const box = useLayout().controllers[id];
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
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={8} />
      <text className="node-name" x={box.cx} y={box.y + 19} textAnchor="middle">
        Controller {id}
      </text>
      <text className="node-sub" x={box.cx} y={box.y + 36} textAnchor="middle">
        {state === 'active' ? '★ active' : state}
      </text>
    </g>
  );
}
