// Every popover (share menu, broker menu, shortcuts help) closes on Escape and on a click outside
// it, and gives the focus back to where it was when it opened.
import { useEffect, useRef, type RefObject } from 'react';

export function usePopover(
  open: boolean,
  close: () => void,
  ref: RefObject<HTMLElement | null>,
  /** also "inside": the button that toggles it (its own click toggles) */
  anchor?: RefObject<HTMLElement | null>,
): void {
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    const inside = (n: Node) => !!ref.current?.contains(n) || !!anchor?.current?.contains(n);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeRef.current();
    };
    const onDown = (e: MouseEvent) => {
      if (!inside(e.target as Node)) closeRef.current();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onDown);
      // back where the focus was, unless the user has put it somewhere else meanwhile
      const now = document.activeElement;
      if (before?.isConnected && (!now || now === document.body || inside(now)))
        before.focus({ preventScroll: true });
    };
  }, [open, ref, anchor]);
}
