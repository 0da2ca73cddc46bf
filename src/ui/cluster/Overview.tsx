// The large-cluster view: one row per broker, its replicas as small squares (leaders first),
// coloured by role and ISR membership, drawn on a canvas that pans and zooms (partition names
// appear in the squares when zoomed in); in-flight messages per broker as counts. Click a
// square to inspect its partition, a row's name for the broker's close-up.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSim, useSimList } from '../../store/use-sim';
import { useSlowSim } from './slow-store';
import {
  selectBrokerIds,
  selectSelectedBroker,
  selectSelectedPartition,
  selectTheme,
} from '../../store/selectors';
import { selectBroker, selectPartition } from '../../store/actions';
import type { SimStoreState } from '../../store/store';
import { cellAt, overviewLayout, readableRow } from '../../viz/overview';
import { viewportFont } from '../../viz/layout';
import { drawOverview, type OverviewColors } from '../../viz/overview-draw';
import { KillOrRestart } from './KillOrRestart';
import { useOverviewZoom } from './use-overview-zoom';
import { lentStore } from '../actions/lent';
import { ActionButton } from '../actions/ActionButton';
import './overview.css';

const selectReplicasOfBroker = (s: SimStoreState) => s.replicasOfBroker;
const selectReplicasByKey = (s: SimStoreState) => s.replicasByKey;
const selectBrokersById = (s: SimStoreState) => s.brokersById;
const selectFlows = (s: SimStoreState) => {
  const flows: Record<string, number> = {};
  for (const m of s.view?.messages ?? []) {
    flows[`out:${m.from}`] = (flows[`out:${m.from}`] ?? 0) + 1;
    flows[`in:${m.to}`] = (flows[`in:${m.to}`] ?? 0) + 1;
  }
  return flows;
};

function colorsOf(el: Element): OverviewColors {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    leader: v('--leader'),
    follower: v('--follower-line'),
    bad: v('--bad'),
    down: v('--muted'),
    select: v('--select'),
    text: v('--text'),
    textOnDark: v('--leader-text'),
  };
}

/** The size of an element, kept current. */
function useSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() =>
      setSize({ width: el.clientWidth, height: el.clientHeight }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

export function Overview() {
  const brokers = useSimList(selectBrokerIds);
  const replicasOfBroker = useSim(selectReplicasOfBroker);
  const replicasByKey = useSim(selectReplicasByKey);
  const brokersById = useSim(selectBrokersById);
  const selectedPartition = useSim(selectSelectedPartition);
  const selectedBroker = useSim(selectSelectedBroker);
  const theme = useSim(selectTheme); // colours come from the theme's CSS variables
  const flows = useSlowSim(useShallow(selectFlows));
  const canvas = useRef<HTMLCanvasElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const size = useSize(box);
  const layout = useMemo(
    () =>
      overviewLayout(
        brokers,
        replicasOfBroker,
        size,
        readableRow(viewportFont(window.innerWidth, window.innerHeight)),
      ),
    [brokers, replicasOfBroker, size],
  );
  const zoom = useOverviewZoom(canvas, layout, size);
  const t = zoom.transform;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || size.width <= 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = size.width * dpr;
    c.height = size.height * dpr;
    drawOverview(
      ctx,
      { ...size, dpr },
      layout,
      t,
      (broker, partition) => {
        const r = replicasByKey[`${partition}@${broker}`];
        return {
          role: r?.role === 'leader' ? 'leader' : r ? 'follower' : undefined,
          inSync: !!r?.inSync,
          down: brokersById[broker]?.status === 'down',
        };
      },
      colorsOf(c),
      selectedPartition,
    );
  }, [layout, t, size, replicasByKey, brokersById, selectedPartition, theme]);

  // the zoom actions (buttons, keys + and −) apply while the overview is shown
  const { zoomIn, zoomOut, reset } = zoom;
  useEffect(() => {
    lentStore.setState({ zoom: { zoomIn, zoomOut, reset } });
    return () => lentStore.setState({ zoom: null });
  }, [zoomIn, zoomOut, reset]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const cell = cellAt(layout, t, e.clientX - rect.left, e.clientY - rect.top);
    if (cell) selectPartition(cell.partition);
  };

  const rowHeight = layout.rowHeight * t.k;
  // the row's text grows with its row (readable from the back), within 12..20 px
  const rowFont = Math.max(12, Math.min(20, layout.rowHeight * 0.72));
  return (
    <div
      className="overview"
      data-testid="overview"
      data-zoom={t.k.toFixed(3)}
      data-pan={`${t.x.toFixed(1)},${t.y.toFixed(1)}`}
    >
      <div className="overview-tools" role="toolbar" aria-label="Zoom the replica grid">
        <ActionButton id="zoomOut" />
        <span className="zoom-level" aria-live="polite" aria-label="Zoom level">
          {Math.round(t.k * 100)}%
        </span>
        <ActionButton id="zoomIn" />
        <ActionButton id="zoomReset" />
        <span className="muted">
          wheel: scroll · Ctrl+wheel or pinch: zoom · drag: pan · double-click: zoom in · names from
          250%
        </span>
      </div>
      <div
        className="overview-viewport"
        style={{ gridTemplateColumns: `${Math.round(rowFont * 24)}px 1fr` }}
      >
        <div className="overview-rows">
          {brokers.map((id, i) => {
            const b = brokersById[id];
            const top = t.y + i * rowHeight;
            return (
              <div
                key={id}
                className={`overview-row ${selectedBroker === id ? 'selected' : ''}`}
                style={{ top, height: rowHeight, fontSize: rowFont }}
                // keyboard users reach rows panned out of view: bring the row back in
                onFocus={() => {
                  if (top < 0) zoom.panBy(0, -top);
                  else if (top + rowHeight > size.height)
                    zoom.panBy(0, size.height - top - rowHeight);
                }}
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
                <span
                  className="muted"
                  title={`${flows[`out:broker:${id}`] ?? 0} messages on their way out, ${flows[`in:broker:${id}`] ?? 0} on their way in`}
                >
                  {`leads ${b?.leaders ?? 0} · follows ${b?.followers ?? 0}`}
                </span>
                <KillOrRestart id={id} />
              </div>
            );
          })}
        </div>
        <div className="overview-canvas-box" ref={box}>
          <canvas
            ref={canvas}
            className="overview-canvas"
            style={{ width: size.width, height: size.height }}
            onClick={onClick}
            role="img"
            aria-label={`${layout.cells.length} replicas: leaders dark, followers light, out of sync red; click one to inspect its partition`}
          />
        </div>
      </div>
    </div>
  );
}
