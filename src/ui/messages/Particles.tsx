// Message particles on a canvas, outside React: each frame places every in-flight message by
// interpolating its send and delivery times against the estimated simulated time now, from the
// sender's replica chip to the receiver's, with an arrowhead and, when it carries records, a
// label such as `r1 @3`. (A follower whose fetch waits at the leader shows a clock on its chip.)
import { useEffect, useRef } from 'react';
import { easeQuadInOut } from 'd3-ease';
import { simStore } from '../../store/store';
import { MESSAGE_STYLES, ERROR_COLOR } from '../../viz/colors';
import { estimateSimTime, messageProgress } from '../../viz/particles';
import { isIdlePoll, routesOf, type RouteModel } from '../../viz/routes';
import { pointBetween } from '../../viz/layout';
import { messageLabel } from '../../viz/labels';
import { labelObstacles, placeMessageLabels } from '../../viz/message-labels';
import { lastFrame } from './particle-frame';
import type { StageModel } from '../cluster/layout-context';
import './particles.css';

const MAX_LABELS = 8;

/** The boxes labels keep off, computed once per layout (not per frame). */
const obstacleCache = new WeakMap<StageModel, ReturnType<typeof labelObstacles>>();
function obstaclesOf(layout: StageModel) {
  let boxes = obstacleCache.get(layout);
  if (!boxes) {
    boxes = labelObstacles(layout);
    obstacleCache.set(layout, boxes);
  }
  return boxes;
}

export function Particles({
  layout,
  style,
}: {
  layout: StageModel;
  /** the stage's height when it is taller than its box (it scrolls) */
  style?: { height: number } | undefined;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  }, [layout]);
  useEffect(() => {
    const canvas = ref.current!;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let frame = 0;
    let count = 0;
    let labelBg = '#ffffff';
    let labelText = '#17202c';
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // The canvas size is observed, not measured each frame (measuring forces a layout per frame).
    let rect = { width: canvas.clientWidth, height: canvas.clientHeight };
    const observer = new ResizeObserver(([entry]) => {
      if (entry) rect = { width: entry.contentRect.width, height: entry.contentRect.height };
    });
    observer.observe(canvas);
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const dpr = window.devicePixelRatio || 1;
      const w = Math.round(rect.width * dpr);
      const h = Math.round(rect.height * dpr);
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      if (count++ % 30 === 0) {
        const cs = getComputedStyle(canvas);
        labelBg = cs.getPropertyValue('--panel').trim() || labelBg;
        labelText = cs.getPropertyValue('--text').trim() || labelText;
      }
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const state = simStore.getState();
      const view = state.view;
      if (!view) return;
      const lay = layoutRef.current;
      // the SVG's viewBox is the box itself: one unit per CSS pixel
      const scale = Math.min(w / lay.width, h / lay.height);
      ctx.setTransform(
        scale,
        0,
        0,
        scale,
        (w - lay.width * scale) / 2,
        (h - lay.height * scale) / 2,
      );
      const f = lay.font;
      const now = estimateSimTime(view, state.receivedAt, performance.now());
      const hidden = state.ui.hiddenKinds;
      const focus = view.walk?.partition ?? state.ui.selectedPartition ?? null;
      const model: RouteModel = lay;
      const dots: [number, number, number, string][] = [];
      const labels: {
        x: number;
        y: number;
        r: number;
        text: string;
        color: string;
        more: number;
      }[] = [];
      for (const m of view.messages) {
        if (hidden[m.kind] || isIdlePoll(m)) continue;
        const style = MESSAGE_STYLES[m.kind];
        const color = m.error ? ERROR_COLOR : style.color;
        const progress = easeQuadInOut(messageProgress(m, reduceMotion ? m.deliverAt : now));
        for (const r of routesOf(model, m, focus)) {
          const p = pointBetween(r.from, r.to, progress);
          const big = m.records > 0 || m.error;
          const radius = f * (big ? 0.38 : 0.26);
          ctx.globalAlpha = 0.55;
          ctx.strokeStyle = color;
          ctx.lineWidth = f * 0.12;
          ctx.beginPath();
          ctx.moveTo(r.from.x, r.from.y);
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          ctx.globalAlpha = 1;
          ctx.fillStyle = color;
          // arrowhead ahead of the dot: the direction of travel
          const angle = Math.atan2(r.to.y - r.from.y, r.to.x - r.from.x);
          const tip = radius + f * 0.45;
          ctx.beginPath();
          ctx.moveTo(p.x + Math.cos(angle) * tip, p.y + Math.sin(angle) * tip);
          ctx.lineTo(p.x + Math.cos(angle + 2.4) * radius, p.y + Math.sin(angle + 2.4) * radius);
          ctx.lineTo(p.x + Math.cos(angle - 2.4) * radius, p.y + Math.sin(angle - 2.4) * radius);
          ctx.closePath();
          ctx.fill();
          ctx.beginPath();
          ctx.arc(p.x, p.y, radius, 0, Math.PI * 2);
          ctx.fill();
          dots.push([p.x, p.y, radius, color]);
          // labels for what a class follows: records on their way and acks; consumer reads too
          // when one partition is followed
          const labelled =
            m.kind === 'produce' ||
            m.kind === 'produceResponse' ||
            m.kind === 'fetchResponse' ||
            m.error ||
            focus !== null;
          if (
            m.label &&
            labelled &&
            (big || m.kind === 'produceResponse') &&
            labels.length < MAX_LABELS
          ) {
            // messages flying together (a burst of acks) share one label: "ack @4 +4"
            const same = labels.find(
              (l) => Math.abs(l.x - p.x) < f * 0.5 && Math.abs(l.y - p.y) < f * 0.5,
            );
            if (same) same.more++;
            else
              labels.push({
                x: p.x,
                y: p.y,
                r: radius,
                text: messageLabel(m.label),
                color,
                more: 0,
              });
          }
        }
      }
      ctx.font = `700 ${f}px system-ui, sans-serif`;
      ctx.textAlign = 'center';
      ctx.textBaseline = 'bottom';
      // beside the dot, off the cards' headers and the clients; a label over another is left out
      for (const l of labels) if (l.more > 0) l.text += ` +${l.more}`;
      const widths = labels.map((l) => ctx.measureText(l.text).width + f * 0.7);
      const boxes = labels.length
        ? placeMessageLabels(
            labels.map((l, i) => ({ x: l.x, y: l.y, r: l.r, w: widths[i]!, h: f * 1.4 })),
            obstaclesOf(lay),
            lay,
            f * 0.2,
          )
        : [];
      let drawn = 0;
      labels.forEach((l, i) => {
        const b = boxes[i];
        if (!b) return;
        drawn++;
        // a plain box (no rounded stroke): text is the costly part of a software-drawn frame
        ctx.fillStyle = l.color;
        ctx.fillRect(b.x, b.y, b.w, b.h);
        ctx.fillStyle = labelBg;
        ctx.fillRect(b.x + f * 0.1, b.y + f * 0.1, b.w - f * 0.2, b.h - f * 0.2);
        ctx.fillStyle = labelText;
        ctx.fillText(l.text, b.x + b.w / 2, b.y + f * 1.2);
      });
      lastFrame.dots = dots;
      lastFrame.labels = drawn;
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return <canvas ref={ref} className="particles" aria-hidden="true" style={style} />;
}
