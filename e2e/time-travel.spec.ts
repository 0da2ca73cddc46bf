import { expect, test, type Page } from '@playwright/test';
import { advance, events, open, runUntilEvent, simTime, view } from './sim';

async function walkRecord(page: Page, producer: string, value: string) {
  // produce it with that producer, then walk it by its value
  await page.getByLabel(`Value for ${producer}`, { exact: true }).fill(value);
  await page
    .getByRole('button', { name: `Produce one record with ${producer}`, exact: true })
    .click();
  await page.getByLabel('Record to walk').fill(value);
  await page.getByLabel('Record to walk').press('Enter');
  await expect(page.getByTestId('walk')).toContainText(`"${value}"`);
}

const step = (page: Page, key: string) => page.getByTestId('walk').locator(`[data-step="${key}"]`);

test('walkthrough, acks=all: the ack waits for every in-sync follower and the HW', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await walkRecord(page, 'P', 'w-all');
  const walk = page.getByTestId('walk');
  await expect(walk.getByLabel('What releases the ack with acks=all')).toContainText(
    'in-sync follower 2 has it',
  );
  // step until the leader appended it: the followers do not have it yet, the ack is not given
  for (let i = 0; i < 100 && (await step(page, 'append').getAttribute('data-done')) !== 'true'; i++)
    await page.getByRole('button', { name: 'Step', exact: true }).first().click();
  await expect(step(page, 'hw')).toHaveAttribute('data-done', 'false');
  await expect(step(page, 'ack')).toHaveAttribute('data-done', 'false');
  await runUntilEvent(page, 'recordAcked');
  for (const key of ['append', 'fetch-2', 'fetch-3', 'report-2', 'report-3', 'hw', 'ack'])
    await expect(step(page, key)).toHaveAttribute('data-done', 'true');
  await expect(walk.locator('.checklist li[data-done="false"]')).toHaveCount(0);
  await expect(walk.locator('.walk-head')).toHaveAttribute('data-status', 'acked');
});

test('walkthrough, acks=1: the ack needs only the leader append', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Pause fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Pause fetching on broker 3' }).click();
  await walkRecord(page, 'P1', 'w-one');
  await runUntilEvent(page, 'recordAcked');
  await expect(step(page, 'ack')).toHaveAttribute('data-done', 'true');
  await expect(step(page, 'fetch-2')).toHaveAttribute('data-done', 'false');
  await expect(step(page, 'hw')).toHaveAttribute('data-done', 'false');
  const checklist = page.getByTestId('walk').getByLabel('What releases the ack with acks=1');
  await expect(checklist.locator('li')).toHaveCount(1);
  await expect(checklist).toContainText('the leader appended it');
});

test('walkthrough, acks=0: done once on the wire, offset -1', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await walkRecord(page, 'P0', 'w-zero');
  await runUntilEvent(page, 'recordSent');
  await expect(page.getByTestId('walk').locator('.walk-head')).toHaveAttribute(
    'data-status',
    'sent',
  );
  await expect(
    page.getByTestId('walk').getByLabel('What releases the ack with acks=0'),
  ).toContainText('written to the socket');
  await runUntilEvent(page, 'recordAppended');
  await expect(step(page, 'append')).toHaveAttribute('data-done', 'true');
});

test('scrubbing back shows the cluster as it was; acting there forks a branch', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  await advance(page, 2500);
  const then = await view(page);
  await advance(page, 500);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await advance(page, 5000);
  expect((await view(page)).partitions.find((p) => p.name === 'replicated_topic-0')!.leader).toBe(
    0,
  );
  await page.getByRole('slider', { name: 'Simulated time' }).fill('2500');
  await expect.poll(() => simTime(page)).toBe(2500);
  const back = await view(page);
  expect(back.partitions).toEqual(then.partitions);
  expect(back.clients).toEqual(then.clients);
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'up');
  await expect(page.getByTestId('timeline')).toContainText('in the past');
  // acting in the past forks
  await page.getByRole('button', { name: 'Kill broker 5', exact: true }).click();
  const branch = page.getByRole('combobox', { name: 'Branch' });
  await expect(branch.locator('option')).toHaveCount(2);
  await advance(page, 4000);
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'up');
  await expect(page.getByTestId('broker-5')).toHaveAttribute('data-status', 'down');
  await branch.selectOption('0');
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
  await expect(page.getByTestId('broker-5')).toHaveAttribute('data-status', 'up');
  // step back returns to before the last event
  const before = await simTime(page);
  await page.getByRole('button', { name: '◀ Back' }).click();
  await expect.poll(() => simTime(page)).toBeLessThan(before);
  expect((await events(page)).every((e) => e.t <= before)).toBe(true);
});

test('side by side: the same crash loses an acknowledged record with acks=1 and not with acks=all', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByLabel('Side by side').selectOption('acks');
  await expect(page.getByTestId('compare')).toBeVisible();
  await page.getByRole('button', { name: 'Pause fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Pause fetching on broker 3' }).click();
  await page.getByLabel('Value for P', { exact: true }).fill('v1');
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  await advance(page, 300);
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await page.getByRole('button', { name: 'Resume fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Resume fetching on broker 3' }).click();
  await advance(page, 5000);
  await expect(page.getByTestId('lane-left')).toHaveAttribute('data-lost', 'v1');
  await expect(page.getByTestId('lane-left')).toContainText('LOST after being acknowledged: "v1"');
  await expect(page.getByTestId('lane-right')).toHaveAttribute('data-lost', '');
  await expect(page.getByTestId('lane-right')).toContainText('No acknowledged record lost');
});

test('why was it lost: the chain of events, each link jumping the timeline', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Pause fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Pause fetching on broker 3' }).click();
  await page.getByLabel('Value for P1', { exact: true }).fill('gone');
  await page.getByRole('button', { name: 'Produce one record with P1', exact: true }).click();
  await runUntilEvent(page, 'recordAcked');
  const ackedAt = await simTime(page);
  await advance(page, 100);
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await runUntilEvent(page, 'recordLost');
  const why = page.getByTestId('why-lost');
  await expect(why).toContainText('"gone"');
  const links = why.locator('.chain li');
  await expect(links.first()).toContainText('acknowledged');
  await expect(why.locator('.chain')).toContainText('crashed');
  await expect(why.locator('.chain')).toContainText('leadership moved from broker 1 to broker 2');
  await links.first().getByRole('button').click();
  await expect.poll(() => simTime(page)).toBe(ackedAt);
  await expect(page.getByTestId('broker-1')).toHaveAttribute('data-status', 'up');
});
