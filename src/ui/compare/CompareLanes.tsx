// Side by side: the same seed and actions in two lanes with one setting changed; a record one
// lane acknowledged and then lost is highlighted.
import { useSim } from '../../store/use-sim';
import { compareLanes } from '../../store/actions';
import { setUi, type SimStoreState } from '../../store/store';
import type { LaneView } from '../../protocol/view';
import './compare.css';
import { recordLabel } from '../../viz/labels';

const selectCompare = (s: SimStoreState) => s.view?.compare ?? null;

const selectVariant = (s: SimStoreState) => (s.view?.compare ? s.ui.compare : null) ?? '';

export function CompareToggle() {
  const variant = useSim(selectVariant);
  return (
    <select
      className="compare-pick"
      aria-label="Side by side"
      value={variant}
      onChange={(e) => {
        const v = e.target.value === '' ? null : (e.target.value as 'acks' | 'unclean');
        setUi({ compare: v });
        compareLanes(v);
      }}
    >
      <option value="">Side by side…</option>
      <option value="acks">acks=1 vs acks=all</option>
      <option value="unclean">unclean on vs off</option>
    </select>
  );
}

/** One lane: a large header, its brokers, the shown partition's log with lost records struck out, and a verdict. */
function Lane({
  lane,
  partition,
  onlyHere,
  side,
}: {
  lane: LaneView;
  partition: string | null;
  onlyHere: string[];
  side: 'left' | 'right';
}) {
  const log = partition !== null ? lane.logs[partition] : undefined;
  const lostHere = lane.lostAt.filter((l) => l.partition === partition);
  const rows = log
    ? [...log.replicas].sort(
        (a, b) => Number(b.broker === log.leader) - Number(a.broker === log.leader),
      )
    : [];
  let first = Infinity;
  let end = 0;
  for (const r of rows) {
    if (r.tail[0]) first = Math.min(first, r.tail[0].offset);
    end = Math.max(end, r.leo);
  }
  for (const l of lostHere) {
    first = Math.min(first, l.offset);
    end = Math.max(end, l.offset + 1);
  }
  if (!Number.isFinite(first)) first = 0;
  const offsets = Array.from(
    { length: Math.max(0, Math.min(10, end - first)) },
    (_, i) => end - Math.min(10, end - first) + i,
  );
  return (
    <div
      className={`lane ${onlyHere.length > 0 ? 'lane-lost' : ''}`}
      data-testid={`lane-${side}`}
      data-lost={lane.lost.join(',')}
      data-acked={lane.acked}
    >
      <h3 className="lane-header">{lane.label}</h3>
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
      {log && partition !== null ? (
        <table className="mini-log" aria-label={`Log of ${partition} in the ${lane.label} lane`}>
          <tbody>
            {rows.map((r) => (
              <tr key={r.broker} className={`mini-row mini-${r.status}`}>
                <th scope="row">
                  {`b${r.broker}`}
                  {r.broker === log.leader ? ' leader' : r.status === 'down' ? ' down' : ''}
                </th>
                {offsets.map((o) => {
                  const rec = r.tail.find((t) => t.offset === o);
                  const lost =
                    r.broker === log.leader
                      ? lostHere.find((l) => l.offset === o && l.value !== rec?.value)
                      : undefined;
                  return (
                    <td
                      key={o}
                      className={`${rec ? (o < r.hw ? 'mini-committed' : 'mini-uncommitted') : ''} ${lost ? 'mini-lost' : ''}`}
                    >
                      {lost ? <s>{recordLabel(lost.value)}</s> : null}
                      {lost && rec ? ' ' : null}
                      {rec ? recordLabel(rec.value) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div
        className={`verdict ${lane.lost.length > 0 ? 'verdict-lost' : 'verdict-ok'}`}
        role={lane.lost.length > 0 ? 'alert' : undefined}
      >
        {lane.lost.length > 0
          ? `✕ LOST after being acknowledged: ${lane.lost.map((v) => `"${v}"`).join(', ')}`
          : `✓ No acknowledged record lost`}
        <span className="verdict-counts">{` · ${lane.acked} acked${lane.failed ? ` · ${lane.failed} failed` : ''}${lane.offline ? ` · ${lane.offline} offline` : ''}`}</span>
      </div>
    </div>
  );
}

/** Which lane the cards below show: the stage never changes lanes without saying so. */
export function StageLaneNote() {
  const compare = useSim(selectCompare);
  if (!compare) return null;
  return (
    <p className="stage-lane-note" data-testid="stage-lane">
      {`${compare.partition !== null ? `Both lanes show the log of ${compare.partition}. ` : ''}The cards below show the ${compare.lanes[0].label} lane; actions apply to both lanes.`}
    </p>
  );
}

export function CompareLanes() {
  const compare = useSim(selectCompare);
  if (!compare) return null;
  return (
    <section className="compare" aria-label="Side by side" data-testid="compare">
      <Lane
        lane={compare.lanes[0]}
        partition={compare.partition}
        onlyHere={compare.lostOnlyLeft}
        side="left"
      />
      <Lane
        lane={compare.lanes[1]}
        partition={compare.partition}
        onlyHere={compare.lostOnlyRight}
        side="right"
      />
    </section>
  );
}
