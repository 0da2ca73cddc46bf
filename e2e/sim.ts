// Driving simulated time through the app (never with sleeps): the test hook window.__sim.
import { expect, type Locator, type Page } from '@playwright/test';

export async function open(page: Page, query: string): Promise<void> {
  await page.goto(`./?${query}`);
  await expect(page.getByTestId('broker-1')).toBeVisible();
}

/** Opens the app and picks a lesson from the Lessons menu, as a teacher does; its panel. */
export async function openLesson(page: Page, label: string): Promise<Locator> {
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  await page.getByRole('combobox', { name: 'Lessons' }).selectOption({ label });
  return page.getByTestId('lesson');
}

export async function simTime(page: Page): Promise<number> {
  return page.evaluate(() => window.__sim.state().view?.time ?? 0);
}

/** Runs `ms` of simulated time and waits for the view that shows it. */
export async function advance(page: Page, ms: number): Promise<number> {
  const from = await simTime(page);
  await page.evaluate((m) => window.__sim.advance(m), ms);
  await page.waitForFunction((t) => (window.__sim.state().view?.time ?? 0) >= t, from + ms);
  return simTime(page);
}

/** Runs until the next event of `type` and waits for the view after it. */
export async function runUntilEvent(page: Page, type: string): Promise<void> {
  const seen = await page.evaluate(
    (t) => window.__sim.state().events.filter((e) => e.type === t).length,
    type,
  );
  await page.evaluate((t) => window.__sim.runUntilEvent(t), type);
  await page.waitForFunction(
    ([t, n]) => window.__sim.state().events.filter((e) => e.type === t).length > (n as number),
    [type, seen] as const,
  );
}

export interface ViewSnapshot {
  time: number;
  brokers: { id: number; status: string }[];
  partitions: {
    name: string;
    leader: number | null;
    leaderEpoch: number;
    isr: number[];
    hw: number;
    leo: number;
  }[];
  clients: { id: string; acked: number; pending: number; failed: number }[];
  status: { losses: { value: string }[] };
}

export async function view(page: Page): Promise<ViewSnapshot> {
  const v = await page.evaluate(() => window.__sim.state().view);
  if (v === null) throw new Error('the app shows no cluster yet');
  return v;
}

export async function events(
  page: Page,
): Promise<
  { t: number; type: string; text: string; broker: number | null; partition: string | null }[]
> {
  return page.evaluate(() => window.__sim.state().events);
}
