// The log lane: the followed partition's log on the stage, one row per replica (leader first),
// records coloured by leader epoch, the high watermark as a solid line, the uncommitted tail
// dashed, each follower's fetch offset as an arrow, truncated and lost records struck out in red.
import { useState } from 'react';
import { scaleLinear } from 'd3-scale';
import { useSim } from '../../store/use-sim';
import { useSlowSim } from './slow-store';
import { selectInspector, selectMultiTopic, selectStatus } from '../../store/selectors';
import { selectFocusPartition } from './stage-selectors';
import { epochColor, laneRows, laneWindow, twoLines, type LaneRow } from '../../viz/log-lane';
import { laneMemory } from './lane-memory';
import { chipLabel, recordLabel } from '../../viz/labels';
import { useBoxSize } from './use-box-size';
import type { InspectorView } from '../../protocol/view';

/** the second line of a row with a struck record, in font sizes */
const TALL = 0.95;

export function LogLane({ font }: { font: number }) {
  const focus = useSim(selectFocusPartition);
  const inspector = useSlowSim(selectInspector);
  if (focus === null || inspector === null || inspector.partition !== focus) return null;
  return <Lane inspector={inspector} font={font} />;
}

function Lane({ inspector, font: f }: { inspector: InspectorView; font: number }) {
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  const { width } = useBoxSize(box);
  const multiTopic = useSim(selectMultiTopic);
  const status = useSlowSim(selectStatus);
  const mem = laneMemory();
  const labelW = 7.2 * f;
  const rightW = 9 * f;
  const cellW = 2.7 * f;
  const rowH = 1.55 * f;
  const capacity = Math.max(1, Math.floor((Math.max(width, 20 * f) - labelW - rightW) / cellW));
  // the LEO · HW column, clear of a fetch arrow on the last offset
  const rightX = labelW + capacity * cellW + f * 0.8;
  const { first, last } = laneWindow(inspector, mem, capacity);
  const lost = (status?.losses ?? []).filter((l) => l.partition === inspector.partition);
  const rows = laneRows(inspector, mem, lost, first, last);
  const x = scaleLinear()
    .domain([first, first + capacity])
    .range([labelW, labelW + capacity * cellW]);
  // a row with a struck record has a second line: the struck record above what stands there now
  const heights = rows.map((r) => (twoLines(r) ? rowH + TALL * f : rowH));
  const headH = 1.15 * f; // the offsets row
  const tops = heights.map((_, i) => headH + heights.slice(0, i).reduce((a, b) => a + b, 0));
  const height = headH + heights.reduce((a, b) => a + b, 0) + f * 0.2;
  const leaderRow = rows.find((r) => r.role === 'leader');
  const name = chipLabel(inspector.partition, multiTopic);
  const ticks = x.ticks(Math.min(capacity, 12)).filter((t) => Number.isInteger(t) && t <= last + 1);
  return (
    <div
      className="log-lane"
      ref={setBox}
      data-testid="log-lane"
      data-partition={inspector.partition}
      aria-label={`Log of ${inspector.partition}`}
    >
      <svg width="100%" height={height} style={{ fontSize: f }} role="img">
        <title>{`Log of ${inspector.partition}: ${rows.map((r) => `broker ${r.broker} LEO ${r.leo} HW ${r.hw}`).join('; ')}`}</title>
        <text className="lane-title" x={f * 0.3} y={f * 0.95}>
          {`${name} log`}
        </text>
        {ticks.map((t) => (
          <text key={t} className="lane-tick" x={x(t) + cellW / 2} y={f * 0.95} textAnchor="middle">
            {t}
          </text>
        ))}
        <text className="lane-tick" x={rightX} y={f * 0.95}>
          LEO · HW
        </text>
        {rows.map((r, i) => (
          <Row
            key={r.broker}
            row={r}
            y={tops[i]!}
            rowH={heights[i]!}
            f={f}
            x={x}
            cellW={cellW}
            rightX={rightX}
            leaderLeo={leaderRow?.leo ?? 0}
            first={first}
          />
        ))}
      </svg>
    </div>
  );
}

/**
 * The fetch arrow's label: "fetch @N", or just "@N" when the offset is one of the last on screen
 * and the words would run into the LEO · HW column (about 0.62 em a character, bold).
 */
function fetchLabel(offset: number, room: number, f: number): string {
  const full = `fetch @${offset}`;
  return full.length * 0.62 * f <= room ? full : `@${offset}`;
}

function Row({
  row,
  y,
  f,
  x,
  cellW,
  rowH,
  rightX,
  leaderLeo,
  first,
}: {
  row: LaneRow;
  y: number;
  f: number;
  x: (n: number) => number;
  cellW: number;
  rowH: number;
  rightX: number;
  leaderLeo: number;
  /** the first offset on screen: a follower further behind has its arrow at the lane's start */
  first: number;
}) {
  const down = row.status === 'down';
  const role = down ? 'offline' : row.role === 'none' ? row.status : row.role;
  const top = y + f * 0.2;
  const h = rowH - f * 0.4;
  const tall = twoLines(row);
  // the baseline of a one-line row; a tall row has the struck records on a line above it, a
  // full line apart (the fetch arrow stays on the lower line, clear of a struck record)
  const mid = tall ? top + h - f * 0.3 : top + h / 2 + f * 0.36;
  const upper = top + f * 0.95;
  const follower = row.role === 'follower' && !down;
  const fetchAt = Math.max(row.leo, first);
  return (
    <g
      className={`lane-row lane-${role} ${row.inSync ? '' : 'lane-out-of-sync'}`}
      data-testid={`lane-row-${row.broker}`}
      data-leo={row.leo}
      data-hw={row.hw}
      data-struck={row.ghosts.length + row.cells.filter((c) => c.ghost).length}
    >
      <text className="lane-label" x={f * 0.3} y={mid}>
        <tspan className="lane-broker">{`b${row.broker}`}</tspan>
        {` ${role}`}
      </text>
      {row.cells.map((c) => (
        <g
          key={c.offset}
          className={`lane-cell ${c.committed ? 'committed' : 'uncommitted'} ${c.ghost ? 'replaced' : ''}`}
        >
          <title>{`offset ${c.offset}: ${c.value}, leader epoch ${c.epoch}${c.committed ? '' : ', uncommitted (above the HW)'}${c.ghost ? `; ${c.ghost.value} stood here before (${c.ghost.why})` : ''}`}</title>
          <rect
            x={x(c.offset) + f * 0.08}
            y={top}
            width={cellW - f * 0.16}
            height={h}
            rx={f * 0.15}
            style={{ fill: epochColor(c.epoch) }}
          />
          <text x={x(c.offset) + cellW / 2} y={mid} textAnchor="middle">
            {recordLabel(c.value)}
          </text>
          {c.ghost ? (
            <g className="lane-struck" data-why={c.ghost.why}>
              <text x={x(c.offset) + cellW / 2} y={upper} textAnchor="middle">
                {recordLabel(c.ghost.value)}
              </text>
              <line
                x1={x(c.offset) + f * 0.3}
                x2={x(c.offset) + cellW - f * 0.3}
                y1={upper - f * 0.32}
                y2={upper - f * 0.32}
              />
            </g>
          ) : null}
        </g>
      ))}
      {row.ghosts.map((g) => (
        <g key={`${g.offset}-${g.value}`} className="lane-cell ghost" data-why={g.why}>
          <title>{`offset ${g.offset}: ${g.value} was ${g.why === 'lost' ? 'acknowledged and lost' : 'truncated'}`}</title>
          <rect
            x={x(g.offset) + f * 0.08}
            y={top}
            width={cellW - f * 0.16}
            height={f * 1.1}
            rx={f * 0.15}
          />
          <text x={x(g.offset) + cellW / 2} y={upper} textAnchor="middle">
            {recordLabel(g.value)}
          </text>
          <line
            x1={x(g.offset) + f * 0.2}
            x2={x(g.offset) + cellW - f * 0.2}
            y1={upper - f * 0.32}
            y2={upper - f * 0.32}
          />
        </g>
      ))}
      <line
        className="lane-hw"
        x1={x(row.hw)}
        x2={x(row.hw)}
        y1={top - f * 0.15}
        y2={top + h + f * 0.15}
      />
      {follower && row.leo < leaderLeo ? (
        <g className="lane-fetch">
          <path
            d={`M${x(fetchAt) + f * 0.25},${mid - f * 0.35} l${f * 0.6},-${f * 0.35} l0,${f * 0.7} z`}
          />
          <text x={x(fetchAt) + f * 0.95} y={mid}>
            {fetchLabel(row.leo, rightX - f * 0.3 - (x(fetchAt) + f * 0.95), f)}
          </text>
        </g>
      ) : null}
      <text className="lane-offsets" x={rightX} y={mid}>
        {`LEO ${row.leo} · HW ${row.hw}`}
      </text>
    </g>
  );
}
