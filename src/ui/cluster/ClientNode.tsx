import { useSim } from '../../store/use-sim';
import { selectClientAcks, selectClientCount, selectClientType } from '../../store/selectors';
import { useLayout } from './layout-context';
import { formatCount } from '../format';

export function ClientNode({ id }: { id: string }) {
  const box = useLayout().clients[id];
  const type = useSim(selectClientType(id));
  const acks = useSim(selectClientAcks(id));
  const acked = useSim(selectClientCount(id, 'acked'));
  const pending = useSim(selectClientCount(id, 'pending'));
  const failed = useSim(selectClientCount(id, 'failed'));
  const consumed = useSim(selectClientCount(id, 'consumed'));
  if (!box) return null;
  const producer = type === 'producer';
  return (
    <g
      className={`client client-${type}`}
      data-testid={`client-${id}`}
      role="img"
      aria-label={
        producer
          ? `Producer ${id}, acks=${acks}, ${acked} acknowledged, ${pending} pending, ${failed} failed`
          : `Consumer ${id}, ${consumed} records read`
      }
    >
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
      <text className="node-name" x={box.cx} y={box.y + 18} textAnchor="middle">
        {id}
      </text>
      <text className="node-sub" x={box.cx} y={box.y + 34} textAnchor="middle">
        {producer ? `acks=${acks}` : 'consumer'}
      </text>
      {producer ? (
        <>
          <text className="node-stat" x={box.cx} y={box.y + 52} textAnchor="middle">
            ✓ {formatCount(acked)} acked
          </text>
          <text className="node-stat" x={box.cx} y={box.y + 68} textAnchor="middle">
            {formatCount(pending)} pend · {formatCount(failed)} fail
          </text>
        </>
      ) : (
        <text className="node-stat" x={box.cx} y={box.y + 56} textAnchor="middle">
          {formatCount(consumed)} read
        </text>
      )}
    </g>
  );
}
