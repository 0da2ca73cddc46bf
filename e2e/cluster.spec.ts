import { expect, test } from '@playwright/test';
import { advance, events, open, runUntilEvent, simTime, view } from './sim';

test('the lecture example draws 6 brokers; broker 4 leads 2 partitions and follows 4', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  for (const id of [0, 1, 2, 3, 4, 5])
    await expect(page.getByTestId(`broker-${id}`)).toHaveAttribute('data-status', 'up');
  const broker4 = page.getByTestId('broker-4');
  await expect(broker4).toHaveAttribute('data-leaders', '2');
  await expect(broker4).toHaveAttribute('data-followers', '4');
  // roles are drawn on the chips; the card says the counts to screen readers
  await expect(broker4).toHaveAttribute('aria-label', /leader of 2 and follower of 4 partitions/);
  await expect(broker4.locator('[data-role="leader"]')).toHaveCount(2);
  await expect(broker4.locator('[data-role="follower"]')).toHaveCount(4);
  await expect(page.getByTestId('replica-replicated_topic-2-4')).toHaveAttribute(
    'data-role',
    'leader',
  );
  await expect(page.getByTestId('replica-replicated_topic-1-4')).toHaveAttribute(
    'data-role',
    'follower',
  );
  await expect(page.getByTestId('replica-replicated_topic-0-2')).toHaveAttribute(
    'data-role',
    'leader',
  );
  await expect(page.locator('[data-testid^="replica-"]')).toHaveCount(30);
});

test('acks=all: a record is acknowledged only after the leader HW passes it', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByTestId('replica-t-0-1').click();
  const inspector = page.getByTestId('partition-t-0');
  await expect(inspector).toBeVisible();
  await page.getByLabel('Value for P', { exact: true }).fill('x1');
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  // Step event by event: until the ack, the leader's HW never passed offset 0.
  let acked = false;
  for (let i = 0; i < 200 && !acked; i++) {
    await page.getByRole('button', { name: 'Step' }).click();
    const v = await view(page);
    const p = v.clients.find((c) => c.id === 'P')!;
    const part = v.partitions.find((x) => x.name === 't-0')!;
    if (p.acked === 1) {
      acked = true;
      expect(part.hw).toBeGreaterThanOrEqual(1);
    } else {
      expect(p.acked).toBe(0);
      if (part.leo >= 1) expect(p.pending).toBe(1);
    }
  }
  expect(acked).toBe(true);
  const log = await events(page);
  const hw = log.find((e) => e.type === 'highWatermarkAdvanced' && e.broker === 1)!;
  const ack = log.find((e) => e.type === 'recordAcked')!;
  expect(ack.t).toBeGreaterThan(hw.t);
  await expect(page.getByTestId('replica-log-1')).toHaveAttribute('data-hw', '1');
});

test('killing a leader: fenced after the session timeout, first in-sync replica elected, ISR shrinks, the producer follows, nothing lost', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  await advance(page, 2000);
  const before = (await view(page)).clients.find((c) => c.id === 'producer')!.acked;
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
  const killedAt = await simTime(page);
  await runUntilEvent(page, 'brokerFenced');
  const fenced = (await events(page)).find((e) => e.type === 'brokerFenced')!;
  expect(fenced.broker).toBe(2);
  // demo timings: broker.session.timeout.ms = 2000, heartbeats every 500 ms
  expect(fenced.t - killedAt).toBeGreaterThanOrEqual(1500);
  expect(fenced.t - killedAt).toBeLessThanOrEqual(2100);
  // replicated_topic-0 is [2, 0, 1]: broker 0 is the first in-sync replica in assignment order
  const p0 = (await view(page)).partitions.find((p) => p.name === 'replicated_topic-0')!;
  expect(p0).toMatchObject({ leader: 0, leaderEpoch: 1, isr: [0, 1] });
  await expect(page.getByTestId('replica-replicated_topic-0-0')).toHaveAttribute(
    'data-role',
    'leader',
  );
  await expect(page.getByTestId('replica-replicated_topic-0-2')).toHaveAttribute(
    'data-in-sync',
    'false',
  );
  await advance(page, 4000);
  const after = await view(page);
  expect(after.clients.find((c) => c.id === 'producer')!.acked).toBeGreaterThan(before + 4);
  expect(after.status.losses).toEqual([]);
  await expect(page.getByTestId('durability-ok')).toBeVisible();
});

test('acks=1 and a leader crash: the durability alarm names the lost record', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Pause fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Pause fetching on broker 3' }).click();
  await page.getByLabel('Value for P1', { exact: true }).fill('only-on-1');
  await page.getByRole('button', { name: 'Produce one record with P1', exact: true }).click();
  await runUntilEvent(page, 'recordAcked');
  await page.getByRole('button', { name: 'Kill broker 1', exact: true }).click();
  await page.getByRole('button', { name: 'Resume fetching on broker 2' }).click();
  await page.getByRole('button', { name: 'Resume fetching on broker 3' }).click();
  await runUntilEvent(page, 'leaderChanged');
  const alarm = page.getByTestId('durability-alarm');
  await expect(alarm).toBeVisible();
  await expect(alarm).toContainText('only-on-1');
  const v = await view(page);
  expect(v.partitions[0]).toMatchObject({ leader: 2 });
  expect(v.status.losses.map((l) => l.value)).toEqual(['only-on-1']);
});
