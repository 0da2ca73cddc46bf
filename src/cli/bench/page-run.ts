// One run of the page benchmark: a fresh Chromium, one scenario, a settle period, then a
// measurement window of steady play (performance.md, "How to measure").
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { PAGE_PROBE } from './page-probe';
import type { PageScenario } from './page-scenarios';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from '../chromium';

export const CHROMIUM = SYSTEM_CHROMIUM ?? '/usr/bin/chromium';
export { CHROMIUM_ARGS };
export const VIEWPORT = { width: 1280, height: 800 };

export interface RunTimings {
  settleMs: number;
  windowMs: number;
}

export interface RunResult {
  scenario: string;
  run: number;
  clusterDrawnMs: number;
  frames: {
    count: number;
    fps: number;
    medianMs: number;
    p95Ms: number;
    p99Ms: number;
    maxMs: number;
    over16_7Pct: number;
    over33Pct: number;
  };
  longTasks: { count: number; maxMs: number; totalMs: number };
  longAnimationFrames: { count: number; maxMs: number; supported: boolean };
  busyShare: number;
  heap: { startMB: number; endMB: number; growthPct: number };
  dom: { max: number; end: number };
  posts: {
    perSecond: number;
    perFrame: number;
    maxPerFrame: number;
    /** JSON.stringify length of the views sampled once a second (structured-clone size proxy) */
    viewBytes: { median: number; max: number; samples: number };
    largestViewFields: Record<string, number>;
    messagesInView: number | null;
  };
  simMsPerWallMs: number;
  windowMs: number;
  errors: string[];
  brokerStatuses: Record<string, string> | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? NaN;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface ProbeWindow {
  startedAt: number;
  stoppedAt: number;
  startVersion: number;
  stopVersion: number;
  startSimTime: number | null;
  stopSimTime: number | null;
  frames: number[];
  versions: number[];
  longTasks: { start: number; duration: number }[];
  loafs: { start: number; duration: number }[];
  longtaskUnsupported: string | null;
  loafUnsupported: string | null;
  dom: number[];
  messagesInView: number | null;
}

interface ProbeViewSizes {
  sizes: { version: number; bytes: number; messages: number; events: number }[];
  largestFields: Record<string, number>;
}

async function until(page: Page, expression: string, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

const hook = (command: unknown) => `window.__sim.command(${JSON.stringify(command)})`;

export async function runOnce(
  baseUrl: string,
  scenario: PageScenario,
  run: number,
  t: RunTimings,
): Promise<RunResult> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.addInitScript(PAGE_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');

    await page.goto(`${baseUrl}?${scenario.query}`, { waitUntil: 'load' });
    // Polled from here: page.waitForFunction with a string predicate needs eval, which the
    // app's CSP forbids. The time itself is taken in the page (MutationObserver).
    await until(
      page,
      `!!(window.__bench && window.__bench.drawnAt !== null && window.__sim && window.__sim.state().view !== null)`,
      30_000,
      'the cluster to be drawn',
    );
    const clusterDrawnMs = (await page.evaluate('window.__bench.drawnAt')) as number;
    for (const c of scenario.afterLoad) await page.evaluate(hook(c));
    if (scenario.advanceMs) {
      const target = scenario.advanceMs;
      await page.evaluate(`window.__sim.advance(${target})`);
      await until(
        page,
        `(window.__sim.state().view?.time ?? 0) >= ${target}`,
        600_000,
        `${target} simulated ms`,
      );
    }
    await sleep(t.settleMs);

    const heapStart = await heapAfterGc(cdp);
    const m0 = await metrics(cdp);
    await page.evaluate('window.__bench.start()');
    const wall0 = Date.now();
    for (const d of [...scenario.during].sort((a, b) => a.atMs - b.atMs)) {
      await sleep(wall0 + d.atMs - Date.now());
      await page.evaluate(hook(d.command));
    }
    await sleep(wall0 + t.windowMs - Date.now());
    const m1 = await metrics(cdp);
    const w = (await page.evaluate('window.__bench.stop()')) as ProbeWindow;
    const sizes = (await page.evaluate('window.__bench.viewSizes()')) as ProbeViewSizes;
    const heapEnd = await heapAfterGc(cdp);
    const state = (await page.evaluate(
      `(() => { const s = window.__sim.state(); return { error: s.error, brokers: s.view ? s.view.brokers.map((b) => [b.id, b.status]) : null }; })()`,
    )) as { error: { message: string } | null; brokers: [number, string][] | null };
    if (state.error) errors.push(`app error: ${state.error.message}`);

    const intervals: number[] = [];
    for (let i = 1; i < w.frames.length; i++) intervals.push(w.frames[i]! - w.frames[i - 1]!);
    const sorted = [...intervals].sort((a, b) => a - b);
    const share = (ms: number) =>
      intervals.length ? (100 * intervals.filter((x) => x > ms).length) / intervals.length : NaN;
    const windowMs = w.stoppedAt - w.startedAt;
    let maxPerFrame = 0;
    for (let i = 1; i < w.versions.length; i++)
      maxPerFrame = Math.max(maxPerFrame, w.versions[i]! - w.versions[i - 1]!);
    const posts = w.stopVersion - w.startVersion;
    const viewBytes = sizes.sizes.map((s) => s.bytes);
    const busyShare =
      ((m1.TaskDuration ?? NaN) - (m0.TaskDuration ?? NaN)) /
      ((m1.Timestamp ?? NaN) - (m0.Timestamp ?? NaN));

    return {
      scenario: scenario.name,
      run,
      clusterDrawnMs,
      frames: {
        count: w.frames.length,
        fps: (1000 * intervals.length) / (w.frames.at(-1)! - w.frames[0]!),
        medianMs: median(intervals),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted.at(-1) ?? NaN,
        over16_7Pct: share(16.7),
        over33Pct: share(33),
      },
      longTasks: {
        count: w.longTasks.length,
        maxMs: Math.max(0, ...w.longTasks.map((x) => x.duration)),
        totalMs: w.longTasks.reduce((n, x) => n + x.duration, 0),
      },
      longAnimationFrames: {
        count: w.loafs.length,
        maxMs: Math.max(0, ...w.loafs.map((x) => x.duration)),
        supported: w.loafUnsupported === null,
      },
      busyShare,
      heap: {
        startMB: heapStart / 1e6,
        endMB: heapEnd / 1e6,
        growthPct: (100 * (heapEnd - heapStart)) / heapStart,
      },
      dom: { max: Math.max(...w.dom), end: w.dom.at(-1) ?? NaN },
      posts: {
        perSecond: (1000 * posts) / windowMs,
        perFrame: posts / Math.max(1, w.frames.length),
        maxPerFrame,
        viewBytes: {
          median: median(viewBytes),
          max: Math.max(...viewBytes),
          samples: viewBytes.length,
        },
        largestViewFields: sizes.largestFields,
        messagesInView: w.messagesInView,
      },
      simMsPerWallMs:
        w.startSimTime !== null && w.stopSimTime !== null
          ? (w.stopSimTime - w.startSimTime) / windowMs
          : NaN,
      windowMs,
      errors,
      brokerStatuses: state.brokers ? Object.fromEntries(state.brokers) : null,
    };
  } finally {
    await browser.close();
  }
}
