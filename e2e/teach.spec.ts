import { expect, test } from '@playwright/test';
import { advance, open, simTime, view } from './sim';

// Lessons picked from the menu and driven by the clicker: e2e/lessons.spec.ts.

test('a share link opened in a fresh page shows the same run', async ({ page, context }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByLabel('Value for P1', { exact: true }).fill('shared-1');
  await page.getByRole('button', { name: 'Produce one record with P1', exact: true }).click();
  await advance(page, 500);
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await advance(page, 3000);
  const before = await view(page);
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page.getByRole('button', { name: 'Copy a link to this run' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('#share=');
  const fresh = await context.newPage();
  await fresh.goto(link);
  await expect(fresh.getByTestId('broker-1')).toHaveAttribute('data-status', 'down');
  await expect.poll(() => simTime(fresh)).toBe(before.time);
  const after = await view(fresh);
  expect(after.partitions).toEqual(before.partitions);
  expect(after.clients).toEqual(before.clients);
  // a mangled link says what is wrong and the app still runs
  const broken = await context.newPage();
  await broken.goto(link.slice(0, link.length - 40) + '!!');
  await expect(broken.getByRole('alert')).toContainText('share link could not be opened');
  await expect(broken.getByTestId('broker-1')).toBeVisible();
});

test('presenter mode by keys alone', async ({ page }) => {
  await open(page, 'scenario=lecture&paused=1');
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'true');
  await expect(page.locator('.side')).toBeHidden();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'false');
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'true');
  const t0 = await simTime(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => simTime(page)).toBeGreaterThanOrEqual(t0);
  await page.keyboard.press('3');
  await page.keyboard.press('k');
  await expect(page.getByTestId('broker-3')).toHaveAttribute('data-status', 'down');
  await page.keyboard.press(' ');
  await expect.poll(async () => (await view(page)).time).toBeGreaterThan(t0 + 100);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('subtitles')).toContainText('Broker 3 crashed');
});

test('what-if: importing kafka-topics --describe output gives exactly that layout', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page
    .getByLabel('kafka-topics --describe output')
    .fill(
      [
        'Topic: orders\tPartitionCount: 2\tReplicationFactor: 3\tConfigs: min.insync.replicas=2',
        '\tTopic: orders\tPartition: 0\tLeader: 3\tReplicas: 3,1,2\tIsr: 3,1',
        '\tTopic: orders\tPartition: 1\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3',
      ].join('\n'),
    );
  await page.getByRole('button', { name: 'Play with this layout' }).click();
  await expect(page.getByTestId('broker-3')).toBeVisible();
  await expect(page.getByTestId('broker-0')).toHaveCount(0);
  const v = await view(page);
  expect(v.partitions.map((p) => [p.name, p.leader, p.isr])).toEqual([
    ['orders-0', 3, [3, 1]],
    ['orders-1', 1, [1, 2, 3]],
  ]);
  await expect(page.getByTestId('replica-orders-0-2')).toHaveAttribute('data-in-sync', 'false');
  await expect(page.getByTestId('replica-orders-0-3')).toHaveAttribute('data-role', 'leader');
  // a line that cannot be read is named
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page
    .getByLabel('kafka-topics --describe output')
    .fill('Topic: t\tPartition: 0\tLeader: 9\tReplicas: 1,2\tIsr: 1');
  await page.getByRole('button', { name: 'Play with this layout' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'line 1: Leader: 9 is not one of the replicas',
  );
  await expect(page.getByTestId('broker-3')).toBeVisible();
});
