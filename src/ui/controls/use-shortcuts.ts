// Keyboard: the keys of the action registry (and so of the `?` help) act the same wherever the
// focus is, except while typing in a text field. Broker keys act on the selected broker; digits
// typed in quick succession select one (1 then 2: broker 12).
import { useEffect } from 'react';
import { actionForKey, contextOf, runIn } from '../actions/registry';

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'password', 'url', 'tel']);

/** Typing in a text field: keys belong to it. (A focused button, select or slider does not count.) */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || el.tagName === 'TEXTAREA') return true;
  return el.tagName === 'INPUT' && TEXT_INPUTS.has((el as HTMLInputElement).type || 'text');
}

/** Digits typed within this time make one broker id (1 then 2: broker 12). */
export const DIGIT_WINDOW_MS = 1000;

export function useShortcuts(): void {
  useEffect(() => {
    let typed = '';
    let typedAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const action = actionForKey(e.key);
      if (!action) return;
      if (/^[0-9]$/.test(e.key)) {
        typed = (e.timeStamp - typedAt < DIGIT_WINDOW_MS ? typed : '') + e.key;
        typedAt = e.timeStamp;
      }
      const c = contextOf(null, typed);
      const handled = runIn(action, { ...c, broker: c.state.ui.selectedBroker });
      // The key did what the help says: not also what a focused button, select or slider would.
      if (handled) e.preventDefault();
    };
    // Space activates a focused button on key up: that belongs to play/pause too.
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && !isTyping(e.target)) e.preventDefault();
    };
    // A mouse click leaves no focus on a button or checkbox for Space to trigger again.
    const onClick = (e: MouseEvent) => {
      if (e.detail === 0) return; // keyboard activation keeps its focus
      const el = (e.target as HTMLElement | null)?.closest?.(
        'button, input[type="checkbox"], input[type="radio"]',
      );
      if (el instanceof HTMLElement) el.blur();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('click', onClick, true);
    };
  }, []);
}
