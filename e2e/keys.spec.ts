// Keys do what the `?` help says wherever the focus is (except while typing in a text field):
// a mouse click leaves no button for Space to press again.
import { expect, test } from '@playwright/test';
import { open, view } from './sim';
import { playing } from './read-view';

test('Space plays and pauses after clicking Kill, and does not restart the broker', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  const kill = page.getByRole('button', { name: 'Kill broker 2', exact: true });
  const killBox = await kill.boundingBox();
  await kill.click();
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
  // Restart does not appear where Kill was
  const restart = page.getByRole('button', { name: 'Restart broker 2', exact: true });
  const restartBox = await restart.boundingBox();
  expect(killBox && restartBox).toBeTruthy();
  const overlap =
    Math.min(killBox!.x + killBox!.width, restartBox!.x + restartBox!.width) -
    Math.max(killBox!.x, restartBox!.x);
  expect(overlap).toBeLessThanOrEqual(0);
  await page.keyboard.press(' ');
  await expect.poll(async () => await playing(page)).toBe(true);
  await page.keyboard.press(' ');
  await expect.poll(async () => await playing(page)).toBe(false);
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
});

test('Space after clicking Dark plays; the theme stays dark', async ({ page }) => {
  await open(page, 'scenario=lecture&paused=1');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
  await page.keyboard.press(' ');
  await expect.poll(async () => await playing(page)).toBe(true);
  await expect(page.locator('.app')).toHaveAttribute('data-theme', 'dark');
});

test('arrow keys step even with the speed slider focused; typing in a field is left alone', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  const speed = page.getByRole('slider', { name: /Speed/ });
  const before = await speed.inputValue();
  await speed.focus();
  const t0 = (await view(page)).time;
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await view(page)).time).toBeGreaterThan(t0);
  expect(await speed.inputValue()).toBe(before);
  // typing "k" in a text field types it
  const field = page.getByLabel('Value for P1', { exact: true });
  await page.keyboard.press('1');
  await field.fill('');
  await field.press('k');
  await expect(field).toHaveValue('k');
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-status', 'up');
});

test('brokers above 9 are selected by typing their id', async ({ page }) => {
  await open(page, 'scenario=twelve-brokers&paused=1');
  await page.keyboard.press('1');
  await page.keyboard.press('1');
  await page.keyboard.press('k');
  await expect(page.getByTestId('broker-11')).toHaveAttribute('data-status', 'down');
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-status', 'up');
});
