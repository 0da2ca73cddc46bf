// Every door a user has, fed bad or hostile input: the app names what is wrong, keeps the run the
// user has (and its share link and recovery copy), never grinds, and never lets a long or
// right-to-left string break the page.
import { expect, test, type Page } from '@playwright/test';
import { advance, events, open, view } from './sim';

/** A share link to the app for this content (the app's own encoding: deflate-raw, base64url). */
async function shareLink(page: Page, content: unknown): Promise<string> {
  const hash = await page.evaluate(async (json) => {
    const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }, JSON.stringify(content));
  return `./#share=${hash}`;
}

/** The longest main-thread task seen since the page loaded (a PerformanceObserver in the page). */
async function watchLongTasks(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const w = window;
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  return () => page.evaluate(() => window.__longest);
}

const alert = (page: Page) => page.getByRole('alert');

/** Waits for a view of a run newer than `run` (not the last frame of the old one) at time `t`. */
async function newRunAt(page: Page, t: number, run: number): Promise<void> {
  await page.waitForFunction(
    ([time, before]) => {
      const s = window.__sim.state();
      return !s.dead && s.view !== null && s.view.run > before! && s.view.time === time;
    },
    [t, run],
  );
}

/** The view with its run number. */
async function runView(page: Page) {
  const v = await view(page);
  const run = await page.evaluate(() => window.__sim.state().view!.run);
  return { ...v, run };
}

test('a refused rebuild keeps the run, its event log, its share link and its recovery copy', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Kill broker 3', exact: true }).click();
  await advance(page, 3000);
  const before = await runView(page);
  const logged = (await events(page)).length;
  expect(logged).toBeGreaterThan(0);
  const shape = page.getByRole('form', { name: 'Cluster shape' });
  await shape.getByLabel('brokers').fill('2');
  await shape.getByLabel('replication factor').fill('3');
  await shape.getByRole('button', { name: 'Rebuild cluster' }).click();
  await expect(alert(page)).toContainText('could not be loaded');
  await expect(alert(page)).toContainText('replicationFactor');
  // the run goes on: same events, same scenario kept for share, export and recovery
  expect((await events(page)).length).toBeGreaterThanOrEqual(logged);
  expect(
    await page.evaluate(
      () => (window.__sim.session()?.scenario as { title?: string } | undefined)?.title,
    ),
  ).toBe('Three brokers, one partition');
  await page.getByRole('button', { name: 'Share / export' }).click();
  await page.getByRole('button', { name: 'Copy a link to this run' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  // recovery after the refusal brings back the same run
  await page.evaluate(() => window.__sim.killWorker());
  await page.getByRole('button', { name: 'Recover the run' }).click({ timeout: 10_000 });
  await newRunAt(page, before.time, before.run);
  expect((await view(page)).brokers).toEqual(before.brokers);
  // and the link opens that run
  const other = await page.context().newPage();
  await other.goto(link);
  await other.waitForFunction((t) => window.__sim.state().view?.time === t, before.time);
  expect((await view(other)).brokers.find((b) => b.id === 3)?.status).toBe('down');
});

test('malformed messages from the page are refused with a message; the run goes on', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await advance(page, 2000);
  for (const bad of [
    null,
    {},
    'a string',
    { type: 'command', command: null },
    { type: 'command', command: { type: 'produce', client: 'P', topic: 't', records: null } },
    { type: 'setSpeed', speed: NaN },
    { type: 'seek', t: NaN },
  ]) {
    await page.evaluate((m) => window.__sim.sendRaw(m), bad);
    await expect(alert(page)).toContainText('refused');
    await expect(alert(page)).toHaveAttribute('data-fatal', 'false');
  }
  expect((await view(page)).time).toBe(2000); // a NaN seek did not jump to 0
  expect(await advance(page, 500)).toBe(2500); // and time still moves
});

test('caps: a crafted huge cluster or a year-long run in a link is refused naming the cap', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  const huge = await shareLink(page, {
    v: 1,
    timings: 'demo',
    run: { at: 0, commands: [] },
    scenario: {
      format: 'kafka-replication-scenario/1',
      title: 'huge',
      cluster: { brokers: 1000 },
      topics: [{ name: 't', partitions: 10000, replicationFactor: 1000 }],
    },
  });
  await page.goto(huge);
  await expect(alert(page)).toContainText('cap of 5,000 replicas');
  await expect(page.getByTestId('broker-1')).toBeVisible(); // the default scenario instead
  const lecture = await page.evaluate(() => window.__sim.session()?.scenario);
  const yearLong = await shareLink(page, {
    v: 1,
    timings: 'demo',
    scenario: lecture,
    run: { at: 365 * 24 * 3600_000, commands: [] },
  });
  await page.goto('./?scenario=three-brokers&paused=1');
  await page.goto(yearLong);
  await expect(alert(page)).toContainText('more than the cap of 24 h');
});

test('a heavy cluster at the replica cap builds off the main thread', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  const heavy = await shareLink(page, {
    v: 1,
    timings: 'demo',
    run: { at: 0, commands: [] },
    scenario: {
      format: 'kafka-replication-scenario/1',
      title: 'heavy',
      cluster: { brokers: 100 },
      topics: [{ name: 't', partitions: 1000, replicationFactor: 5 }],
    },
  });
  const longest = await watchLongTasks(page);
  await page.evaluate((l) => (location.hash = l.slice(2)), heavy);
  await expect
    .poll(
      () =>
        page.evaluate(
          () => (window.__sim.session()?.scenario as { title?: string } | undefined)?.title,
        ),
      {
        timeout: 30_000,
      },
    )
    .toBe('heavy');
  await expect.poll(async () => (await view(page)).brokers.length).toBe(100);
  await expect(page.getByTestId('loading')).toBeHidden();
  console.log(
    `100 brokers x 1000 partitions x RF 5: longest main-thread task ${Math.round(await longest())} ms`,
  );
});

test('a replay longer than a moment shows progress, and Cancel brings back the run', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Kill broker 2', exact: true }).click();
  await advance(page, 1000);
  const before = await runView(page);
  const link = await shareLink(page, {
    v: 1,
    timings: 'demo',
    scenario: {
      format: 'kafka-replication-scenario/1',
      title: 'long',
      seed: 3,
      cluster: { brokers: 30 },
      topics: [{ name: 't', partitions: 100, replicationFactor: 3 }],
      clients: { P: { type: 'producer', config: { acks: 'all' } } },
      steps: [{ at: 0, do: 'produceStream', client: 'P', rate: 50 }],
    },
    run: { at: 6 * 3600_000, commands: [] },
  });
  await page.evaluate((l) => (location.hash = l.slice(2)), link);
  const loading = page.getByTestId('loading');
  await expect(loading).toContainText('Replaying the run', { timeout: 20_000 });
  await loading.getByRole('button', { name: 'Cancel' }).click();
  await newRunAt(page, before.time, before.run);
  expect((await view(page)).brokers).toEqual(before.brokers);
});

test('a big scenario file is refused by size, naming the cap', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Share / export' }).click();
  const big = JSON.stringify({
    format: 'kafka-replication-scenario/1',
    pad: 'x'.repeat(3_000_000),
  });
  await page
    .getByLabel('Scenario file')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(big) });
  await expect(alert(page)).toContainText('more than the cap of 2 MB');
  expect((await view(page)).brokers).toHaveLength(3);
});

test('the describe paste is read in linear time and capped', async ({ page }) => {
  await open(page, 'scenario=three-brokers&paused=1');
  await page.getByRole('button', { name: 'Share / export' }).click();
  const field = page.getByLabel('kafka-topics --describe output');
  await field.fill('a'.repeat(999_000));
  const longest = await watchLongTasks(page); // from here: what the app does with the paste
  await page.getByRole('button', { name: 'Play with this layout' }).click();
  await expect(alert(page)).toContainText('line 1');
  const worst = await longest();
  console.log(`1 MB describe paste: longest main-thread task ${Math.round(worst)} ms`);
  expect(worst).toBeLessThan(1000);
  await field.fill('b'.repeat(1_000_001));
  await page.getByRole('button', { name: 'Play with this layout' }).click();
  await expect(alert(page)).toContainText('more than the cap of 1,000,000');
});

test('long and right-to-left strings: the page keeps its width, the sentence its order', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  const width = await page.evaluate(() => innerWidth);
  const long = 'L'.repeat(10_000);
  await page.getByLabel('Value for P', { exact: true }).fill(long);
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  const rtl = 'abc\u202Edef';
  await page.getByLabel('Value for P', { exact: true }).fill(rtl);
  await page.getByRole('button', { name: 'Produce one record with P', exact: true }).click();
  await advance(page, 1000);
  await page.getByLabel('Filter events').fill('');
  await page.getByText('every append, fetch and ack').click();
  await expect(
    page.getByTestId('event-log').locator('bdi', { hasText: 'LLLL' }).first(),
  ).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  // the override stays inside the value's isolate: the text after it is a separate element
  const isolated = await page
    .getByTestId('event-log')
    .locator('bdi', { hasText: '\u202E' })
    .first()
    .evaluate((el) => el.textContent);
  expect(isolated).toBe(`"${rtl}"`);
  // a 10 KB field name in a refused message: wrapped, the dismiss button on screen
  await page.evaluate((name) => {
    window.__sim.sendRaw({
      type: 'command',
      command: { type: 'kill', [name]: 1 },
    });
  }, 'F'.repeat(10_000));
  await expect(alert(page)).toContainText('refused');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    width,
  );
  const dismiss = page.getByRole('button', { name: 'Dismiss message' });
  const box = (await dismiss.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(width);
  await dismiss.click();
  await expect(alert(page)).toBeHidden();
});

test('unknown scenario, unknown lesson, refused link: the message stays and the default opens', async ({
  page,
}) => {
  await page.goto('./?scenario=nope&paused=1');
  await expect(page.getByTestId('broker-5')).toBeVisible();
  await expect(alert(page)).toContainText('Unknown scenario "nope"');
  await page.goto('./?lesson=nope');
  await expect(page.getByTestId('broker-5')).toBeVisible();
  await expect(alert(page)).toContainText('nope');
  await page.goto('./#share=AAAA');
  await expect(page.getByTestId('broker-5')).toBeVisible();
  await expect(alert(page)).toContainText('share link could not be opened');
});

test('a share link pasted into a tab that shows the app opens it', async ({ page }) => {
  await open(page, 'scenario=lecture&paused=1');
  const link = await shareLink(page, {
    v: 1,
    timings: 'demo',
    scenario: {
      format: 'kafka-replication-scenario/1',
      title: 'pasted',
      cluster: { brokers: 2 },
      topics: [{ name: 't', partitions: 1, replicationFactor: 2 }],
    },
    run: { at: 1500, commands: [] },
  });
  await page.evaluate((l) => (location.hash = l.slice(2)), link);
  await page.waitForFunction(() => window.__sim.state().view?.time === 1500);
  expect((await view(page)).brokers.map((b) => b.id)).toEqual([1, 2]);
});

test('cluster shape fields take exactly what is typed, and follow the scenario loaded', async ({
  page,
}) => {
  await open(page, 'scenario=three-brokers&paused=1');
  const shape = page.getByRole('form', { name: 'Cluster shape' });
  for (const typed of ['-5', '1e9', '3.7', '']) {
    await shape.getByLabel('brokers').fill(typed);
    await shape.getByRole('button', { name: 'Rebuild cluster' }).click();
    await expect(alert(page)).toContainText(
      `brokers: expected a whole number from 1 to 30, got "${typed}"`,
    );
    expect((await view(page)).brokers).toHaveLength(3);
  }
  await shape.getByLabel('brokers').fill('4');
  await shape.getByLabel('replication factor').fill('2');
  await shape.getByRole('button', { name: 'Rebuild cluster' }).click();
  await expect(page.getByTestId('broker-4')).toBeVisible();
  await expect(shape.getByLabel('brokers')).toHaveValue('4');
  const runBefore = await page.evaluate(() => window.__sim.state().view!.run);
  await page.getByLabel('Lessons').selectOption('leader-dies');
  await expect(page.getByTestId('lesson')).toBeVisible();
  // the lesson's run arrives from the worker a moment later: the field follows it
  await expect
    .poll(async () => {
      const v = await page.evaluate(() => window.__sim.state().view!);
      const typed = await shape.getByLabel('brokers').inputValue();
      return v.run > runBefore && typed === String(v.brokers.length);
    })
    .toBe(true);
});
