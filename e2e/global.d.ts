// The one declaration of what e2e tests read on window: the app's test hook (typed by the app
// itself, so a renamed field fails the type check instead of a test run) and a test's own probe.
import type { SimTestHook } from '../src/store/boot';

declare global {
  interface Window {
    __sim: SimTestHook;
    /** the longest task seen by bad-input.spec.ts's PerformanceObserver */
    __longest: number;
  }
}

export {};
