// Draws the overview's replica squares on a canvas under the current pan and zoom; zoomed in
// far enough, each square carries its partition's name (semantic zoom).
import { LABEL_MIN_PX, type OverviewLayout, type ZoomTransform } from './overview';

export interface CellLook {
  role: 'leader' | 'follower' | undefined;
  inSync: boolean;
  down: boolean;
}

export interface OverviewColors {
  leader: string;
  follower: string;
  bad: string;
  down: string;
  select: string;
  text: string;
  textOnDark: string;
}

export function drawOverview(
  ctx: CanvasRenderingContext2D,
  size: { width: number; height: number; dpr: number },
  layout: OverviewLayout,
  t: ZoomTransform,
  lookOf: (broker: number, partition: string) => CellLook,
  colors: OverviewColors,
  selectedPartition: string | null,
): void {
  const { width, height, dpr } = size;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const px = (c: { size: number }) => c.size * t.k;
  const labels = layout.cells.length > 0 && px(layout.cells[0]!) >= LABEL_MIN_PX;
  const fontPx = Math.min(13, Math.round(8 + t.k));
  ctx.font = `${fontPx}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const cell of layout.cells) {
    const x = cell.x * t.k + t.x;
    const y = cell.y * t.k + t.y;
    const s = px(cell);
    if (x + s < 0 || y + s < 0 || x > width || y > height) continue; // off screen
    const look = lookOf(cell.broker, cell.partition);
    const strong = look.role === 'leader' || !look.inSync;
    if (look.down) {
      // a dead broker's replicas: outlines only, whatever the theme
      ctx.strokeStyle = colors.down;
      ctx.lineWidth = 1;
      ctx.strokeRect(x + 0.5, y + 0.5, s - 1, s - 1);
    }
    ctx.fillStyle = look.down
      ? 'transparent'
      : !look.inSync
        ? colors.bad
        : look.role === 'leader'
          ? colors.leader
          : colors.follower;
    ctx.globalAlpha = strong ? 1 : 0.45;
    ctx.fillRect(x, y, s, s);
    ctx.globalAlpha = 1;
    if (cell.partition === selectedPartition) {
      ctx.strokeStyle = colors.select;
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 1, y - 1, s + 2, s + 2);
    }
    if (labels) {
      ctx.fillStyle = strong && !look.down ? colors.textOnDark : colors.text;
      if (look.down) ctx.globalAlpha = 0.6;
      drawLabel(ctx, cell.partition, x + s / 2, y + s / 2, s, fontPx);
      ctx.globalAlpha = 1;
    }
  }
}

/** "orders-12" whole if it fits, else on two lines ("orders" / "12"), else just "12". */
function drawLabel(
  ctx: CanvasRenderingContext2D,
  name: string,
  cx: number,
  cy: number,
  square: number,
  fontPx: number,
): void {
  const room = square - 4;
  if (ctx.measureText(name).width <= room) return ctx.fillText(name, cx, cy);
  const dash = name.lastIndexOf('-');
  const topic = name.slice(0, dash);
  const index = name.slice(dash + 1);
  if (square >= fontPx * 2 + 6 && ctx.measureText(topic).width <= room) {
    ctx.fillText(topic, cx, cy - fontPx / 2 - 1);
    ctx.fillText(index, cx, cy + fontPx / 2 + 1);
    return;
  }
  ctx.fillText(index, cx, cy, room);
}
