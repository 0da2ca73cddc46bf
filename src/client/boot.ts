// Starts the worker, binds the store to it, loads the scenario named in the URL (or the lecture
// example) and exposes a small test hook (window.__sim) that drives simulated time.
import {
  bindClient,
  loadScenario,
  advance,
  command,
  step,
  pause,
  runUntilEvent,
} from '../store/actions';
import { setError, simStore, writeView } from '../store/store';
import type { TimingsPreset } from '../protocol/messages';
import { connectSimClient, type SimClient, type WorkerPort } from './sim-client';
import { keepLastGoodRun, lastGoodRun, sendRaw } from '../store/actions';
import { decodeShare } from './share';
import { bundledScenario, bundledScenarioNames } from './bundled';
import { openLesson } from '../store/lessons';

export const DEFAULT_SCENARIO = 'lecture';

let worker: Worker | null = null;

/** Starts (or restarts) the simulation worker and binds the store to it. */
function startWorker(): SimClient {
  worker?.terminate();
  worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
  const client = connectSimClient(worker as unknown as WorkerPort, {
    onView: writeView,
    onError: (message, fatal) => setError({ message, fatal }),
    frame: (f) => requestAnimationFrame(f),
    now: () => performance.now(),
  });
  bindClient(client);
  return client;
}

/** After a worker failure: a new worker replays the scenario and the last good run (nothing the user did is lost). */
export function restartFromLastGood(): void {
  startWorker();
  const good = lastGoodRun();
  if (good) loadScenario(good.scenario, good.timings, false, good.run);
}

export function boot(): void {
  startWorker();
  keepLastGoodRun();

  const params = new URLSearchParams(location.search);
  const name = params.get('scenario') ?? DEFAULT_SCENARIO;
  const timings: TimingsPreset = params.get('timings') === 'kafka' ? 'kafka' : 'demo';
  const playing = params.get('paused') !== '1';
  const share = location.hash.startsWith('#share=') ? location.hash.slice('#share='.length) : null;
  const lesson = params.get('lesson');
  if (share !== null) void loadSharedRun(share, name, timings);
  else if (lesson !== null) openLesson(lesson);
  else void loadNamedScenario(name, timings, playing);

  (window as unknown as { __sim: unknown }).__sim = {
    state: () => simStore.getState(),
    advance,
    command,
    step,
    pause,
    runUntilEvent,
    /** test hook: make the worker fail, to check the recovery */
    failWorker: () => sendRaw({ type: 'debugFail' }),
    lastGood: () => lastGoodRun(),
  };
}

/** A share link replays its run, paused where it was shared; a broken link says why and opens the default. */
async function loadSharedRun(
  text: string,
  fallback: string,
  timings: TimingsPreset,
): Promise<void> {
  const decoded = await decodeShare(text);
  if (!decoded.ok) {
    await loadNamedScenario(fallback, timings, false);
    setError({
      message: `This share link could not be opened: ${decoded.error}. The ${fallback} scenario is shown instead.`,
      fatal: false,
    });
    return;
  }
  const { shared } = decoded;
  loadScenario(shared.scenario, shared.timings, false, shared.run);
  if (shared.lesson) openLesson(shared.lesson.id, shared.lesson.step, true);
}

async function loadNamedScenario(
  name: string,
  timings: TimingsPreset,
  playing: boolean,
): Promise<void> {
  const scenario = /^[\w.-]+$/.test(name) ? bundledScenario(name) : undefined;
  if (scenario === undefined) {
    setError({
      message: `Unknown scenario "${name}". Known: ${bundledScenarioNames().join(', ')}.`,
      fatal: false,
    });
    if (name !== DEFAULT_SCENARIO)
      loadScenario(bundledScenario(DEFAULT_SCENARIO), timings, playing);
    return;
  }
  loadScenario(scenario, timings, playing);
}
