// Message particles on a canvas, outside React: each frame places every in-flight message by
// interpolating its send and delivery times against the estimated simulated time now.
import { useEffect, useRef } from 'react';
import { simStore } from '../../store/store';
import { MESSAGE_STYLES, ERROR_COLOR } from '../../viz/colors';
import { STAGE_HEIGHT, STAGE_WIDTH, type NodeBox, type StageLayout } from '../../viz/layout';
import { estimateSimTime, particlePosition } from '../../viz/particles';
import { lastFrame } from './particle-frame';

function anchor(layout: StageLayout, addr: string): NodeBox | undefined {
  const at = addr.indexOf(':');
  const kind = addr.slice(0, at);
  const id = addr.slice(at + 1);
  if (kind === 'broker') return layout.brokers[Number(id)];
  if (kind === 'controller') return layout.controllers[Number(id)];
  return layout.clients[id];
}

export function Particles({ layout }: { layout: StageLayout }) {
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
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const state = simStore.getState();
      const view = state.view;
      if (!view) return;
      const scale = Math.min(w / STAGE_WIDTH, h / STAGE_HEIGHT);
      ctx.setTransform(
        scale,
        0,
        0,
        scale,
        (w - STAGE_WIDTH * scale) / 2,
        (h - STAGE_HEIGHT * scale) / 2,
      );
      const now = estimateSimTime(view, state.receivedAt, performance.now());
      const hidden = state.ui.hiddenKinds;
      const walking = view.walk?.partition ?? null;
      const lay = layoutRef.current;
      const dots: [number, number, number, string][] = [];
      for (const m of view.messages) {
        if (hidden[m.kind]) continue;
        const from = anchor(lay, m.from);
        const to = anchor(lay, m.to);
        if (!from || !to) continue;
        const p = particlePosition(m, from, to, reduceMotion ? m.deliverAt : now);
        const style = MESSAGE_STYLES[m.kind];
        ctx.globalAlpha = walking !== null && !m.about.split(',').includes(walking) ? 0.15 : 1;
        ctx.strokeStyle = style.color + '33';
        ctx.lineWidth = 1.5;
        ctx.beginPath();
        ctx.moveTo(from.cx, from.cy);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        ctx.fillStyle = m.error ? ERROR_COLOR : style.color;
        dots.push([p.x, p.y, m.records > 0 ? 6 : 4, ctx.fillStyle]);
        ctx.beginPath();
        ctx.arc(p.x, p.y, m.records > 0 ? 6 : 4, 0, Math.PI * 2);
        ctx.fill();
      }
      ctx.globalAlpha = 1;
      lastFrame.dots = dots;
    };
    draw();
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return <canvas ref={ref} className="particles" aria-hidden="true" />;
}
