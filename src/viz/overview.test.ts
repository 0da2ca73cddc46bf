import { describe, expect, it } from 'vitest';
import { cellAt, overviewLayout } from './overview';
import { drawOverview, type CellLook } from './overview-draw';

const layout = overviewLayout([1, 2], {
  1: { leaders: ['orders-0'], followers: ['orders-1'] },
  2: { leaders: ['orders-1'], followers: ['orders-0'] },
});

/** A canvas context that records what was written. */
function recorder() {
  const texts: string[] = [];
  const ctx = {
    setTransform() {},
    clearRect() {},
    fillRect() {},
    strokeRect() {},
    fillText: (t: string) => texts.push(t),
    measureText: (t: string) => ({ width: t.length * 6 }),
  } as unknown as CanvasRenderingContext2D;
  return { ctx, texts };
}

const look = (): CellLook => ({ role: 'leader', inSync: true, down: false });
const colors = {
  leader: '',
  follower: '',
  bad: '',
  down: '',
  select: '',
  text: '',
  textOnDark: '',
};

describe('overview pan and zoom', () => {
  it('finds the square under a point at any zoom and pan', () => {
    expect(cellAt(layout, { k: 1, x: 0, y: 0 }, 6, 9)).toMatchObject({
      broker: 1,
      partition: 'orders-0',
    });
    // broker 2's follower square: content (14..26, 21..33), zoomed 3x and panned by (-10, -20)
    expect(cellAt(layout, { k: 3, x: -10, y: -20 }, 20 * 3 - 10, 27 * 3 - 20)).toMatchObject({
      broker: 2,
      partition: 'orders-0',
    });
    expect(cellAt(layout, { k: 3, x: -10, y: -20 }, 500, 500)).toBeUndefined();
  });

  it('names partitions inside the squares only once zoomed in far enough to read them', () => {
    const size = { width: 400, height: 300, dpr: 1 };
    const at1 = recorder();
    drawOverview(at1.ctx, size, layout, { k: 1, x: 0, y: 0 }, look, colors, null);
    expect(at1.texts).toEqual([]);
    const at6 = recorder();
    drawOverview(at6.ctx, size, layout, { k: 6, x: 0, y: 0 }, look, colors, null);
    expect(at6.texts.sort()).toEqual(['orders-0', 'orders-0', 'orders-1', 'orders-1']);
    // narrower squares: topic over partition number
    const at4 = recorder();
    drawOverview(at4.ctx, size, layout, { k: 4, x: 0, y: 0 }, look, colors, null);
    expect(at4.texts.sort()).toEqual(['0', '0', '1', '1', 'orders', 'orders', 'orders', 'orders']);
  });
});
