import { useEffect, useState } from 'react';

/**
 * The element's content size in CSS pixels, kept up to date by a ResizeObserver. It takes the
 * element itself (from a callback ref kept in state), so a box mounted later is still observed.
 */
export function useBoxSize(el: HTMLElement | null): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    if (!el) return;
    const set = (width: number, height: number) =>
      setSize((s) =>
        Math.abs(s.width - width) < 0.25 && Math.abs(s.height - height) < 0.25
          ? s
          : { width, height },
      );
    // clientWidth is rounded (1442 for 1441.5): the observer's first report corrects it, and a
    // half pixel matters (a stage drawn half a pixel too wide is scaled under the readable size)
    set(el.clientWidth, el.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) set(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return size;
}
