import { useSim } from '../../store/use-sim';
import {
  selectBrokerFollowerCount,
  selectBrokerLeaderCount,
  selectBrokerPaused,
  selectBrokerRack,
  selectBrokerReplicas,
  selectBrokerStatus,
  selectSelectedBroker,
} from '../../store/selectors';
import { selectBroker } from '../../store/actions';
import { setUi } from '../../store/store';
import { chipPosition, chipRows } from '../../viz/layout';
import { useLayout } from './layout-context';
import { ReplicaChip } from './ReplicaChip';
import { BrokerActions } from './BrokerActions';

const HEADER = 46;
const GROUP_LABEL = 14;

export function BrokerCard({ id }: { id: number }) {
  const layout = useLayout();
  const box = layout.brokers[id];
  const status = useSim(selectBrokerStatus(id));
  const paused = useSim(selectBrokerPaused(id));
  const rack = useSim(selectBrokerRack(id));
  const leaders = useSim(selectBrokerLeaderCount(id));
  const followers = useSim(selectBrokerFollowerCount(id));
  const replicas = useSim(selectBrokerReplicas(id));
  const selected = useSim(selectSelectedBroker) === id;
  if (!box) return null;
  const { chip } = layout;
  const leaderTop = HEADER + GROUP_LABEL;
  const followerLabelTop =
    leaderTop + chipRows(chip, replicas?.leaders.length ?? 0) * (chip.h + chip.gap) + 4;
  const followerTop = followerLabelTop + GROUP_LABEL;
  const label = `Broker ${id}, ${status}${paused ? ', fetching paused' : ''}${rack ? `, rack ${rack}` : ''}, leader of ${leaders} and follower of ${followers} partitions`;
  return (
    <g
      className={`broker broker-${status} ${selected ? 'broker-selected' : ''}`}
      data-testid={`broker-${id}`}
      data-status={status}
      data-leaders={leaders}
      data-followers={followers}
      role="group"
      aria-label={label}
      onContextMenu={(e) => {
        e.preventDefault();
        const stage = (
          e.currentTarget.ownerSVGElement?.parentElement ?? document.body
        ).getBoundingClientRect();
        setUi({
          menu: { broker: id, x: e.clientX - stage.left, y: e.clientY - stage.top },
          selectedBroker: id,
        });
      }}
    >
      <rect
        className="broker-card"
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={10}
        onClick={() => selectBroker(selected ? null : id)}
      />
      <text className="broker-name" x={box.x + 10} y={box.y + 20}>
        Broker {id}
      </text>
      <text
        className={`broker-status status-${status}`}
        x={box.x + box.w - 10}
        y={box.y + 20}
        textAnchor="end"
      >
        {paused && status === 'up' ? 'paused' : status}
      </text>
      <text className="broker-counts" x={box.x + 10} y={box.y + 38}>
        {`${leaders} leader${leaders === 1 ? '' : 's'} · ${followers} follower${followers === 1 ? '' : 's'}${rack && box.w >= 190 ? ` · rack ${rack}` : ''}`}
      </text>
      <BrokerActions id={id} box={box} status={status} paused={paused} />
      <text className="group-label" x={box.x + 8} y={box.y + leaderTop - 3}>
        Leaders
      </text>
      {replicas?.leaders.map((p, i) => {
        const pos = chipPosition(box, chip, leaderTop, i);
        return <ReplicaChip key={p} partition={p} broker={id} x={pos.x} y={pos.y} />;
      })}
      <text className="group-label" x={box.x + 8} y={box.y + followerTop - 3}>
        Followers
      </text>
      {replicas?.followers.map((p, i) => {
        const pos = chipPosition(box, chip, followerTop, i);
        return <ReplicaChip key={p} partition={p} broker={id} x={pos.x} y={pos.y} />;
      })}
    </g>
  );
}
