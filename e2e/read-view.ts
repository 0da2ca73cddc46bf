// Reading (never driving) the view the app shows: whether it plays, what is on the network.
import type { Page } from '@playwright/test';

export async function playing(page: Page): Promise<boolean> {
  return page.evaluate(() => window.__sim.state().view!.playing);
}

export async function inFlight(page: Page, kind: string): Promise<boolean> {
  return page.evaluate((k) => window.__sim.state().view!.messages.some((m) => m.kind === k), kind);
}
