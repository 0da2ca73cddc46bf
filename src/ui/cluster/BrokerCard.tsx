import { useLayoutEffect, useRef, useState } from 'react';
import { useSim } from '../../store/use-sim';
import {
  selectBrokerFollowerCount,
  selectBrokerLeaderCount,
  selectBrokerPaused,
  selectBrokerRack,
  selectBrokerStatus,
  selectSelectedBroker,
} from '../../store/selectors';
import { selectBroker } from '../../store/actions';
import { setUi } from '../../store/store';
import { useLayout } from './layout-context';
import { ReplicaChip } from './ReplicaChip';
import { BrokerActions } from './BrokerActions';
import { SessionArc } from './SessionArc';
import './broker-card.css';

export function BrokerCard({ id }: { id: number }) {
  const layout = useLayout();
  const box = layout.brokers[id];
  const status = useSim(selectBrokerStatus(id));
  const paused = useSim(selectBrokerPaused(id));
  const rack = useSim(selectBrokerRack(id));
  const leaders = useSim(selectBrokerLeaderCount(id));
  const followers = useSim(selectBrokerFollowerCount(id));
  const selected = useSim(selectSelectedBroker) === id;
  const f = layout.font;
  const shown = paused && status === 'up' ? 'paused' : status;
  // the session arc stands clear of the name and of the status word ("paused" is wider than
  // "up"): both measured, not guessed
  const statusText = useRef<SVGTextElement>(null);
  const nameText = useRef<SVGTextElement>(null);
  const [widths, setWidths] = useState({ name: 0, status: 0 });
  useLayoutEffect(() => {
    const name = nameText.current?.getComputedTextLength?.() ?? 0;
    const status = statusText.current?.getComputedTextLength?.() ?? 0;
    if (Number.isFinite(name) && Number.isFinite(status))
      setWidths((w) => (w.name === name && w.status === status ? w : { name, status }));
  }, [shown, f, rack, box?.w]);
  if (!box) return null;
  const slots = layout.slots[id] ?? [];
  const statusLeft = box.x + box.w - f * 0.45 - (widths.status || f * 0.7 * shown.length);
  const nameRight = box.x + f * 0.45 + (widths.name || f * 0.62 * `Broker ${id}`.length);
  // 0.4 em clear of the status word; smaller, centred in the room left, when the card is narrow
  const room = statusLeft - nameRight - f * 0.6;
  const arcR = Math.max(f * 0.35, Math.min(f * 0.62, room / 2));
  const arcX = room >= 2 * f * 0.62 ? statusLeft - f * 0.4 - arcR : (nameRight + statusLeft) / 2;
  const label = `Broker ${id}, ${status}${paused ? ', fetching paused' : ''}${rack ? `, rack ${rack}` : ''}, leader of ${leaders} and follower of ${followers} partitions`;
  const baseline = box.y + layout.header * 0.66;
  return (
    <g
      className={`broker broker-${status} ${paused ? 'broker-paused' : ''} ${selected ? 'broker-selected' : ''}`}
      data-testid={`broker-${id}`}
      data-status={status}
      data-leaders={leaders}
      data-followers={followers}
      role="group"
      aria-label={label}
      onContextMenu={(e) => {
        e.preventDefault();
        // the svg, not its box: when the stage scrolls the menu stands in the svg's coordinates
        const stage = (e.currentTarget.ownerSVGElement ?? document.body).getBoundingClientRect();
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
        rx={f * 0.5}
        onClick={() => selectBroker(selected ? null : id)}
      />
      <text ref={nameText} className="broker-name" x={box.x + f * 0.45} y={baseline}>
        {`Broker ${id}`}
        {rack && box.w >= f * 12 ? <tspan className="broker-rack">{` · ${rack}`}</tspan> : null}
      </text>
      <text
        ref={statusText}
        className={`broker-status status-${shown}`}
        x={box.x + box.w - f * 0.45}
        y={baseline}
        textAnchor="end"
      >
        {shown}
      </text>
      <SessionArc id={id} cx={arcX} cy={baseline - f * 0.35} r={arcR} />
      {slots.map((p) => {
        const chip = layout.chips[`${p}@${id}`];
        return chip ? (
          <ReplicaChip key={p} partition={p} broker={id} x={chip.x} y={chip.y} />
        ) : null;
      })}
      <BrokerActions id={id} box={box} status={status} paused={paused} />
    </g>
  );
}
