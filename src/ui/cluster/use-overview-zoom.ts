// Pan and zoom for the overview canvas (d3-zoom): pinch or Ctrl/⌘+wheel zooms at the pointer,
// dragging pans, double-click zooms in, a plain wheel scrolls; buttons do the same for keyboard
// and projector use. Returns the transform to draw with.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import type { OverviewLayout, ZoomTransform } from '../../viz/overview';

// Never below 100%: the rows beside the grid (names, counts, Kill) need their 18 px; a grid
// taller than the view scrolls instead.
const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const STEP = 1.6;

export interface OverviewZoom {
  transform: ZoomTransform;
  zoomIn(): void;
  zoomOut(): void;
  /** back to 100%, top left */
  reset(): void;
  /** moves the view by screen pixels */
  panBy(dx: number, dy: number): void;
}

export function useOverviewZoom(
  canvas: React.RefObject<HTMLCanvasElement | null>,
  layout: OverviewLayout,
  size: { width: number; height: number },
): OverviewZoom {
  const [transform, setTransform] = useState<ZoomTransform>({ k: 1, x: 0, y: 0 });
  const behavior = useRef<ZoomBehavior<HTMLCanvasElement, unknown> | null>(null);

  useEffect(() => {
    const el = canvas.current;
    if (!el || size.width <= 0 || size.height <= 0) return;
    const b = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([MIN_ZOOM, MAX_ZOOM])
      .extent([
        [0, 0],
        [size.width, size.height],
      ])
      .translateExtent([
        [0, 0],
        [Math.max(layout.width, size.width), Math.max(layout.height, size.height)],
      ])
      // a plain wheel scrolls (below); Ctrl/⌘+wheel and trackpad pinch zoom
      .filter((e: Event) => {
        if (e.type === 'wheel') return (e as WheelEvent).ctrlKey || (e as WheelEvent).metaKey;
        return !(e as MouseEvent).button;
      })
      .on('zoom', (e: D3ZoomEvent<HTMLCanvasElement, unknown>) =>
        setTransform({ k: e.transform.k, x: e.transform.x, y: e.transform.y }),
      );
    const sel = select(el);
    sel.call(b);
    behavior.current = b;
    const onWheel = (e: WheelEvent) => {
      if (e.ctrlKey || e.metaKey) return;
      e.preventDefault();
      const k = zoomTransform(el).k;
      b.translateBy(sel, -e.deltaX / k, -e.deltaY / k);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    // keep the current view valid for the new extents
    b.translateBy(sel, 0, 0);
    return () => {
      el.removeEventListener('wheel', onWheel);
      sel.on('.zoom', null);
    };
  }, [canvas, layout.width, layout.height, size.width, size.height]);

  const run = useCallback(
    (f: (b: ZoomBehavior<HTMLCanvasElement, unknown>, el: HTMLCanvasElement) => void) => {
      const el = canvas.current;
      if (el && behavior.current) f(behavior.current, el);
    },
    [canvas],
  );

  // The actions never change (the keyboard listener subscribes once); the transform does.
  const actions = useMemo(
    () => ({
      // buttons zoom about the top left corner: the leaders, listed first, stay in view
      zoomIn: () => run((b, el) => b.scaleBy(select(el), STEP, [0, 0])),
      zoomOut: () => run((b, el) => b.scaleBy(select(el), 1 / STEP, [0, 0])),
      reset: () => run((b, el) => b.transform(select(el), zoomIdentity)),
      panBy: (dx: number, dy: number) =>
        run((b, el) => {
          const k = zoomTransform(el).k; // the current zoom, not the last render's
          b.translateBy(select(el), dx / k, dy / k);
        }),
    }),
    [run],
  );
  return { transform, ...actions };
}
