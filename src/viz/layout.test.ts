import { describe, expect, it } from 'vitest';
import { layoutStage, viewportFont, type LayoutInput } from './layout';

const lecture: LayoutInput = {
  brokers: [0, 1, 2, 3, 4, 5],
  controllers: [101, 102, 103],
  producers: ['producer'],
  consumers: ['consumer'],
  maxReplicasPerBroker: 6,
};

const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('stage layout', () => {
  it('asks for 20 px text at 1920x1080 and 14 px at 1280x800', () => {
    expect(viewportFont(1920, 1080)).toBe(20);
    expect(viewportFont(1280, 800)).toBeCloseTo(14, 0);
  });

  it('keeps the lecture at least at the font the viewport asks for, every box inside the stage, none overlapping', () => {
    const l = layoutStage(lecture, { width: 1400, height: 760, font: 20 });
    expect(l.font).toBeGreaterThanOrEqual(20);
    const boxes = [
      ...Object.values(l.brokers),
      ...Object.values(l.controllers),
      ...Object.values(l.clients),
    ];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(1400 + 0.01);
      expect(b.y + b.h).toBeLessThanOrEqual(760 + 0.01);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
  });

  it('shrinks the text rather than overflow: 30 brokers of 30 replicas fit their cards', () => {
    const l = layoutStage(
      { ...lecture, brokers: Array.from({ length: 30 }, (_, i) => i), maxReplicasPerBroker: 30 },
      { width: 1400, height: 760, font: 20 },
    );
    expect(l.font).toBeLessThan(20);
    const rows = Math.ceil(30 / l.chip.perRow);
    for (const card of Object.values(l.brokers)) {
      expect(card.x + card.w).toBeLessThanOrEqual(1400 + 0.01);
      expect(card.y + card.h).toBeLessThanOrEqual(760 + 0.01);
      // the chips' rows, the header and the actions stay inside the card
      expect(l.header + rows * (l.chip.h + l.chip.gap) + l.actions).toBeLessThanOrEqual(card.h);
      expect(l.chip.perRow * (l.chip.w + l.chip.gap)).toBeLessThanOrEqual(card.w);
    }
  });

  it('never under the readable floor: 30 brokers of 30 replicas keep 20 px and grow taller (the stage scrolls)', () => {
    const l = layoutStage(
      { ...lecture, brokers: Array.from({ length: 30 }, (_, i) => i), maxReplicasPerBroker: 30 },
      { width: 1400, height: 760, font: 20, minFont: 20 },
    );
    expect(l.font).toBe(20);
    expect(l.height).toBeGreaterThan(760);
    const cards = Object.values(l.brokers);
    const rows = Math.ceil(30 / l.chip.perRow);
    for (const card of cards) {
      expect(card.x).toBeGreaterThanOrEqual(0);
      expect(card.x + card.w).toBeLessThanOrEqual(1400 + 0.01);
      expect(card.y + card.h).toBeLessThanOrEqual(l.height + 0.01);
      expect(l.header + rows * (l.chip.h + l.chip.gap) + l.actions).toBeLessThanOrEqual(card.h);
    }
    for (let i = 0; i < cards.length; i++)
      for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i]!, cards[j]!)).toBe(false);
  });

  it('a cluster that fits keeps the box height with a floor', () => {
    const l = layoutStage(lecture, { width: 1400, height: 760, font: 20, minFont: 20 });
    expect(l.height).toBe(760);
    expect(l.font).toBeGreaterThanOrEqual(20);
  });

  it('stacks three producers without overlap', () => {
    const l = layoutStage(
      { ...lecture, brokers: [1, 2, 3], producers: ['P', 'P1', 'P0'], maxReplicasPerBroker: 1 },
      { width: 1400, height: 400, font: 20 },
    );
    const [a, b, c] = ['P', 'P1', 'P0'].map((id) => l.clients[id]!);
    expect(overlap(a!, b!)).toBe(false);
    expect(overlap(b!, c!)).toBe(false);
    expect(c!.y + c!.h).toBeLessThanOrEqual(400 + 0.01);
  });
});

describe('stage layout, clients in two columns', () => {
  // three producers stacked in one column would make the stage taller than the room the lesson
  // and the log lane leave at 1920x1080 (about 400 px): in two columns it fits at 20 px
  it('puts three producers in two columns rather than scroll, none overlapping a card', () => {
    const input = {
      ...lecture,
      brokers: [1, 2, 3],
      producers: ['P', 'P1', 'P0'],
      consumers: ['C'],
      maxReplicasPerBroker: 1,
    };
    const l = layoutStage(input, { width: 1450, height: 380, font: 20, minFont: 20 });
    expect(l.height).toBe(380);
    expect(l.font).toBeGreaterThanOrEqual(20);
    const xs = new Set(['P', 'P1', 'P0'].map((id) => l.clients[id]!.x));
    expect(xs.size).toBe(2);
    const boxes = [
      ...Object.values(l.brokers),
      ...Object.values(l.controllers),
      ...Object.values(l.clients),
    ];
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.w).toBeLessThanOrEqual(1450 + 0.01);
      expect(b.y + b.h).toBeLessThanOrEqual(380 + 0.01);
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
  });
});

describe('stage layout, clients in the top row', () => {
  it('keeps three producers, the controllers and the consumer apart on a short stage', () => {
    const l = layoutStage(
      {
        ...lecture,
        brokers: [1, 2, 3],
        producers: ['P', 'P1', 'P0'],
        consumers: ['C'],
        maxReplicasPerBroker: 1,
      },
      { width: 1440, height: 300, font: 20 },
    );
    const boxes = [...Object.values(l.controllers), ...Object.values(l.clients)];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    for (const b of boxes) expect(b.x + b.w).toBeLessThanOrEqual(1440 + 0.01);
  });
});
