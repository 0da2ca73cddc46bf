import { describe, expect, it } from 'vitest';
import { headerRects, labelObstacles, placeMessageLabels } from './message-labels';
import type { Rect } from './tag-placement';

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const f = 20;
// two cards side by side, 38 px headers (1.9 font sizes)
const headers = headerRects(
  {
    1: { x: 100, y: 100, w: 230, h: 140 },
    2: { x: 346, y: 100, w: 230, h: 140 },
  },
  38,
);
const bounds = { width: 800, height: 400 };
const label = (x: number, y: number) => ({ x, y, r: 0.38 * f, w: 80, h: 1.4 * f });

describe('message labels', () => {
  it('stand above their dot when nothing is there', () => {
    const [box] = placeMessageLabels([label(400, 320)], headers, bounds, 4);
    expect(box).not.toBeNull();
    expect(box!.y + box!.h).toBeLessThanOrEqual(320 - 0.38 * f);
    expect(Math.abs(box!.x + box!.w / 2 - 400)).toBeLessThan(1);
  });

  it('never cover a card header: a dot just under one gets its label below or beside it', () => {
    // the dot on the first chip row, right under broker 1's header: above would cover the name
    const dots = [label(150, 150), label(215, 160), label(330, 110), label(460, 105)];
    const boxes = placeMessageLabels(dots, headers, bounds, 4);
    for (const box of boxes) {
      expect(box).not.toBeNull();
      for (const h of headers) expect(overlaps(box!, h), JSON.stringify(box)).toBe(false);
    }
  });

  it('a label that would land on another is left out, none overlap', () => {
    const same = [label(400, 320), label(400, 320), label(400, 320), label(402, 318)];
    const boxes = placeMessageLabels(same, headers, bounds, 4);
    const kept = boxes.filter((b): b is Rect => b !== null);
    expect(kept.length).toBeGreaterThanOrEqual(2); // moved below and beside before leaving out
    for (let i = 0; i < kept.length; i++)
      for (let j = i + 1; j < kept.length; j++) expect(overlaps(kept[i]!, kept[j]!)).toBe(false);
  });

  it("leave a producer's name and acks readable when the record has just left it", () => {
    const producer = { x: 10, y: 150, w: 172, h: 108 };
    const obstacles = labelObstacles({
      brokers: { 1: { x: 300, y: 100, w: 230, h: 140 } },
      header: 38,
      actions: 36,
      clients: { P: producer },
      controllers: {},
    });
    // the dot on the producer's right edge, on its way to the leader
    const [box] = placeMessageLabels([label(182, 190)], obstacles, bounds, 4);
    expect(box).not.toBeNull();
    for (const o of obstacles) expect(overlaps(box!, o), JSON.stringify(o)).toBe(false);
  });

  it('a dot still inside a producer: its label stands above or below the producer, not over it', () => {
    const producer = { x: 10, y: 130, w: 340, h: 68 };
    const obstacles = labelObstacles({
      brokers: { 1: { x: 30, y: 260, w: 460, h: 260 } },
      header: 38,
      actions: 36,
      clients: { P: producer },
      controllers: {},
    });
    const [box] = placeMessageLabels([label(180, 164)], obstacles, bounds, 4);
    expect(box).not.toBeNull();
    for (const o of obstacles) expect(overlaps(box!, o), JSON.stringify(o)).toBe(false);
  });

  it("an ack leaving a leader chip covers neither that chip's name and offsets nor its neighbour's when there is room", () => {
    // broker 1's card: header, two chips side by side, room for a label, then its buttons
    const card = { x: 300, y: 100, w: 300, h: 176 };
    const chips = {
      'p0@1': { x: 309, y: 138, w: 104, h: 51 },
      'p1@1': { x: 420, y: 138, w: 104, h: 51 },
    };
    const obstacles = labelObstacles({
      brokers: { 1: card },
      header: 38,
      actions: 36,
      clients: {},
      controllers: {},
      chips,
    });
    const [box] = placeMessageLabels([label(361, 163)], obstacles, bounds, 4);
    expect(box).not.toBeNull();
    for (const o of obstacles) expect(overlaps(box!, o), JSON.stringify(o)).toBe(false);
  });
});
