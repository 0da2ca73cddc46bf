// Countdown arcs (d3-shape): the part of a timer still left, drawn clockwise from 12 o'clock.
import { arc } from 'd3-shape';

interface Ring {
  r: number;
  end: number;
}

const ring = arc<Ring>()
  .innerRadius((d) => d.r * 0.62)
  .outerRadius((d) => d.r)
  .startAngle(0)
  .endAngle((d) => d.end);

/** SVG path of a ring of radius `r` filled for `fraction` (0..1) of the turn. */
export function countdownPath(r: number, fraction: number): string {
  const f = Math.max(0, Math.min(1, fraction));
  return ring({ r, end: f * 2 * Math.PI }) ?? '';
}

/** The full ring behind it (the time already gone). */
export function ringPath(r: number): string {
  return countdownPath(r, 1);
}
