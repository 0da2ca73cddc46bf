import { useSim } from '../../store/use-sim';
import {
  selectReplicaInSync,
  selectReplicaPreferred,
  selectReplicaRole,
  selectSelectedPartition,
  selectMultiTopic,
  selectWalkPartition,
} from '../../store/selectors';
import { selectPartition } from '../../store/actions';
import { useLayout } from './layout-context';
import { chipLabel } from '../../viz/labels';

/** One replica: filled when leader, outlined when follower, red when out of sync, ★ when preferred. */
export function ReplicaChip({
  partition,
  broker,
  x,
  y,
}: {
  partition: string;
  broker: number;
  x: number;
  y: number;
}) {
  const { chip } = useLayout();
  const role = useSim(selectReplicaRole(partition, broker));
  const inSync = useSim(selectReplicaInSync(partition, broker));
  const preferred = useSim(selectReplicaPreferred(partition, broker));
  const selected = useSim(selectSelectedPartition) === partition;
  const multiTopic = useSim(selectMultiTopic);
  const walking = useSim(selectWalkPartition);
  const dim = walking !== null && walking !== partition;
  const short = chipLabel(partition, multiTopic);
  return (
    <g
      className={`chip chip-${role} ${inSync ? 'chip-in-sync' : 'chip-out-of-sync'} ${selected ? 'chip-selected' : ''} ${dim ? 'chip-dim' : ''}`}
      data-testid={`replica-${partition}-${broker}`}
      data-role={role}
      data-in-sync={inSync}
      data-preferred={preferred}
      role="button"
      tabIndex={0}
      aria-label={`${partition} on broker ${broker}: ${role}, ${inSync ? 'in sync' : 'out of sync'}${preferred ? ', preferred leader' : ''}`}
      aria-pressed={selected}
      onClick={() => selectPartition(selected ? null : partition)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          selectPartition(selected ? null : partition);
        }
      }}
    >
      <rect x={x} y={y} width={chip.w} height={chip.h} rx={4} />
      <text x={x + chip.w / 2} y={y + chip.h / 2 + 4} textAnchor="middle">
        {short}
        {preferred ? '★' : ''}
      </text>
    </g>
  );
}
