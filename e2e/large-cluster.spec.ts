import { expect, test } from '@playwright/test';
import { open, runUntilEvent, view } from './sim';

test('30 brokers and 900 replicas switch to the overview; kill, inspect and switch views there', async ({
  page,
}) => {
  await open(page, 'scenario=stress&paused=1');
  const overview = page.getByTestId('overview');
  await expect(overview).toBeVisible();
  await expect(overview.locator('[data-testid^="broker-"]')).toHaveCount(30);
  const leaders = await overview
    .locator('[data-testid^="broker-"]')
    .evaluateAll((rows) =>
      rows.reduce((n, r) => n + Number((r as HTMLElement).dataset.leaders), 0),
    );
  expect(leaders).toBe(300);
  await page.getByRole('button', { name: 'Kill broker 7', exact: true }).click();
  await runUntilEvent(page, 'brokerFenced');
  await expect(page.getByTestId('broker-7')).toHaveAttribute('data-status', 'down');
  await expect(page.getByTestId('broker-7')).toHaveAttribute('data-leaders', '0');
  const v = await view(page);
  expect(v.partitions.filter((p) => p.leader === 7)).toEqual([]);
  expect(v.partitions.filter((p) => p.leader === null)).toEqual([]);
  await page.locator('.overview-canvas').click({ position: { x: 5, y: 5 } });
  await expect(page.locator('[data-testid^="partition-"]')).toBeVisible();
  await expect(page.locator('.events')).toContainText('Broker 7 was fenced');
  await page.getByRole('button', { name: 'Cards' }).click();
  await expect(page.getByTestId('overview')).toHaveCount(0);
  await expect(page.locator('g[data-testid^="replica-"]')).toHaveCount(900);
});
