// Driving simulated time through the app (never with sleeps): the test hook window.__sim.
import { expect, type Page } from '@playwright/test';

export async function open(page: Page, query: string): Promise<void> {
  await page.goto(`./?${query}`);
  await expect(page.getByTestId('broker-1')).toBeVisible();
}

export async function simTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __sim: { state(): { view: { time: number } | null } } }).__sim.state()
        .view?.time ?? 0,
  );
}

/** Runs `ms` of simulated time and waits for the view that shows it. */
export async function advance(page: Page, ms: number): Promise<number> {
  const from = await simTime(page);
  await page.evaluate(
    (m) => (window as unknown as { __sim: { advance(ms: number): void } }).__sim.advance(m),
    ms,
  );
  await page.waitForFunction(
    (t) =>
      ((
        window as unknown as { __sim: { state(): { view: { time: number } | null } } }
      ).__sim.state().view?.time ?? 0) >= t,
    from + ms,
  );
  return simTime(page);
}

/** Runs until the next event of `type` and waits for the view after it. */
export async function runUntilEvent(page: Page, type: string): Promise<void> {
  const seen = await page.evaluate(
    (t) =>
      (window as unknown as { __sim: { state(): { events: { type: string }[] } } }).__sim
        .state()
        .events.filter((e) => e.type === t).length,
    type,
  );
  await page.evaluate(
    (t) =>
      (window as unknown as { __sim: { runUntilEvent(t: string): void } }).__sim.runUntilEvent(t),
    type,
  );
  await page.waitForFunction(
    ([t, n]) =>
      (window as unknown as { __sim: { state(): { events: { type: string }[] } } }).__sim
        .state()
        .events.filter((e) => e.type === t).length > (n as number),
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
  return page.evaluate(
    () => (window as unknown as { __sim: { state(): { view: ViewSnapshot } } }).__sim.state().view,
  );
}

export async function events(
  page: Page,
): Promise<
  { t: number; type: string; text: string; broker: number | null; partition: string | null }[]
> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __sim: {
            state(): {
              events: {
                t: number;
                type: string;
                text: string;
                broker: number | null;
                partition: string | null;
              }[];
            };
          };
        }
      ).__sim.state().events,
  );
}
