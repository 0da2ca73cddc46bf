// Where the stage's tags ("p0: new leader · epoch 1", "p0: old leader") stand: each next to its
// chip where it covers nothing the class reads (other chips, card headers, the card buttons,
// controllers, clients, tags placed before it). A greedy placer: tags are taken in priority
// order, each tries spots around its chip and its card, then any spot nearby, and keeps the
// cheapest (covered area first, then distance). A tag that must move away from its chip gets a line to it; an
// optional tag that would cover something is left out (its chip is still marked).

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TagRequest {
  w: number;
  h: number;
  /** the chip it names */
  target: Rect;
  /** the card holding the chip: spots above and below it are tried too */
  card?: Rect | undefined;
  /** left out rather than covering anything */
  optional?: boolean;
  /** only the spots beside the target, not the scan of the room around it (message labels
      move every frame: a few spots are enough and cheap) */
  near?: boolean;
}

export interface PlacedTag extends Rect {
  /** the tag does not touch its chip: a line joins them */
  line: boolean;
}

export function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function gapBetween(a: Rect, b: Rect): number {
  const dx = Math.max(0, a.x - (b.x + b.w), b.x - (a.x + a.w));
  const dy = Math.max(0, a.y - (b.y + b.h), b.y - (a.y + a.h));
  return Math.hypot(dx, dy);
}

/** Spots to try, nearest first: above and below the chip, beside it, above and below its card. */
function candidates(t: TagRequest, pad: number): { x: number; y: number }[] {
  const { w, h, target: c, card } = t;
  const xs = (r: Rect) => [r.x + r.w / 2 - w / 2, r.x, r.x + r.w - w];
  const out: { x: number; y: number }[] = [];
  for (const x of xs(c)) out.push({ x, y: c.y - h - pad }, { x, y: c.y + c.h + pad });
  out.push({ x: c.x + c.w + pad, y: c.y + c.h / 2 - h / 2 });
  out.push({ x: c.x - w - pad, y: c.y + c.h / 2 - h / 2 });
  if (card) {
    for (const x of [...xs(c), ...xs(card)])
      out.push({ x, y: card.y - h - pad }, { x, y: card.y + card.h + pad });
    // the card's foot, left of its buttons
    out.push({ x: card.x + pad, y: card.y + card.h - h - pad });
  }
  if (t.near) {
    // a dot inside a box: beside that box too, at the dot's height
    if (card)
      out.push(
        { x: card.x - w - pad, y: c.y + c.h / 2 - h / 2 },
        { x: card.x + card.w + pad, y: c.y + c.h / 2 - h / 2 },
      );
    return out;
  }
  // then any spot nearby (an empty slot, the room between cards), scanned in half-tag steps
  const stepX = Math.max(pad, h / 2);
  const stepY = Math.max(pad, h / 2);
  for (let dy = -4 * h; dy <= 4 * h; dy += stepY)
    for (let dx = -w; dx <= w; dx += stepX)
      out.push({ x: c.x + c.w / 2 - w / 2 + dx, y: c.y + c.h / 2 - h / 2 + dy });
  return out;
}

export function placeTags(
  tags: TagRequest[],
  obstacles: Rect[],
  bounds: { width: number; height: number },
  pad: number,
): (PlacedTag | null)[] {
  const placed: Rect[] = [];
  return tags.map((t) => {
    let best: { r: Rect; cost: number; covered: number } | null = null;
    // only what stands within reach of the spots tried
    const reach = {
      x: t.target.x - 2 * t.w,
      y: t.target.y - 6 * t.h - (t.card ? t.card.h : 0),
      w: t.target.w + 4 * t.w,
      h: t.target.h + 12 * t.h + 2 * (t.card ? t.card.h : 0),
    };
    const near = obstacles.filter((o) => overlapArea(o, reach) > 0);
    for (const spot of candidates(t, pad)) {
      // kept on the stage: a spot past an edge shifts inwards
      const x = Math.max(pad, Math.min(bounds.width - t.w - pad, spot.x));
      const y = Math.max(pad, Math.min(bounds.height - t.h - pad, spot.y));
      const r = { x, y, w: t.w, h: t.h };
      let covered = 0;
      for (const o of placed) covered += overlapArea(r, o) * 4; // tags over tags: the worst
      for (const o of near) covered += overlapArea(r, o);
      covered += overlapArea(r, t.target) * 2; // never over its own chip
      const cost = covered * 10 + gapBetween(r, t.target) * t.h;
      if (!best || cost < best.cost) best = { r, cost, covered };
    }
    if (!best || (t.optional && best.covered > 0)) return null;
    placed.push(best.r);
    return { ...best.r, line: gapBetween(best.r, t.target) > pad * 1.5 };
  });
}
