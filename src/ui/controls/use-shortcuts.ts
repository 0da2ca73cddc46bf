// Keyboard: space play/pause, right arrow step, digits select a broker, k kills it, s stops it,
// r restarts it, Escape clears the selection.
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

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' ||
      el.tagName === 'TEXTAREA' ||
      el.tagName === 'SELECT' ||
      el.isContentEditable)
  );
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const selected = simStore.getState().ui.selectedBroker;
      // Enter and Space on a focused button belong to that button.
      const onButton = e.target instanceof HTMLButtonElement;
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        togglePlay();
      } else if (
        e.key === 'PageDown' ||
        (e.key === 'Enter' && !onButton && simStore.getState().lesson)
      ) {
        e.preventDefault();
        if (simStore.getState().lesson) continueLesson();
        else step();
      } else if (e.key === 'PageUp') {
        e.preventDefault();
        if (simStore.getState().lesson) backLesson();
        else stepBack();
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        step();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        stepBack();
      } else if (/^[0-9]$/.test(e.key)) {
        const id = Number(e.key);
        if (simStore.getState().brokersById[id]) selectBroker(id);
      } else if (e.key === 'k' && selected !== null) killBroker(selected);
      else if (e.key === 's' && selected !== null) stopBroker(selected);
      else if (e.key === 'r' && selected !== null) restartBroker(selected);
      else if (e.key === '?') setUi({ showHelp: !simStore.getState().ui.showHelp });
      else if (e.key === 'p') togglePresenter();
      else if (e.key === 'Escape') {
        selectBroker(null);
        selectPartition(null);
        setUi({ showHelp: false, menu: null });
        if (simStore.getState().ui.presenter) setPresenter(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
