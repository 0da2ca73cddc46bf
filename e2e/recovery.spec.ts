// A dead or failing worker is noticed and the run recovered to the exact moment of the failure:
// simulated time, brokers, partitions and acked counts equal what the user saw before. Failures
// are injected through the documented test hook (window.__sim).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { ViewSnapshot } from './sim';

/** What must survive a recovery. */
function essentials(v: ViewSnapshot) {
  return {
    time: v.time,
    brokers: v.brokers.map((b) => [b.id, b.status]),
    partitions: v.partitions.map((p) => [p.name, p.leader, p.leaderEpoch, p.isr, p.hw, p.leo]),
    acked: v.clients.map((c) => [c.id, c.acked, c.failed]),
  };
}

/** Clicks Recover and waits for the first view of the new run (not the last frame of the dead one) at that time. */
async function recover(page: Page, time: number): Promise<number> {
  const run = await page.evaluate(() => window.__sim.state().view!.run);
  const started = Date.now();
  await page.getByRole('button', { name: 'Recover the run' }).click();
  await page.waitForFunction(
    ([t, r]) => {
      const s = window.__sim.state();
      return !s.dead && s.view !== null && s.view.run > r! && s.view.time === t;
    },
    [time, run],
  );
  return Date.now() - started;
}

test('a terminated worker is noticed within seconds and the run recovered to the same moment', async ({
  page,
  sim,
}) => {
  await sim.open('scenario=three-brokers&paused=1');
  await page.getByLabel('Value for P', { exact: true }).fill('v1');
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  await sim.advance(1000);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await sim.advance(4200);
  const before = await sim.view();
  expect(before.brokers.find((b) => b.id === 2)?.status).toBe('down');
  const killedAt = await page.evaluate(() => {
    window.__sim.killWorker();
    return performance.now();
  });
  const banner = page.getByRole('alert').filter({ hasText: 'stopped answering' });
  await expect(banner).toHaveAttribute('data-fatal', 'true', { timeout: 10_000 });
  const detectedMs = (await page.evaluate(() => performance.now())) - killedAt;
  console.log(`dead worker detected after ${Math.round(detectedMs)} ms`);
  expect(detectedMs).toBeLessThan(6000);
  // Play does nothing visible while dead, but the banner offers recovery.
  await recover(page, before.time);
  expect(essentials(await sim.view())).toEqual(essentials(before));
  // and the recovered run goes on like any other
  await sim.advance(1000);
  expect((await sim.view()).time).toBe(before.time + 1000);
});

test('a failure in the first second loses nothing, and recovery works offline', async ({
  page,
  context,
  sim,
}) => {
  await sim.open('scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Kill broker 3', exact: true }).click();
  await sim.advance(300);
  const before = await sim.view();
  await context.setOffline(true);
  await page.evaluate(() => window.__sim.failWorker());
  await expect(
    page.getByRole('alert').filter({ hasText: 'The simulation failed' }),
  ).toHaveAttribute('data-fatal', 'true');
  await recover(page, before.time);
  expect(essentials(await sim.view())).toEqual(essentials(before));
  await context.setOffline(false);
});

test('a command that fails again on replay: the run stops just before it, and names it', async ({
  page,
  sim,
}) => {
  await sim.open('scenario=three-brokers&paused=1');
  await sim.advance(2000);
  const before = await sim.view();
  await page.evaluate(() => window.__sim.failCommand({ type: 'kill', broker: 1 }));
  await expect(page.getByRole('alert').filter({ hasText: 'deliberate failure' })).toHaveAttribute(
    'data-fatal',
    'true',
  );
  await recover(page, before.time);
  await expect(page.getByRole('alert')).toContainText(
    'the command "kill {"broker":1}" at 2.000 s fails again',
  );
  await expect(page.getByRole('alert')).toContainText('stops just before it');
  const after = await sim.view();
  expect(essentials(after)).toEqual(essentials(before));
  expect(after.brokers.find((b) => b.id === 1)?.status).toBe('up');
});

test('the lecture at 100x for ten simulated minutes: recovered exactly, replay time reported', async ({
  page,
  sim,
}) => {
  await sim.open('scenario=lecture&paused=1');
  await page.evaluate(() => window.__sim.sendRaw({ type: 'setSpeed', speed: 100 }));
  await sim.advance(200_000);
  await page.getByRole('button', { name: 'Kill broker 4', exact: true }).click();
  await sim.advance(400_000);
  const before = await sim.view();
  expect(before.clients.find((c) => c.acked > 1000)).toBeTruthy();
  await page.evaluate(() => window.__sim.killWorker());
  await expect(page.getByRole('alert').filter({ hasText: 'stopped answering' })).toBeVisible({
    timeout: 10_000,
  });
  const replayMs = await recover(page, before.time);
  console.log(`lecture: ${before.time / 1000} simulated s replayed in ${replayMs} ms`);
  expect(essentials(await sim.view())).toEqual(essentials(before));
});
