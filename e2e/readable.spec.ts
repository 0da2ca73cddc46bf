// Readable from the back row, beyond the stage: the walk checklist, the lesson's narration and
// question, and the side-by-side verdicts are at least 20 px at 1920x1080 and at least 14 px at
// 1280x800, opened the way a teacher opens them (the Lessons menu, the walk button, the keys).
import { expect, test, type Locator, type Page } from '@playwright/test';
import { advance, open, openLesson, simTime } from './sim';
import { smallestText } from './text-size';

const where = async (lesson: Locator) =>
  `${await lesson.getAttribute('data-step')}/${await lesson.getAttribute('data-waiting')}`;

/** One clicker press: the next step, or (while a step waits) straight to its event. */
async function press(page: Page, lesson: Locator): Promise<void> {
  const before = await where(lesson);
  await page.keyboard.press('PageDown');
  await expect.poll(() => where(lesson)).not.toBe(before);
}

/** `selector`'s smallest text is at least `min` px (the message names the text that is not). */
async function atLeast(page: Page, selector: string, min: number): Promise<number> {
  const { px, text } = await smallestText(page, selector);
  expect(px, `${selector}: smallest "${text}" is ${px} px`).toBeGreaterThanOrEqual(min);
  return px;
}

/** The side panel scrolls down, never sideways: no line is cut off at its right edge. */
async function sideNotClipped(page: Page): Promise<void> {
  const side = page.locator('aside.side');
  const { scroll, client } = await side.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
  }));
  expect(scroll, 'the side panel overflows sideways').toBeLessThanOrEqual(client + 1);
}

for (const [width, height, min] of [
  [1920, 1080, 20],
  [1280, 800, 14],
] as const) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`lesson 2 from the Lessons menu: narration, walk checklist and question at least ${min} px`, async ({
      page,
    }) => {
      const lesson = await openLesson(page, '2. The produce path with acks=all');
      await expect(lesson).toHaveAttribute('data-lesson', 'produce-path-acks-all');
      // mid-walk: r1 is on the leader and a follower, the ack still waits on the other follower
      while (Number(await lesson.getAttribute('data-step')) < 3) await press(page, lesson);
      const walk = page.getByTestId('walk');
      const checklist = walk.locator('.checklist');
      await expect(checklist).toBeVisible();
      await expect(checklist).toContainText('The ack waits for (acks=all)');
      await expect(checklist.locator('li[data-done="true"]')).toContainText([
        'the leader appended it',
      ]);
      await expect(checklist.locator('li')).toHaveCount(5);
      await atLeast(page, '[data-testid="lesson"]', min);
      await atLeast(page, '[data-testid="walk"] .checklist', min);
      await atLeast(page, '[data-testid="walk"]', min);
      await atLeast(page, 'aside.side', min);
      await sideNotClipped(page);
      // the walked hops below the checklist are reached by scrolling the panel, at full size
      await walk.locator('.walk-steps li').last().scrollIntoViewIfNeeded();
      await expect(walk.locator('.walk-steps li').last()).toBeInViewport();
      // the question for the class
      while ((await lesson.getAttribute('data-step')) !== '8') await press(page, lesson);
      await expect(lesson).toContainText('Question for the class');
      await atLeast(page, '[data-testid="lesson"]', min);
    });

    test(`a record walked with the walk button and the → key: its checklist at least ${min} px`, async ({
      page,
    }) => {
      await open(page, 'scenario=lecture&paused=1');
      await advance(page, 1000);
      await page.getByRole('button', { name: 'Walk a new record' }).click();
      const walk = page.getByTestId('walk');
      await expect(walk.locator('.checklist')).toBeVisible();
      // hop by hop with the key: each press moves the record (and simulated time) to its next hop
      const done = walk.locator('.walk-steps li[data-done="true"]');
      for (let hop = 0; hop < 3; hop++) {
        const before = await done.count();
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => done.count()).toBeGreaterThan(before);
      }
      expect(await simTime(page)).toBeGreaterThan(1000);
      await atLeast(page, '[data-testid="walk"] .checklist', min);
      await atLeast(page, '[data-testid="walk"]', min);
      await atLeast(page, 'aside.side', min);
      await sideNotClipped(page);
    });

    test(`side by side: both lanes' verdict banners at least ${min} px`, async ({ page }) => {
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
      await expect(page.getByTestId('lane-left')).toContainText('LOST after being acknowledged');
      await expect(page.getByTestId('lane-right')).toContainText('No acknowledged record lost');
      await atLeast(page, '[data-testid="lane-left"]', min);
      await atLeast(page, '[data-testid="lane-right"]', min);
    });
  });
}

test.describe('presenter mode at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the narration and the walked record are at least as large as in the lecture view', async ({
    page,
  }) => {
    const lesson = await openLesson(page, '2. The produce path with acks=all');
    while (Number(await lesson.getAttribute('data-step')) < 3) await press(page, lesson);
    const narration = async () =>
      parseFloat(
        await lesson.locator('.narration').evaluate((el) => getComputedStyle(el).fontSize),
      );
    const lecture = await narration();
    const walk = await atLeast(page, '[data-testid="walk"]', 20);
    await page.keyboard.press('p');
    await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'true');
    await expect(page.getByTestId('presenter-walk')).toBeVisible();
    expect(await narration()).toBeGreaterThanOrEqual(Math.max(lecture, 24));
    await atLeast(page, '[data-testid="lesson"]', 20);
    await atLeast(page, '[data-testid="presenter-walk"]', walk);
  });
});
