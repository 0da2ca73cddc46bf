// Where a message's label ("r1 @3") stands: beside its dot, never over a broker card's header (the
// name, the status and the session arc the class reads), as far as it can off the clients' and
// controllers' boxes, and never over a label placed before it. The
// tag placer's near spots (above, below, beside the dot) are tried; a label that would still land
// on another label is left out (its dot still shows).
import { overlapArea, placeTags, type Rect } from './tag-placement';

export interface LabelRequest {
  /** the dot's centre and radius */
  x: number;
  y: number;
  r: number;
  /** the label's box size */
  w: number;
  h: number;
}

/** The header strip of each broker card: what a label must leave readable. */
export function headerRects(brokers: Record<number, Rect>, header: number): Rect[] {
  return Object.values(brokers).map((b) => ({ x: b.x, y: b.y, w: b.w, h: header }));
}

/**
 * What labels keep off: the cards' headers and buttons, the replica chips (their names and LEO/HW),
 * the clients' and controllers' boxes. The headers come first: a dot inside one of these boxes
 * tries the spots above and below the first box that holds it.
 */
export function labelObstacles(layout: {
  brokers: Record<number, Rect>;
  header: number;
  actions: number;
  clients: Record<string, Rect>;
  controllers: Record<number, Rect>;
  chips?: Record<string, Rect>;
}): Rect[] {
  return [
    ...headerRects(layout.brokers, layout.header),
    ...Object.values(layout.brokers).map((b) => ({
      x: b.x,
      y: b.y + b.h - layout.actions,
      w: b.w,
      h: layout.actions,
    })),
    ...Object.values(layout.clients),
    ...Object.values(layout.controllers),
    ...Object.values(layout.chips ?? {}),
  ];
}

/** A box for each label (in the requests' order), or null for one left out. */
export function placeMessageLabels(
  labels: LabelRequest[],
  obstacles: Rect[],
  bounds: { width: number; height: number },
  pad: number,
): (Rect | null)[] {
  const placed = placeTags(
    labels.map((l) => ({
      w: l.w,
      h: l.h,
      target: { x: l.x - l.r, y: l.y - l.r, w: 2 * l.r, h: 2 * l.r },
      // a dot still inside a box (leaving a producer): the spots above and below that box too
      card: obstacles.find((o) => l.x > o.x && l.x < o.x + o.w && l.y > o.y && l.y < o.y + o.h),
      near: true,
    })),
    obstacles,
    bounds,
    pad,
  );
  const kept: Rect[] = [];
  return placed.map((p) => {
    if (!p || kept.some((k) => overlapArea(k, p) > 0)) return null;
    const box = { x: p.x, y: p.y, w: p.w, h: p.h };
    kept.push(box);
    return box;
  });
}
