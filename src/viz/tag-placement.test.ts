import { describe, expect, it } from 'vitest';
import { placeTags, type Rect } from './tag-placement';

const overlap = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

// two cards side by side, two rows of three chips each, 20 px text
const f = 20;
const card = (x: number): Rect => ({ x, y: 60, w: 340, h: 200 });
const chipsOf = (c: Rect): Rect[] =>
  [0, 1].flatMap((row) =>
    [0, 1, 2].map((col) => ({ x: c.x + 9 + col * 111, y: c.y + 38 + row * 58, w: 104, h: 51 })),
  );
const cards = [card(20), card(380)];
const chips = cards.flatMap(chipsOf);
const headers = cards.map((c) => ({ x: c.x, y: c.y, w: c.w, h: 38 }));
const obstacles = [...chips, ...headers];
const bounds = { width: 760, height: 420 };

describe('tag placement', () => {
  it('puts two new-leader tags for neighbouring chips apart, over no chip and no card header', () => {
    const w = 24 * f * 0.6 + f * 0.7;
    const placed = placeTags(
      [
        { w, h: f * 1.45, target: chips[4]!, card: cards[0] },
        { w, h: f * 1.45, target: chips[5]!, card: cards[0] },
      ],
      obstacles,
      bounds,
      5,
    );
    expect(placed.every((p) => p !== null)).toBe(true);
    const [a, b] = placed as Rect[];
    expect(overlap(a!, b!)).toBe(false);
    for (const o of obstacles) {
      expect(overlap(a!, o)).toBe(false);
      expect(overlap(b!, o)).toBe(false);
    }
    for (const p of placed as Rect[]) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x + p.w).toBeLessThanOrEqual(bounds.width);
    }
  });

  it('leaves an optional tag out rather than cover anything', () => {
    // a stage with no free room at all: every spot covers a chip
    const full = { x: 0, y: 0, w: 760, h: 420 };
    const placed = placeTags(
      [{ w: 200, h: 29, target: chips[0]!, card: cards[0], optional: true }],
      [full],
      bounds,
      5,
    );
    expect(placed).toEqual([null]);
  });

  it('draws a line to the chip only when the tag stands away from it', () => {
    const [near] = placeTags(
      [{ w: 100, h: 29, target: { x: 300, y: 300, w: 100, h: 50 } }],
      [],
      bounds,
      5,
    );
    expect(near!.line).toBe(false);
  });
});
