// The large-cluster view: one row per broker, its replicas as small squares (leaders first),
// coloured by role and ISR membership, drawn on a canvas; in-flight messages per broker as counts.
// Click a square to inspect its partition, a row to select its broker.
import { useEffect, useMemo, useRef } from 'react';
import { useSim, useSimList } from '../../store/use-sim';
import {
  selectBrokerIds,
  selectSelectedBroker,
  selectSelectedPartition,
} from '../../store/selectors';
import { killBroker, restartBroker, selectBroker, selectPartition } from '../../store/actions';
import type { SimStoreState } from '../../store/store';
import { overviewLayout, OVERVIEW_ROW_HEIGHT, type OverviewLayout } from '../../viz/overview';

const selectReplicasOfBroker = (s: SimStoreState) => s.replicasOfBroker;
const selectReplicasByKey = (s: SimStoreState) => s.replicasByKey;
const selectBrokersById = (s: SimStoreState) => s.brokersById;
const selectFlows = (s: SimStoreState) => {
  const flows: Record<string, number> = {};
  for (const m of s.view?.messages ?? []) {
    flows[`out:${m.from}`] = (flows[`out:${m.from}`] ?? 0) + 1;
    flows[`in:${m.to}`] = (flows[`in:${m.to}`] ?? 0) + 1;
  }
  return JSON.stringify(flows);
};

function cssVar(el: Element, name: string): string {
  return getComputedStyle(el).getPropertyValue(name).trim();
}

export function Overview() {
  const brokers = useSimList(selectBrokerIds);
  const replicasOfBroker = useSim(selectReplicasOfBroker);
  const replicasByKey = useSim(selectReplicasByKey);
  const brokersById = useSim(selectBrokersById);
  const selectedPartition = useSim(selectSelectedPartition);
  const selectedBroker = useSim(selectSelectedBroker);
  const flows = JSON.parse(useSim(selectFlows)) as Record<string, number>;
  const canvas = useRef<HTMLCanvasElement>(null);
  const layout: OverviewLayout = useMemo(
    () => overviewLayout(brokers, replicasOfBroker),
    [brokers, replicasOfBroker],
  );

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = layout.width * dpr;
    c.height = layout.height * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, layout.width, layout.height);
    const colors = {
      leader: cssVar(c, '--leader'),
      follower: cssVar(c, '--follower-line'),
      bad: cssVar(c, '--bad'),
      down: cssVar(c, '--card-down'),
      select: cssVar(c, '--select'),
    };
    for (const cell of layout.cells) {
      const r = replicasByKey[`${cell.partition}@${cell.broker}`];
      const down = brokersById[cell.broker]?.status === 'down';
      ctx.fillStyle = down
        ? colors.down
        : !r?.inSync
          ? colors.bad
          : r.role === 'leader'
            ? colors.leader
            : colors.follower;
      ctx.globalAlpha = r?.role === 'leader' || !r?.inSync ? 1 : 0.45;
      ctx.fillRect(cell.x, cell.y, cell.size, cell.size);
      if (cell.partition === selectedPartition) {
        ctx.globalAlpha = 1;
        ctx.strokeStyle = colors.select;
        ctx.lineWidth = 2;
        ctx.strokeRect(cell.x - 1, cell.y - 1, cell.size + 2, cell.size + 2);
      }
    }
    ctx.globalAlpha = 1;
  }, [layout, replicasByKey, brokersById, selectedPartition]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - rect.left) / rect.width) * layout.width;
    const y = ((e.clientY - rect.top) / rect.height) * layout.height;
    const cell = layout.cells.find(
      (c) => x >= c.x && x <= c.x + c.size && y >= c.y && y <= c.y + c.size,
    );
    if (cell) selectPartition(cell.partition);
  };

  return (
    <div className="overview" data-testid="overview">
      <div className="overview-rows" style={{ height: layout.height }}>
        {brokers.map((id, i) => {
          const b = brokersById[id];
          const down = b?.status === 'down';
          return (
            <div
              key={id}
              className={`overview-row ${selectedBroker === id ? 'selected' : ''}`}
              style={{ top: i * OVERVIEW_ROW_HEIGHT }}
              data-testid={`broker-${id}`}
              data-status={b?.status}
              data-leaders={b?.leaders}
              data-followers={b?.followers}
            >
              <button
                type="button"
                className="row-name"
                onClick={() => selectBroker(selectedBroker === id ? null : id)}
                aria-pressed={selectedBroker === id}
                aria-label={`Broker ${id}, ${b?.status ?? 'down'}, leader of ${b?.leaders ?? 0} and follower of ${b?.followers ?? 0} partitions`}
              >
                Broker {id}
              </button>
              <span className={`status-${b?.status}`}>{b?.status}</span>
              <span className="muted">
                {b?.leaders}L · {b?.followers}F · ↑{flows[`out:broker:${id}`] ?? 0} ↓
                {flows[`in:broker:${id}`] ?? 0}
              </span>
              {down ? (
                <button
                  type="button"
                  onClick={() => restartBroker(id)}
                  aria-label={`Restart broker ${id}`}
                >
                  Restart
                </button>
              ) : (
                <button
                  type="button"
                  className="danger"
                  onClick={() => killBroker(id)}
                  aria-label={`Kill broker ${id}`}
                >
                  Kill
                </button>
              )}
            </div>
          );
        })}
      </div>
      <canvas
        ref={canvas}
        className="overview-canvas"
        style={{ width: layout.width, height: layout.height }}
        onClick={onClick}
        role="img"
        aria-label={`${layout.cells.length} replicas: leaders dark, followers light, out of sync red; click one to inspect its partition`}
      />
    </div>
  );
}
