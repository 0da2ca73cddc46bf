// What the stage says on top of the cards: the new and the old leader after a leadership move,
// a produce error at the producer and at the leader with its reason, and cut network links.
import { useSim } from '../../store/use-sim';
import { useSlowSim } from './slow-store';
import type { SimStoreState } from '../../store/store';
import { useLayout, type StageModel } from './layout-context';
import { selectFocusPartition } from './stage-selectors';
import { anchorOf } from '../../viz/routes';
import { chipLabel } from '../../viz/labels';
import { placeTags, type Rect, type TagRequest } from '../../viz/tag-placement';
import { useMemo } from 'react';

const MAX_TAGS = 6;
const EMPTY: never[] = [];

const selectLeaderChanges = (s: SimStoreState) => s.view?.leaderChanges ?? EMPTY;
const selectProduceErrors = (s: SimStoreState) => s.view?.produceErrors ?? EMPTY;
const selectCutsKey = (s: SimStoreState) =>
  (s.view?.cuts ?? EMPTY).map(([a, b]) => `${a}|${b}`).join('\n');
const selectPartitions = (s: SimStoreState) => s.partitionsByName;
const selectAcks = (s: SimStoreState) => s.view?.clients;

/** Width of a text of `n` characters at font size `f` (bold sans, a little generous). */
export function textWidth(n: number, f: number): number {
  return n * f * 0.6;
}

function Tag({
  x,
  y,
  text,
  className,
  f,
  maxX,
  anchor = 'middle',
}: {
  x: number;
  y: number;
  text: string;
  className: string;
  f: number;
  /** the stage's width */
  maxX: number;
  anchor?: 'middle' | 'start';
}) {
  const w = textWidth(text.length, f) + f * 0.7;
  // kept on the stage: a tag near its edge shifts inwards
  const left = Math.max(0, Math.min(maxX - w, anchor === 'middle' ? x - w / 2 : x));
  return (
    <g className={`stage-tag ${className}`}>
      <rect x={left} y={y - f * 1.15} width={w} height={f * 1.45} rx={f * 0.3} />
      <text x={left + w / 2} y={y} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** A placed tag; a line to its chip when it had to stand away from it. */
function PlacedTag({
  spot,
  target,
  text,
  className,
  f,
}: {
  spot: Rect & { line: boolean };
  target: Rect;
  text: string;
  className: string;
  f: number;
}) {
  const cx = spot.x + spot.w / 2;
  const cy = spot.y + spot.h / 2;
  return (
    <g className={`stage-tag ${className}`}>
      {spot.line ? (
        <line
          className="tag-line"
          x1={cx}
          y1={cy}
          x2={Math.max(target.x, Math.min(target.x + target.w, cx))}
          y2={Math.max(target.y, Math.min(target.y + target.h, cy))}
        />
      ) : null}
      <rect x={spot.x} y={spot.y} width={spot.w} height={spot.h} rx={f * 0.3} />
      <text x={cx} y={spot.y + f * 1.15} textAnchor="middle">
        {text}
      </text>
    </g>
  );
}

/** What a tag must not cover: chips, card headers and buttons, controllers and clients. */
function obstaclesOf(layout: StageModel): Rect[] {
  const f = layout.font;
  const out: Rect[] = [...Object.values(layout.chips)];
  for (const card of Object.values(layout.brokers)) {
    out.push({ x: card.x, y: card.y, w: card.w, h: layout.header });
    // the buttons stand right in the card's foot (Kill, Stop, Pause)
    const buttons = Math.min(card.w, f * 9.5);
    out.push({
      x: card.x + card.w - buttons,
      y: card.y + card.h - layout.actions,
      w: buttons,
      h: layout.actions,
    });
  }
  out.push(...Object.values(layout.controllers), ...Object.values(layout.clients));
  return out;
}

export function StageOverlays() {
  const layout = useLayout();
  const f = layout.font;
  const focus = useSim(selectFocusPartition);
  const changes = useSlowSim(selectLeaderChanges);
  const errors = useSlowSim(selectProduceErrors);
  const cuts = useSlowSim(selectCutsKey).split('\n').filter(Boolean);
  const partitions = useSlowSim(selectPartitions);
  const clients = useSlowSim(selectAcks);
  const shown = useMemo(
    () => changes.filter((c) => focus === null || c.partition === focus).slice(0, MAX_TAGS),
    [changes, focus],
  );
  const error = errors.find((e) => focus === null || e.partition === focus);
  const obstacles = useMemo(() => obstaclesOf(layout), [layout]);
  // the new leaders first (what the class must see), then the old ones where there is room
  const spots = useMemo(() => {
    const h = f * 1.45;
    const request = (
      partition: string,
      broker: number | null,
      text: string,
      optional: boolean,
    ): TagRequest | null => {
      const target = broker !== null ? layout.chips[`${partition}@${broker}`] : undefined;
      if (!target) return null;
      return {
        w: textWidth(text.length, f) + f * 0.7,
        h,
        target,
        card: layout.brokers[broker!],
        optional,
      };
    };
    const requests = [
      ...shown.map((c) =>
        request(
          c.partition,
          c.leader,
          newLeaderText(chipLabel(c.partition, false), c.leaderEpoch, c.unclean),
          false,
        ),
      ),
      ...shown.map((c) =>
        request(
          c.partition,
          c.previousLeader,
          `${chipLabel(c.partition, false)}: old leader`,
          true,
        ),
      ),
    ];
    const present = requests.filter((r): r is TagRequest => r !== null);
    const placed = placeTags(present, obstacles, layout, f * 0.25);
    let k = 0;
    return requests.map((r) => (r ? (placed[k++] ?? null) : null));
  }, [shown, layout, obstacles, f]);
  return (
    <g className="stage-overlays">
      {cuts.map((key) => (
        <CutLink key={key} layout={layout} pair={key.split('|') as [string, string]} />
      ))}
      {shown.map((c, i) => {
        const spot = spots[i];
        const old = spots[shown.length + i];
        const name = chipLabel(c.partition, false);
        return (
          <g key={c.partition} data-testid={`leader-move-${c.partition}`}>
            {old && c.previousLeader !== null ? (
              <PlacedTag
                spot={old}
                target={layout.chips[`${c.partition}@${c.previousLeader}`]!}
                f={f}
                className="tag-old-leader"
                text={`${name}: old leader`}
              />
            ) : null}
            {spot && c.leader !== null ? (
              <PlacedTag
                spot={spot}
                target={layout.chips[`${c.partition}@${c.leader}`]!}
                f={f}
                className={c.unclean ? 'tag-unclean' : 'tag-new-leader'}
                text={newLeaderText(name, c.leaderEpoch, c.unclean)}
              />
            ) : null}
          </g>
        );
      })}
      {error ? (
        <ErrorCallout
          layout={layout}
          error={error}
          reason={reasonOf(
            error.error,
            partitions[error.partition],
            clients?.find((c) => c.id === error.client)?.acks ?? null,
          )}
        />
      ) : null}
    </g>
  );
}

function newLeaderText(name: string, epoch: number, unclean: boolean): string {
  return `${name}: new leader · epoch ${epoch}${unclean ? ' (unclean)' : ''}`;
}

/** Why the leader refused: the numbers the class checks. */
export function reasonOf(
  error: string,
  p: { minIsr: number; isr: number[]; leader: number | null } | undefined,
  acks: string | null,
): string {
  if (!p) return '';
  if (error === 'NOT_ENOUGH_REPLICAS' || error === 'NOT_ENOUGH_REPLICAS_AFTER_APPEND')
    return `acks=${acks ?? 'all'} needs ${p.minIsr} in-sync replicas; ISR is [${p.isr.join(', ')}]`;
  if (error === 'NOT_LEADER_OR_FOLLOWER')
    return 'the leader moved; the producer refreshes metadata';
  if (error === 'REQUEST_TIMED_OUT') return 'no answer in time; the producer retries';
  if (p.leader === null) return 'the partition has no leader';
  return '';
}

function ErrorCallout({
  layout,
  error,
  reason,
}: {
  layout: StageModel;
  error: { partition: string; client: string; broker: number | null; error: string };
  reason: string;
}) {
  const f = layout.font;
  const producer = layout.clients[error.client];
  const leader =
    error.broker !== null ? layout.chips[`${error.partition}@${error.broker}`] : undefined;
  const lines = [error.error, reason].filter(Boolean);
  // the error name is bold capitals: wider than the average letter
  const w = Math.max(textWidth(error.error.length * 1.15, f), textWidth(reason.length, f)) + f;
  const h = lines.length * f * 1.3 + f * 0.5;
  // the callout stands next to the producer where it covers nothing (not the controllers, not
  // a card's header or chips); a line points at the leader's chip
  const spot = producer
    ? placeTags([{ w, h, target: producer }], obstaclesOf(layout), layout, f * 0.4)[0]
    : null;
  const x = spot ? spot.x : f;
  const y = spot ? spot.y : f;
  const mark = (box: Rect, testId: string) => (
    <rect
      className="callout-mark"
      data-testid={testId}
      x={box.x - f * 0.15}
      y={box.y - f * 0.15}
      width={box.w + f * 0.3}
      height={box.h + f * 0.3}
      rx={f * 0.35}
    />
  );
  return (
    <g className="error-callout" data-testid="produce-error" role="alert">
      {/* the producer that was refused is ringed too: the class sees who got the error */}
      {producer ? mark(producer, 'produce-error-producer') : null}
      {leader ? (
        <>
          <line x1={x + w / 2} y1={y + h} x2={leader.cx} y2={leader.cy} className="callout-line" />
          {mark(leader, 'produce-error-leader')}
        </>
      ) : null}
      <rect x={x} y={y} width={Math.min(w, layout.width - x - f * 0.2)} height={h} rx={f * 0.3} />
      {lines.map((l, i) => (
        <text
          key={i}
          x={x + f * 0.5}
          y={y + f * (1.25 + 1.3 * i)}
          className={i === 0 ? 'callout-title' : ''}
        >
          {l}
        </text>
      ))}
    </g>
  );
}

function CutLink({ layout, pair }: { layout: StageModel; pair: [string, string] }) {
  const f = layout.font;
  const at = (addr: string) => {
    if (addr === 'controller') {
      const cs = Object.values(layout.controllers);
      if (cs.length === 0) return null;
      const xs = cs.map((c) => c.cx);
      return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: cs[0]!.cy };
    }
    const node = anchorOf(layout, addr, null);
    const b = addr.startsWith('broker:') ? layout.brokers[Number(addr.slice(7))] : undefined;
    return b ? { x: b.cx, y: b.cy } : node;
  };
  const a = at(pair[0]);
  const b = at(pair[1]);
  if (!a || !b) return null;
  const mx = (a.x + b.x) / 2;
  const my = (a.y + b.y) / 2;
  return (
    <g className="cut-link" data-testid={`cut-${pair[0]}-${pair[1]}`}>
      <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} />
      <Tag
        x={mx}
        y={my + f * 0.5}
        f={f}
        maxX={layout.width}
        className="tag-cut"
        text="✕ link cut"
      />
    </g>
  );
}
