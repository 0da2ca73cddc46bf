// The stage teaches: text a class can read from the back, replica chips in fixed slots with their
// own LEO/HW, the followed partition's log on the stage, timers as arcs, failover told in place.
import { expect, test, type Page } from '@playwright/test';
import { advance, open, openLesson, runUntilEvent } from './sim';
import { smallestText, smallestText as smallestStageText } from './text-size';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

/** Kills broker 2 of the lecture (it leads p0 and p6) and checks where the leader tags stand. */
async function tagsCoverNothing(page: Page): Promise<void> {
  await open(page, 'scenario=lecture&paused=1');
  await advance(page, 1000);
  // broker 2 leads p0 and p6: two new leaders, two old ones, in neighbouring cards
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await runUntilEvent(page, 'leaderChanged'); // both move in the same fencing
  await advance(page, 200);
  await expect(page.locator('.tag-new-leader')).toHaveCount(2);
  const tags = await page
    .locator('.stage-tag > rect')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  const chips = await page
    .locator('g[data-testid^="replica-"] > rect')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  const names = await page
    .locator('.broker-name, .broker-status')
    .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  for (let i = 0; i < tags.length; i++) {
    for (let j = i + 1; j < tags.length; j++)
      expect(overlaps(tags[i]!, tags[j]!), `tags ${i} and ${j}`).toBe(false);
    for (const c of [...chips, ...names])
      expect(overlaps(tags[i]!, c), `tag ${i} over ${JSON.stringify(c)}`).toBe(false);
  }
}

test.describe('at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('everything the class reads on the stage is at least 20 px, also with the log lane open', async ({
    page,
  }) => {
    await open(page, 'scenario=lecture&paused=1');
    await advance(page, 1000);
    const atRest = await smallestStageText(page);
    expect(atRest.px, `smallest: "${atRest.text}"`).toBeGreaterThanOrEqual(20);
    await page.getByTestId('replica-replicated_topic-0-2').click();
    await expect(page.getByTestId('log-lane')).toBeVisible();
    await advance(page, 500);
    const withLane = await smallestStageText(page);
    expect(withLane.px, `smallest: "${withLane.text}"`).toBeGreaterThanOrEqual(20);
  });

  test('a killed leader: the session arc runs down, the promoted chip stays in its slot, tagged with the new epoch', async ({
    page,
  }) => {
    await open(page, 'scenario=lecture&paused=1');
    await advance(page, 1000);
    // partition 0: leader broker 2, followers 0 and 1 (the lecture's layout)
    const promoted = page.getByTestId('replica-replicated_topic-0-0');
    const slot = async () => [
      await promoted.locator('rect').first().getAttribute('x'),
      await promoted.locator('rect').first().getAttribute('y'),
    ];
    const before = await slot();
    await page.evaluate(() =>
      (window as unknown as { __sim: { command(c: unknown): void } }).__sim.command({
        type: 'kill',
        broker: 2,
      }),
    );
    await advance(page, 600);
    const arc = page.getByTestId('session-2');
    const left = Number(await arc.getAttribute('data-left'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(1);
    await expect(page.getByTestId('replica-replicated_topic-0-2')).toHaveAttribute(
      'data-state',
      'offline',
    );
    await runUntilEvent(page, 'leaderChanged');
    await expect(page.getByTestId('session-2')).toHaveCount(0); // fenced: no session any more
    await expect(promoted).toHaveAttribute('data-role', 'leader');
    expect(await slot()).toEqual(before); // same slot, restyled in place
    const tag = page.getByTestId('leader-move-replicated_topic-0');
    await expect(tag).toContainText('new leader · epoch 1');
    await expect(tag).toContainText('p0: old leader');
  });

  test('the followed partition: its log lane, each replica LEO/HW on its chip, others dimmed', async ({
    page,
  }) => {
    await open(page, 'scenario=three-brokers&paused=1');
    await advance(page, 1000);
    await page.getByTestId('replica-t-0-1').click();
    await page.evaluate(() =>
      (window as unknown as { __sim: { command(c: unknown): void } }).__sim.command({
        type: 'produce',
        client: 'P',
        partition: 't-0',
        records: ['a', 'b'],
      }),
    );
    await runUntilEvent(page, 'recordAcked');
    await advance(page, 200);
    const lane = page.getByTestId('log-lane');
    await expect(lane).toHaveAttribute('data-partition', 't-0');
    // the leader's row first: LEO 2, HW 2 (acks=all: acknowledged only once committed)
    await expect(lane.locator('[data-testid^="lane-row-"]').first()).toHaveAttribute(
      'data-testid',
      'lane-row-1',
    );
    await expect(page.getByTestId('lane-row-1')).toHaveAttribute('data-leo', '2');
    await expect(page.getByTestId('lane-row-1')).toHaveAttribute('data-hw', '2');
    await expect(page.getByTestId('replica-t-0-1')).toHaveAttribute('data-offsets', '2/2');
    for (const b of [2, 3])
      await expect(page.getByTestId(`replica-t-0-${b}`)).toHaveAttribute('data-offsets', /^2\//);
  });

  test('after a kill the leader tags cover no chip, no card header and no other tag', async ({
    page,
  }) => {
    await tagsCoverNothing(page);
  });

  test('30 brokers: the overview and the Cards keep their text at 20 px; the cards scroll', async ({
    page,
  }) => {
    await open(page, 'scenario=stress&paused=1');
    await expect(page.getByTestId('overview')).toBeVisible();
    await advance(page, 500);
    const overview = await smallestStageText(page);
    expect(overview.px, `overview, smallest: "${overview.text}"`).toBeGreaterThanOrEqual(20);
    await page.getByRole('button', { name: 'Cards' }).click();
    await expect(page.locator('g[data-testid^="replica-"]')).toHaveCount(900);
    await expect(page.locator('.stage-canvas')).toHaveAttribute('data-scrolls', 'true');
    const cards = await smallestStageText(page);
    expect(cards.px, `cards, smallest: "${cards.text}"`).toBeGreaterThanOrEqual(20);
    // the last broker is reached by scrolling, still at full size
    await page.getByTestId('broker-30').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('broker-30')).toBeInViewport();
  });

  test('the event log reads from the back: its sentences are at least 20 px', async ({ page }) => {
    await open(page, 'scenario=lecture&paused=1');
    await advance(page, 1000);
    await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
    await runUntilEvent(page, 'leaderChanged');
    await expect(page.locator('.events li').first()).toBeVisible();
    const log = await smallestStageText(page, '.eventlog');
    expect(log.px, `smallest: "${log.text}"`).toBeGreaterThanOrEqual(20);
  });

  test('NOT_ENOUGH_REPLICAS: a callout at the producer and the leader says why', async ({
    page,
  }) => {
    await open(page, 'scenario=three-brokers&paused=1');
    await advance(page, 1000);
    const command = (c: unknown) =>
      page.evaluate(
        (cmd) => (window as unknown as { __sim: { command(c: unknown): void } }).__sim.command(cmd),
        c,
      );
    await command({ type: 'kill', broker: 3 });
    await command({ type: 'kill', broker: 2 });
    await advance(page, 6000); // both fenced, the ISR shrinks to [1]
    await command({ type: 'produce', client: 'P', partition: 't-0', records: ['w'] });
    await runUntilEvent(page, 'produceAttemptFailed');
    const callout = page.getByTestId('produce-error');
    await expect(callout).toContainText('NOT_ENOUGH_REPLICAS');
    await expect(callout).toContainText('acks=all needs 2 in-sync replicas; ISR is [1]');
    // at the producer and at the leader: both are ringed, each around its own box
    const ring = (id: string) => page.getByTestId(id).boundingBox();
    const [atProducer, atLeader, producer, leader] = await Promise.all([
      ring('produce-error-producer'),
      ring('produce-error-leader'),
      ring('client-P'),
      ring('replica-t-0-1'),
    ]);
    const around = (r: typeof producer, box: typeof producer) =>
      !!r &&
      !!box &&
      r.x <= box.x + 1 &&
      r.y <= box.y + 1 &&
      r.x + r.width >= box.x + box.width - 1 &&
      r.y + r.height >= box.y + box.height - 1;
    expect(around(atProducer, producer), 'the ring encloses producer P').toBe(true);
    expect(around(atLeader, leader), 'the ring encloses the leader chip p0@1').toBe(true);
    // offline replicas of the down brokers say so
    await expect(page.getByTestId('replica-t-0-2')).toHaveAttribute('data-state', 'offline');
  });
});

test.describe('at 1280x800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('with a lesson open the stage text is still at least 14 px', async ({ page }) => {
    // opened the way a teacher opens it: from the Lessons menu
    await openLesson(page, '2. The produce path with acks=all');
    await expect(page.getByTestId('lesson')).toHaveAttribute('data-step', '0');
    await expect(page.getByTestId('log-lane')).toBeVisible();
    const smallest = await smallestStageText(page);
    expect(smallest.px, `smallest: "${smallest.text}"`).toBeGreaterThanOrEqual(14);
  });

  test('after a kill the leader tags cover no chip, no card header and no other tag', async ({
    page,
  }) => {
    await tagsCoverNothing(page);
  });

  test('30 brokers in Cards and the event log stay at least 14 px', async ({ page }) => {
    await open(page, 'scenario=stress&paused=1');
    const overview = await smallestStageText(page);
    expect(overview.px, `overview, smallest: "${overview.text}"`).toBeGreaterThanOrEqual(14);
    await page.getByRole('button', { name: 'Cards' }).click();
    await expect(page.locator('.stage-canvas')).toHaveAttribute('data-scrolls', 'true');
    const cards = await smallestStageText(page);
    expect(cards.px, `cards, smallest: "${cards.text}"`).toBeGreaterThanOrEqual(14);
    await page.getByRole('button', { name: 'Kill broker 7', exact: true }).click();
    await runUntilEvent(page, 'brokerFenced');
    await expect(page.locator('.events li').first()).toBeVisible();
    const log = await smallestStageText(page, '.eventlog');
    expect(log.px, `event log, smallest: "${log.text}"`).toBeGreaterThanOrEqual(14);
  });
});

/** One clicker press on the open lesson: the next step, or (while a step waits) its event. */
async function pressNext(page: Page): Promise<void> {
  const lesson = page.getByTestId('lesson');
  const where = async () =>
    `${await lesson.getAttribute('data-step')}/${await lesson.getAttribute('data-waiting')}`;
  const before = await where();
  await page.keyboard.press('PageDown');
  await expect.poll(where).not.toBe(before);
}

/** `selector`'s smallest text (controls matching `include` counted) is at least `min` px. */
async function readable(page: Page, selector: string, min: number, include?: string) {
  const { px, text } = await smallestText(page, selector, include);
  expect(px, `${selector}: nothing measured`).toBeLessThan(Infinity);
  expect(px, `${selector}: smallest "${text}" is ${px} px`).toBeGreaterThanOrEqual(min);
}

for (const [width, height, min] of [
  [1920, 1080, 20],
  [1280, 800, 14],
] as const) {
  test.describe(`the toolbar and the timeline at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`with a lesson open: toolbar labels, timeline flags, axis ticks and marker legend at least ${min} px`, async ({
      page,
    }) => {
      const lesson = await openLesson(page, '3. The leader dies');
      await expect(lesson).toHaveAttribute('data-lesson', 'leader-dies');
      // the kill and the election put their flags on the timeline
      while ((await lesson.getAttribute('data-step')) !== '2') await pressNext(page);
      const flags = page.locator('.timeline .flag');
      await expect(flags.filter({ hasText: '✕ b2' })).toHaveCount(1);
      await expect(flags.filter({ hasText: '→' }).first()).toBeVisible();
      await readable(page, '.toolbar', min);
      await expect(page.locator('.toolbar .clock')).toContainText('t = ');
      await readable(page, '.toolbar .clock', min);
      await readable(page, '.toolbar .speed', min);
      await readable(page, '.timeline .flags', min, '.flag');
      await readable(page, '.timeline .axis', min);
      await expect(page.locator('.timeline .axis .tick text').first()).toHaveText(/\d s$/);
      await readable(page, '.timeline-legend', min);
      await expect(page.locator('.timeline-legend li')).toHaveCount(6);
    });
  });
}

test.describe('3 producers, a lesson and the log lane at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the stage fits: it never scrolls, at any step of the lesson', async ({ page }) => {
    const lesson = await openLesson(page, '4. acks=1 loses acknowledged data');
    await expect(lesson).toHaveAttribute('data-lesson', 'acks1-loses-data');
    await expect(page.locator('g[data-testid^="client-P"]')).toHaveCount(3);
    await expect(page.getByTestId('log-lane')).toBeVisible();
    const canvas = page.locator('.stage-canvas');
    const stage = page.locator('section.stage');
    const fits = async (el: typeof canvas) =>
      el.evaluate(
        (e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1,
      );
    // every step, the record lost at the end included (the lane holds the most then)
    for (let presses = 0; presses < 12; presses++) {
      await expect(canvas).toHaveAttribute('data-scrolls', 'false');
      expect(await fits(canvas), `the cluster scrolls at step ${presses}`).toBe(true);
      expect(await fits(stage), `the stage scrolls at step ${presses}`).toBe(true);
      const { px, text } = await smallestText(page);
      expect(px, `smallest "${text}"`).toBeGreaterThanOrEqual(20);
      if ((await lesson.getAttribute('data-step')) === '3') break;
      await pressNext(page);
    }
    await expect(lesson).toHaveAttribute('data-step', '3');
    await expect(page.getByTestId('lane-row-1')).toBeVisible();
  });
});
