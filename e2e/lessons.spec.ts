// Lessons the way a class uses them: picked from the Lessons menu with the app already running,
// advanced with the clicker key (PageDown), each on a fresh run. No URL parameters, no test
// hooks for driving (the state is only read).
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { view } from './sim';
import { inFlight, playing } from './read-view';

/** The lessons in teaching order, each titled as its file is (src/data/lessons). */
const ORDER = [
  'leaders-and-followers',
  'produce-path-acks-all',
  'leader-dies',
  'acks1-loses-data',
  'min-insync-replicas',
  'slow-follower',
  'offline-vs-unclean',
  'truncation-on-return',
];
const fileTitle = (id: string) =>
  (
    JSON.parse(
      readFileSync(new URL(`../src/data/lessons/${id}.json`, import.meta.url), 'utf8'),
    ) as { title: string }
  ).title;
const MENU: [string, string][] = ORDER.map((id, i) => [`${i + 1}. ${fileTitle(id)}`, id]);

const where = async (lesson: Locator) =>
  `${await lesson.getAttribute('data-step')}/${await lesson.getAttribute('data-waiting')}`;

/** One clicker press: the next step, or (while a step waits) straight to its event. */
async function click(page: Page, lesson: Locator): Promise<void> {
  const before = await where(lesson);
  await page.keyboard.press('PageDown');
  await expect.poll(() => where(lesson)).not.toBe(before);
}

async function pick(page: Page, [title, id]: [string, string]): Promise<Locator> {
  await page.getByRole('combobox', { name: 'Lessons' }).selectOption({ label: title });
  const lesson = page.getByTestId('lesson');
  await expect(lesson).toHaveAttribute('data-lesson', id);
  await expect(lesson).toHaveAttribute('data-step', '0');
  return lesson;
}

test('the Lessons menu lists every lesson in teaching order under its file’s title', async ({
  page,
}) => {
  await page.goto('./');
  const options = page
    .getByRole('combobox', { name: 'Lessons' })
    .locator('option[value]:not([value=""])');
  await expect(options).toHaveText(MENU.map(([title]) => title));
  expect(await options.evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(
    ORDER,
  );
});

test('every lesson, picked from the menu in order, plays to its end with PageDown', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  for (const item of MENU) {
    const title = item[0];
    const lesson = await pick(page, item);
    // a fresh run: it starts from the beginning, not where the previous one stopped
    await expect.poll(async () => (await view(page)).time).toBeLessThan(1000);
    let presses = 0;
    while ((await lesson.getAttribute('data-done')) !== 'true') {
      await click(page, lesson);
      expect(++presses, `${title}: too many presses`).toBeLessThan(30);
      // one numbering scheme: the narration never carries a number of its own
      await expect(lesson.locator('.narration')).not.toHaveText(/Steps? \d+( and \d+)?:/);
    }
    await expect(lesson).toContainText('Question for the class');
    if (title.startsWith('4.'))
      await expect(page.getByTestId('durability-alarm')).toContainText('only-on-1');
    if (title.startsWith('3.')) await expect(page.getByTestId('durability-ok')).toBeVisible();
  }
});

test('lesson 2 shows one hop per step: LEO, HW and the ack, checked at each stop', async ({
  page,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  // lesson 1 first, then lesson 2 at once: lesson 2 must not wait for lesson 1's events
  await pick(page, MENU[0]!);
  const lesson = await pick(page, MENU[1]!);
  const leo = (b: number) => page.getByTestId(`replica-log-${b}`);
  const status = page.locator('[data-testid="walk"] .walk-head');
  /** [leader 2, follower 0, follower 1] as LEO/HW, and the record's status */
  const expectStop = async (step: number, logs: string[], record: string) => {
    await expect(lesson).toHaveAttribute('data-step', String(step));
    // the run plays at 1x and the worker stops exactly at the hop: no Continue until then
    await expect(lesson).toHaveAttribute('data-waiting', 'false');
    await expect(lesson.locator('header')).toContainText(`Step ${step + 1} of 8`);
    const shown = [];
    for (const b of [2, 0, 1])
      shown.push(
        `${await leo(b).getAttribute('data-leo')}/${await leo(b).getAttribute('data-hw')}`,
      );
    expect(shown, `step ${step + 1}`).toEqual(logs);
    await expect(status).toHaveAttribute('data-status', record);
    expect(await playing(page)).toBe(false);
  };
  // 1: the produce request in flight, nobody has r1
  await expectStop(0, ['0/0', '0/0', '0/0'], 'pending');
  expect(await inFlight(page, 'produce')).toBe(true);
  expect((await view(page)).time).toBeLessThan(300); // no burst past the send after load
  const next = async () => {
    await lesson.getByRole('button', { name: 'Continue ▶' }).click();
  };
  await next(); // 2: the leader appends: LEO 1
  await expectStop(1, ['1/0', '0/0', '0/0'], 'pending');
  await next(); // 3: the fetch response reaches broker 1
  await expectStop(2, ['1/0', '0/0', '1/0'], 'pending');
  await next(); // 4: ... and broker 0
  await expectStop(3, ['1/0', '1/0', '1/0'], 'pending');
  await next(); // 5: broker 1's next fetch reports it: the HW waits for broker 0
  await expectStop(4, ['1/0', '1/0', '1/0'], 'pending');
  await next(); // 6: broker 0 reports it: the HW moves to 1
  await expectStop(5, ['1/1', '1/0', '1/0'], 'pending');
  await next(); // 7: the ack travels back
  await expectStop(6, ['1/1', '1/0', '1/0'], 'acked');
  await next(); // 8: the consumer reads r1
  await expect(lesson).toHaveAttribute('data-step', '7');
  await expect(lesson).toHaveAttribute('data-waiting', 'false');
  await expect(page.locator('[data-testid="walk"] [data-step="consume"]')).toHaveAttribute(
    'data-done',
    'true',
  );
  // the walk lists its hops in time order
  const times = await page
    .locator('[data-testid="walk"] .walk-steps li[data-done="true"] time')
    .allTextContents();
  const seconds = times.map((t) => parseFloat(t));
  expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
  // PageUp goes back to where the step began
  await page.keyboard.press('PageUp');
  await expect(lesson).toHaveAttribute('data-step', '6');
});

test('PageUp goes back to where the step began (time travel)', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  const lesson = await pick(page, MENU[2]!);
  while (
    (await lesson.getAttribute('data-step')) !== '1' ||
    (await lesson.getAttribute('data-waiting')) !== 'false'
  )
    await click(page, lesson);
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'down');
  await page.keyboard.press('PageUp');
  await expect(lesson).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('broker-2')).toHaveAttribute('data-status', 'up');
  // and on again: the step waits for its event once more
  await click(page, lesson);
  await expect(lesson).toHaveAttribute('data-step', '0');
  await expect(lesson).toHaveAttribute('data-waiting', 'false');
  await click(page, lesson);
  await expect(lesson).toHaveAttribute('data-step', '1');
});

test('walking a new record: produced at once, → and ← go hop by hop, hops in time order', async ({
  page,
}) => {
  await page.goto('./?scenario=lecture&paused=1');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  await page.getByRole('button', { name: 'Walk a new record' }).click();
  const walk = page.getByTestId('walk');
  await expect(walk).toContainText('"walk-1"');
  const done = () => walk.locator('.walk-steps li[data-done="true"]').count();
  // the send is at once: the producer asks for metadata first (one hop), then sends
  let before = await done();
  const counts: number[] = [before];
  for (
    let i = 0;
    i < 12 && (await walk.locator('[data-step="consume"]').getAttribute('data-done')) !== 'true';
    i++
  ) {
    const t = await page.locator('.clock').textContent();
    await page.keyboard.press('ArrowRight');
    await expect.poll(done).toBeGreaterThan(before);
    before = await done();
    counts.push(before);
    expect(await page.locator('.clock').textContent()).not.toBe(t);
  }
  // a handful of presses walk the whole path (not ~150 protocol events)
  expect(counts.length).toBeLessThanOrEqual(12);
  await expect(walk.locator('.walk-head')).toHaveAttribute('data-status', 'acked');
  const seconds = (
    await walk.locator('.walk-steps li[data-done="true"] time').allTextContents()
  ).map((t) => parseFloat(t));
  expect(seconds).toEqual([...seconds].sort((a, b) => a - b));
  // ← goes back the same way: one hop at a time
  const last = await done();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(done).toBeLessThan(last);
});

test('presenter mode: lesson picker, clicker to the next lesson, walk, why-lost and burst subtitles', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveAttribute('data-presenter', 'true');
  // the subtitle sums up a burst: kill broker 2 by keys and let the fencing happen
  await page.keyboard.press('2');
  await page.keyboard.press('k');
  await expect(page.getByTestId('subtitles')).toContainText(
    'Controller fenced broker 2 → new leaders:',
    {
      timeout: 15_000,
    },
  );
  await expect(page.getByTestId('subtitles')).toContainText('p0 → 0');
  // the picker stays; lesson 2 shows the walked record and its checklist in large type
  const lesson = await pick(page, MENU[1]!);
  await click(page, lesson);
  const band = page.getByTestId('presenter-walk');
  await expect(band).toContainText('"r1"');
  await expect(band).toContainText('The ack waits for:');
  expect(
    parseFloat(await band.evaluate((e) => getComputedStyle(e).fontSize)),
  ).toBeGreaterThanOrEqual(20);
  while ((await lesson.getAttribute('data-done')) !== 'true') await click(page, lesson);
  // at the end, the clicker goes on to the next lesson (a fresh run)
  await page.keyboard.press('PageDown');
  await expect(lesson).toHaveAttribute('data-lesson', 'leader-dies');
  await expect(lesson).toHaveAttribute('data-step', '0');
  // and PageUp at its first step goes back to the previous one
  await expect(lesson).toHaveAttribute('data-waiting', 'false', { timeout: 10_000 });
  await page.keyboard.press('PageUp');
  await expect(lesson).toHaveAttribute('data-lesson', 'produce-path-acks-all');
  // lesson 4: the why-lost chain is on screen
  const four = await pick(page, MENU[3]!);
  while ((await four.getAttribute('data-step')) !== '3') await click(page, four);
  await expect(page.getByTestId('presenter-why-lost')).toContainText('only-on-1');
});

test('a share link opens the lesson at its step, still following its record', async ({
  page,
  context,
}) => {
  await page.goto('./');
  await expect(page.getByTestId('broker-1')).toBeVisible();
  const lesson = await pick(page, MENU[1]!);
  for (const step of ['1', '2', '3']) {
    await expect(lesson).toHaveAttribute('data-waiting', 'false');
    await lesson.getByRole('button', { name: 'Continue ▶' }).click();
    await expect(lesson).toHaveAttribute('data-step', step);
  }
  await expect(lesson).toHaveAttribute('data-waiting', 'false');
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page.getByRole('button', { name: 'Copy a link to this run' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  const shared = await context.newPage();
  await shared.goto(link);
  const again = shared.getByTestId('lesson');
  await expect(again).toHaveAttribute('data-lesson', 'produce-path-acks-all');
  await expect(again).toHaveAttribute('data-step', '3');
  await expect(shared.getByTestId('replica-log-0')).toHaveAttribute('data-leo', '1');
  // the next step still stops at r1's next hop: broker 1's report, the HW not moved yet
  await shared.keyboard.press('PageDown');
  await expect(again).toHaveAttribute('data-step', '4');
  await expect(again).toHaveAttribute('data-waiting', 'false');
  await expect(shared.getByTestId('replica-log-2')).toHaveAttribute('data-hw', '0');
  await expect(shared.locator('[data-testid="walk"] [data-step="report-1"]')).toHaveAttribute(
    'data-done',
    'true',
  );
});
