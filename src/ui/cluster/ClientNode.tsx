import { useSim } from '../../store/use-sim';
import { selectClient } from '../../store/selectors';
import { useLayout } from './layout-context';

export function ClientNode({ id }: { id: string }) {
  const box = useLayout().clients[id];
  const client = useSim(selectClient(id));
  if (!box || !client) return null;
  const producer = client.type === 'producer';
  return (
    <g
      className={`client client-${client.type}`}
      data-testid={`client-${id}`}
      role="img"
      aria-label={
        producer
          ? `Producer ${id}, acks=${client.acks}, ${client.acked} acknowledged, ${client.pending} pending, ${client.failed} failed`
          : `Consumer ${id}, ${client.consumed} records read`
      }
    >
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text className="node-name" x={box.cx} y={box.y + 18} textAnchor="middle">
        {id}
      </text>
      <text className="node-sub" x={box.cx} y={box.y + 34} textAnchor="middle">
        {producer ? `acks=${client.acks}` : 'consumer'}
      </text>
      {producer ? (
        <>
          <text className="node-stat" x={box.cx} y={box.y + 52} textAnchor="middle">
            ✓ {client.acked} acked
          </text>
          <text className="node-stat" x={box.cx} y={box.y + 68} textAnchor="middle">
            {client.pending} pend · {client.failed} fail
          </text>
        </>
      ) : (
        <text className="node-stat" x={box.cx} y={box.y + 56} textAnchor="middle">
          {client.consumed} read
        </text>
      )}
    </g>
  );
}
