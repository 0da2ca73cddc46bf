// Presenter mode: full screen, large type, high contrast, narration as subtitles, keyboard only.
import { setUi, simStore } from '../../store/store';

export function setPresenter(on: boolean): void {
  setUi({ presenter: on });
  try {
    if (on && !document.fullscreenElement)
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
    if (!on && document.fullscreenElement) void document.exitFullscreen?.().catch(() => undefined);
  } catch {
    // Full screen may be refused (no user gesture, embedded page): presenter mode works without it.
  }
}

export function togglePresenter(): void {
  setPresenter(!simStore.getState().ui.presenter);
}
