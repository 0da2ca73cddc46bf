import { expect, test } from '@playwright/test';
import { advance, open, view } from './sim';

test('not a single network request after load, whatever the user does', async ({ page }) => {
  const requests: string[] = [];
  await open(page, 'scenario=three-brokers&paused=1');
  page.on('request', (r) => {
    if (!r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url());
  });
  await page.getByLabel('Value for P', { exact: true }).fill('x');
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await advance(page, 3000);
  await page.getByLabel('Lessons').selectOption('leader-dies');
  await expect(page.getByTestId('lesson')).toBeVisible();
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page.getByRole('button', { name: 'Copy a link to this run' }).click();
  await expect(page.getByLabel('Share link')).toHaveValue(/#share=/);
  await page.getByRole('button', { name: 'Export the view as PNG' }).click();
  await advance(page, 1000);
  expect(requests).toEqual([]);
});

test('a strict Content-Security-Policy: no inline scripts, no eval', async ({ page }) => {
  await open(page, 'scenario=lecture&paused=1');
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  await expect(page.locator('script:not([src])')).toHaveCount(0);
});

test('hostile strings in user text are shown as text, never run', async ({ page }) => {
  const errors: string[] = [];
  page.on('dialog', (d) => {
    errors.push(d.message());
    void d.dismiss();
  });
  await open(page, 'scenario=three-brokers&paused=1');
  const hostile = '<img src=x onerror=alert(1)>';
  await page.getByLabel('Key for P', { exact: true }).fill('"><script>alert(2)</script>');
  await page.getByLabel('Value for P', { exact: true }).fill(hostile);
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  await advance(page, 1000);
  await page.getByTestId('replica-t-0-1').click();
  await expect(page.getByTestId('replica-log-1')).toContainText(hostile);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page
    .getByLabel('kafka-topics --describe output')
    .fill('Topic: <script>\tPartition: 0\tLeader: 1\tReplicas: 1\tIsr: 1');
  await page.getByRole('button', { name: 'Play with this layout' }).click();
  await expect(page.getByRole('alert')).toContainText('line 1');
  expect(errors).toEqual([]);
  expect((await view(page)).partitions[0]!.name).toBe('t-0');
});

test('the served policy forbids framing by other origins; the worker gets the page policy', async ({
  page,
}) => {
  const response = await page.goto('./?scenario=three-brokers&paused=1');
  const csp = response!.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("connect-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  await expect(page.getByTestId('broker-1')).toBeVisible();
  // inside the worker (started as the app starts it): no eval, no cross-origin request
  const probe = await page.evaluate(() => window.__sim.probeWorker());
  expect(probe.eval).toBe(false);
  expect(probe.violations.join(' ')).toContain('connect-src');
});
