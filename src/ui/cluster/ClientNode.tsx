import { useSim } from '../../store/use-sim';
import { useSlowSim } from './slow-store';
import {
  selectClientAcks,
  selectClientCount,
  selectClientSubscribed,
  selectClientType,
} from '../../store/selectors';
import { useLayout } from './layout-context';
import { formatCount } from '../format';
import './node-text.css';
import './client-node.css';

/** "Producer P0" rather than "P0" next to partition p0; "consumer" is not said twice. */
export function clientTitle(id: string, producer: boolean): string {
  const kind = producer ? 'producer' : 'consumer';
  return id.toLowerCase().includes(kind) ? id : `${producer ? 'Producer' : 'Consumer'} ${id}`;
}

export function ClientNode({ id }: { id: string }) {
  const { clients, font: f, compactClients } = useLayout();
  const box = clients[id];
  const type = useSim(selectClientType(id));
  const acks = useSim(selectClientAcks(id));
  const acked = useSlowSim(selectClientCount(id, 'acked'));
  const pending = useSlowSim(selectClientCount(id, 'pending'));
  const failed = useSlowSim(selectClientCount(id, 'failed'));
  const consumed = useSlowSim(selectClientCount(id, 'consumed'));
  const subscribed = useSim(selectClientSubscribed(id));
  if (!box) return null;
  const producer = type === 'producer';
  const line = (i: number) => box.y + f * (1.15 + 1.2 * i);
  const title = clientTitle(id, producer);
  if (compactClients) {
    // two lines in the top row: who it is, then its counts
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
        <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={f * 0.4} />
        <text className="node-name" x={box.cx} y={line(0)} textAnchor="middle">
          {producer ? `${title} · acks=${acks}` : `${title} · ${subscribed ? 'reading' : 'idle'}`}
        </text>
        <text className="node-stat" x={box.cx} y={line(1)} textAnchor="middle">
          {producer
            ? `✓ ${formatCount(acked)} · ${formatCount(pending)} wait · ${formatCount(failed)} ✕`
            : `${formatCount(consumed)} read`}
        </text>
      </g>
    );
  }
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
      <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={f * 0.5} />
      <text className="node-name" x={box.cx} y={line(0)} textAnchor="middle">
        {title}
      </text>
      {producer ? (
        <>
          <text className="node-sub" x={box.cx} y={line(1)} textAnchor="middle">
            acks={acks}
          </text>
          <text className="node-stat" x={box.cx} y={line(2)} textAnchor="middle">
            ✓ {formatCount(acked)} acked
          </text>
          <text className="node-stat" x={box.cx} y={line(3)} textAnchor="middle">
            {formatCount(pending)} wait · {formatCount(failed)} ✕
          </text>
        </>
      ) : (
        <>
          <text className="node-sub" x={box.cx} y={line(1)} textAnchor="middle">
            {subscribed ? 'reading' : 'idle'}
          </text>
          <text className="node-stat" x={box.cx} y={line(2)} textAnchor="middle">
            {formatCount(consumed)} read
          </text>
        </>
      )}
    </g>
  );
}
