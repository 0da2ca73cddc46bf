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
        Math.abs(s.width - width) < 1 && Math.abs(s.height - height) < 1 ? s : { width, height },
      );
    set(el.clientWidth, el.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) set(entry.contentRect.width, entry.contentRect.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [el]);
  return size;
}
