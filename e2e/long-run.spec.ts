// A classroom left running for hours: retention (the lecture topic keeps an hour) deletes old
// segments on every replica, the producer's counts still include every record, and time travel
// reaches back over the last 30 simulated minutes.
import { expect, test } from '@playwright/test';
import { advance, open, simTime, view } from './sim';

const HOUR = 3_600_000;

test('three hours of the classroom: old segments deleted, every record counted, history window', async ({
  page,
}) => {
  await open(page, 'scenario=lecture&paused=1');
  await advance(page, 3 * HOUR);
  const v = await view(page);
  // The scenario's stream sends 2 records/s: 21,600 in three hours, all acknowledged but the
  // last few in flight, though the cluster only keeps the last hour or so of them.
  const producer = v.clients.find((c) => c.id === 'producer')!;
  expect(producer.acked + producer.pending).toBeGreaterThanOrEqual(21_590);
  expect(producer.failed).toBe(0);
  const appended = v.partitions.reduce((n, p) => n + p.leo, 0);
  expect(appended).toBeGreaterThanOrEqual(producer.acked);
  expect(appended).toBeLessThanOrEqual(producer.acked + producer.pending);

  await page.getByTestId('replica-replicated_topic-0-2').click();
  const logs = page.locator('[data-testid^="replica-log-"]');
  await expect(logs).toHaveCount(3);
  for (const log of await logs.all()) {
    const start = Number(await log.getAttribute('data-log-start'));
    const hw = Number(await log.getAttribute('data-hw'));
    const leo = Number(await log.getAttribute('data-leo'));
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThanOrEqual(hw);
    expect(hw).toBeLessThanOrEqual(leo);
    // Kept: at least the last hour (retention.ms), at most that plus a segment (segment.ms,
    // 10 min) and a retention check interval (5 min): at 2 records/s over 10 partitions.
    const leader = v.partitions.find((p) => p.name === 'replicated_topic-0')!;
    expect(leader.leo - start).toBeGreaterThan(0);
    expect(leo - start).toBeLessThan(((75 * 60 * 2) / 10) * 2);
  }
  await expect(logs.first()).toContainText(/start \d+ · LEO/);

  const timeline = page.getByTestId('timeline');
  const head = Number(await timeline.getAttribute('data-head'));
  const start = Number(await timeline.getAttribute('data-start'));
  expect(head).toBe(3 * HOUR);
  expect(start).toBeGreaterThan(0);
  expect(head - start).toBeGreaterThanOrEqual(30 * 60_000);
  expect(head - start).toBeLessThan(40 * 60_000);
  await expect(page.getByTestId('history-start')).toHaveText(/^from 2:[23]\d:\d\d\.\d{3}$/);
  await page.getByRole('slider', { name: 'Simulated time' }).press('Home');
  await expect.poll(() => simTime(page)).toBe(start);
  await expect(timeline).toContainText('in the past');
});
