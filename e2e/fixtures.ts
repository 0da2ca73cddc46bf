// Typed fixtures: `sim` drives simulated time through the app's test hook, bound to the test's
// page, so a spec reads `await sim.advance(1000)` and never sleeps.
import { test as base } from '@playwright/test';
import { advance, events, open, runUntilEvent, simTime, view, type ViewSnapshot } from './sim';

export interface SimDriver {
  /** opens the app with a query (e.g. `scenario=three-brokers&paused=1`) and waits for the cluster */
  open(query: string): Promise<void>;
  /** the simulated time the app shows, in ms */
  time(): Promise<number>;
  /** runs `ms` of simulated time and waits for the view that shows it */
  advance(ms: number): Promise<number>;
  runUntilEvent(type: string): Promise<void>;
  view(): Promise<ViewSnapshot>;
  events(): ReturnType<typeof events>;
}

export const test = base.extend<{ sim: SimDriver }>({
  sim: async ({ page }, use) => {
    await use({
      open: (query) => open(page, query),
      time: () => simTime(page),
      advance: (ms) => advance(page, ms),
      runUntilEvent: (type) => runUntilEvent(page, type),
      view: () => view(page),
      events: () => events(page),
    });
  },
});

export { expect } from '@playwright/test';
