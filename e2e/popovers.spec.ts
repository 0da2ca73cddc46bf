// Popovers close on Escape and on a click outside, and give the focus back; the timings switch
// says it restarts, keeps the toolbar still, replays the user's actions and slows the view.
import { expect, test } from '@playwright/test';
import { open, view } from './sim';

test('the share menu, the help and the broker menu close on Escape and on an outside click', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  const share = page.getByRole('button', { name: 'Share / export' });
  const menu = page.getByRole('dialog', { name: 'Share and export' });
  // opened from the keyboard: Escape closes it and the focus is back on its button
  await share.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(share).toBeFocused();
  // opened with the mouse: a click elsewhere closes it
  await share.click();
  await expect(menu).toBeVisible();
  await page.getByTestId('broker-3').click({ position: { x: 10, y: 10 } });
  await expect(menu).toBeHidden();
  // the help
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.mouse.click(5, 400);
  await expect(help).toBeHidden();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  // the broker menu (right click on a card)
  await page.getByTestId('broker-2').click({ button: 'right', position: { x: 20, y: 20 } });
  const brokerMenu = page.getByRole('menu', { name: 'Broker 2 actions' });
  await expect(brokerMenu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(brokerMenu).toBeHidden();
  await page.getByTestId('broker-2').click({ button: 'right', position: { x: 20, y: 20 } });
  await expect(brokerMenu).toBeVisible();
  await page.mouse.click(5, 400);
  await expect(brokerMenu).toBeHidden();
});

test("Kafka's timings: the badge says it restarts, keeps its width, replays the actions, slows the view", async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  const badge = page.getByTestId('timings');
  const before = await badge.boundingBox();
  const toolbarBefore = await page.getByRole('button', { name: 'Presenter' }).boundingBox();
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await view(page)).time).toBeGreaterThan(0);
  const t = (await view(page)).time;
  const button = badge.getByRole('button');
  await expect(button).toHaveText(/Use Kafka's timings/);
  await button.click();
  await expect(badge).toHaveAttribute('data-preset', 'kafka');
  await expect(button).toHaveText(/Use demo timings/);
  // back at the same moment, with broker 2 killed again (the action replayed at its time)
  await expect.poll(async () => (await view(page)).time).toBe(t);
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
  // slowed so 1 ms messages can be seen
  await expect(page.locator('.speed output')).toHaveText('1/50×');
  // nothing in the toolbar moved
  const after = await badge.boundingBox();
  expect(after!.width).toBeCloseTo(before!.width, 0);
  expect((await page.getByRole('button', { name: 'Presenter' }).boundingBox())!.x).toBeCloseTo(
    toolbarBefore!.x,
    0,
  );
});
