// Side by side: the same seed and actions in two lanes with one setting changed; a record one
// lane acknowledged and then lost is highlighted.
import { useSim } from '../../store/use-sim';
import { compareLanes } from '../../store/actions';
import { setUi, type SimStoreState } from '../../store/store';
import type { LaneView } from '../../protocol/view';

const selectCompare = (s: SimStoreState) => s.view?.compare ?? null;

const selectVariant = (s: SimStoreState) => (s.view?.compare ? s.ui.compare : null) ?? '';

export function CompareToggle() {
  const variant = useSim(selectVariant);
  return (
    <select
      aria-label="Side by side"
      value={variant}
      onChange={(e) => {
        const v = e.target.value === '' ? null : (e.target.value as 'acks' | 'unclean');
        setUi({ compare: v });
        compareLanes(v);
      }}
    >
      <option value="">Side by side: off</option>
      <option value="acks">acks=1 vs acks=all</option>
      <option value="unclean">unclean election on vs off</option>
    </select>
  );
}

function Lane({
  lane,
  onlyHere,
  side,
}: {
  lane: LaneView;
  onlyHere: string[];
  side: 'left' | 'right';
}) {
  return (
    <div
      className={`lane ${onlyHere.length > 0 ? 'lane-lost' : ''}`}
      data-testid={`lane-${side}`}
      data-lost={lane.lost.join(',')}
      data-acked={lane.acked}
    >
      <h3>{lane.label}</h3>
      <div className="lane-brokers" aria-label="Brokers">
        {lane.brokers.map((b) => (
          <span
            key={b.id}
            className={`dot status-bg-${b.status}`}
            title={`broker ${b.id}: ${b.status}`}
          >
            {b.id}
          </span>
        ))}
      </div>
      <div>
        {lane.acked} acknowledged · {lane.failed} failed · {lane.offline} offline partition
        {lane.offline === 1 ? '' : 's'}
      </div>
      {lane.lost.length > 0 ? (
        <div className="lane-loss" role="alert">
          LOST after being acknowledged: {lane.lost.map((v) => `"${v}"`).join(', ')}
        </div>
      ) : (
        <div className="lane-ok">No acknowledged record lost</div>
      )}
    </div>
  );
}

export function CompareLanes() {
  const compare = useSim(selectCompare);
  if (!compare) return null;
  return (
    <section className="compare" aria-label="Side by side" data-testid="compare">
      <Lane lane={compare.lanes[0]} onlyHere={compare.lostOnlyLeft} side="left" />
      <Lane lane={compare.lanes[1]} onlyHere={compare.lostOnlyRight} side="right" />
    </section>
  );
}
