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

test('the overview zooms and pans: the square under the pointer opens its partition when zoomed, panned-out rows come back on focus', async ({
  page,
}) => {
  await open(page, 'scenario=stress&paused=1');
  const overview = page.getByTestId('overview');
  const canvas = page.locator('.overview-canvas');
  const zoomOf = async () => Number(await overview.getAttribute('data-zoom'));
  const base = await zoomOf();
  expect(base).toBe(1);

  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(overview).toHaveAttribute('data-zoom', (1.6 * 1.6).toFixed(3));
  await page.keyboard.press('-'); // keys too: presenters drive by keys
  await expect(overview).toHaveAttribute('data-zoom', '1.600');
  await page.keyboard.press('+');
  await expect(overview).toHaveAttribute('data-zoom', (1.6 * 1.6).toFixed(3));
  await page.getByRole('button', { name: 'Reset zoom to 100%' }).click();
  await expect(overview).toHaveAttribute('data-zoom', '1.000');

  // Double-click near broker 1's first square: it stays under the pointer, twice as large.
  await canvas.dblclick({ position: { x: 4, y: 6 } });
  await expect(overview).toHaveAttribute('data-zoom', '2.000');
  const [k, [tx, ty]] = [
    await zoomOf(),
    (await overview.getAttribute('data-pan'))!.split(',').map(Number) as [number, number],
  ];
  // Broker 1's first square spans content (0..12, 3..15): its leaders come first.
  await canvas.click({ position: { x: tx + 6 * k, y: ty + 9 * k } });
  const inspector = page.locator('[data-testid^="partition-"]');
  await expect(inspector).toBeVisible();
  const name = (await inspector.getAttribute('data-testid'))!.replace('partition-', '');
  const v = await view(page);
  const p = v.partitions.find((x) => x.name === name)!;
  expect(p.leader).toBe(1);
  expect(p.isr).toContain(1);
  expect(p.isr).toHaveLength(3);

  // Zoomed far in, broker 30's row is out of view; focusing it pans it back in.
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom in' }).click();
  const row30 = page.getByTestId('broker-30');
  await page.getByRole('button', { name: 'Kill broker 30' }).focus();
  const box = (await row30.boundingBox())!;
  const area = (await page.locator('.overview-canvas-box').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(area.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height + 1);
});
