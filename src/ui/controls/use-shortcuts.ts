// Keyboard: the keys of the `?` help act the same wherever the focus is (except while typing in a
// text field): Space play/pause, → / ← step (the walked record's next hop while one is walked),
// PageDown / PageUp lesson continue / back (clicker keys), digits select a broker (type 1 then 2
// for broker 12), k kills it, s stops it, r restarts it, p presenter mode, Escape clears.
import { useEffect } from 'react';
import {
  killBroker,
  restartBroker,
  selectBroker,
  selectPartition,
  step,
  stepBack,
  stopBroker,
  togglePlay,
} from '../../store/actions';
import { setUi, simStore } from '../../store/store';
import { setPresenter, togglePresenter } from './presenter';
import { backLesson, continueLesson } from '../../store/lessons';

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

/** The broker the digits typed so far name: the longest id that exists, else the last digit. */
export function brokerForDigits(typed: string, exists: (id: number) => boolean): number | null {
  for (let i = 0; i < typed.length; i++) {
    const id = Number(typed.slice(i));
    if (exists(id)) return id;
  }
  return null;
}

export function useShortcuts(): void {
  useEffect(() => {
    let typed = '';
    let typedAt = 0;
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const s = simStore.getState();
      const selected = s.ui.selectedBroker;
      const inLesson = s.lesson !== null;
      let handled = true;
      if (e.key === ' ') togglePlay();
      else if (e.key === 'PageDown') {
        if (inLesson) continueLesson();
        else step();
      } else if (e.key === 'PageUp') {
        if (inLesson) backLesson();
        else stepBack();
      } else if (e.key === 'ArrowRight') step();
      else if (e.key === 'ArrowLeft') stepBack();
      else if (/^[0-9]$/.test(e.key)) {
        typed = (e.timeStamp - typedAt < DIGIT_WINDOW_MS ? typed : '') + e.key;
        typedAt = e.timeStamp;
        const id = brokerForDigits(typed, (b) => !!simStore.getState().brokersById[b]);
        if (id !== null) selectBroker(id);
      } else if (e.key === 'k' && selected !== null) killBroker(selected);
      else if (e.key === 's' && selected !== null) stopBroker(selected);
      else if (e.key === 'r' && selected !== null) restartBroker(selected);
      else if (e.key === '?') setUi({ showHelp: !s.ui.showHelp });
      else if (e.key === 'p') togglePresenter();
      else if (e.key === 'Escape') {
        selectBroker(null);
        selectPartition(null);
        setUi({ showHelp: false, menu: null });
        if (s.ui.presenter) setPresenter(false);
      } else handled = false;
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
