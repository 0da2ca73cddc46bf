// Starts the worker, binds the store to it, loads the scenario named in the URL (or the lecture
// example) and exposes a small test hook (window.__sim) that drives simulated time. When the
// worker dies, a fresh one (from a kept copy of its script: no fetch, works offline) replays the
// session to the exact moment of the failure.
import {
  bindClient,
  loadScenario,
  loadAccepted,
  advance,
  command,
  step,
  pause,
  runUntilEvent,
  sendRaw,
  parseInWorker,
} from './actions';
import { setError, simStore, writeView } from './store';
import type { TimingsPreset, FromWorker } from '../protocol/messages';
import type { Command } from '../engine/index';
import { keepWorkerScript, newWorker } from '../client/worker-script';
import { connectSimClient, type SimClient, type WorkerPort } from '../client/sim-client';
import { decodeShare, type SharedRun } from '../client/share';
import { bundledScenario, bundledScenarioNames } from '../client/bundled';
import { openLesson, watchLessons } from './lessons';
import * as sessions from './session';

export const DEFAULT_SCENARIO = 'lecture';

let client: SimClient | null = null;
/** a load or replay taking longer than this shows the loading state */
const LOADING_AFTER_MS = 500;
let loadingTimer: ReturnType<typeof setTimeout> | null = null;

/** Starts (or restarts) the simulation worker and binds the store to it. */
function startWorker(): SimClient {
  const runBase = simStore.getState().view?.run ?? 0;
  client?.close();
  sessions.dropProposals();
  const worker = newWorker();
  client = connectSimClient(worker as unknown as WorkerPort, {
    onView: writeView,
    onError: (message, fatal) => setError({ message, fatal }),
    onReady: (load) => {
      loadAccepted(load);
      clearLoading();
    },
    onRefused: (load, message) => {
      sessions.refuse(load);
      clearLoading();
      setError({ message, fatal: false });
      // nothing was accepted yet (a refused link at start): the default scenario instead
      if (!sessions.session() && !sessions.isPending()) loadDefault(false);
    },
    onLog: (at, log, seq, view) => sessions.onView(at, log, seq, view.playing, view.speed),
    onProgress: (_load, done, total) => simStore.setState({ loading: { done, total } }),
    onDead: (reason) => {
      clearLoading();
      simStore.setState({ dead: true });
      const at = sessions.session()?.at.t;
      setError({
        message: `${reason} Recover the run: a new simulation replays it${at !== undefined ? ` to ${(at / 1000).toFixed(1)} s` : ''}, where it stopped.`,
        fatal: true,
      });
    },
    loading: () => sessions.isPending(),
    onBusy: (busy) => {
      // a long step in one go: after a moment, say so (with Cancel)
      if (busy) showLoadingSoon();
      else if (!sessions.isPending()) clearLoading();
    },
    frame: (f) => requestAnimationFrame(f),
    now: () => performance.now(),
    every: (ms, f) => {
      const id = setInterval(f, ms);
      return () => clearInterval(id);
    },
  });
  client.setRunBase(runBase);
  bindClient(client);
  return client;
}

function clearLoading(): void {
  if (loadingTimer) clearTimeout(loadingTimer);
  loadingTimer = null;
  if (simStore.getState().loading) simStore.setState({ loading: null });
}

/** Loads, and shows the loading state (with Cancel) if the worker takes more than a moment. */
function load(scenario: unknown, timings: TimingsPreset, playing: boolean, run?: unknown): void {
  loadScenario(scenario, timings, playing, run);
  showLoadingSoon();
}

function showLoadingSoon(): void {
  if (loadingTimer) clearTimeout(loadingTimer);
  loadingTimer = setTimeout(() => {
    loadingTimer = null;
    if (!simStore.getState().loading) simStore.setState({ loading: { done: 0, total: 0 } });
  }, LOADING_AFTER_MS);
}

/**
 * After a worker failure: a fresh worker replays the session (scenario, seed, command log with
 * positions) to the position of the last view, then the commands sent since. Nothing is lost.
 */
export function recoverRun(): void {
  const s = sessions.session();
  const speed = s?.speed ?? 1;
  startWorker();
  setError(null);
  simStore.setState({ dead: false });
  if (!s) return loadDefault(false);
  load(s.scenario, s.timings, false, sessions.recoveryRun(s));
  if (speed !== 1) client?.send({ type: 'setSpeed', speed });
}

/** Cancel a long load or replay: the worker is replaced and the run the user had comes back. */
export function cancelLoading(): void {
  clearLoading();
  if (sessions.session()) recoverRun();
  else {
    startWorker();
    loadDefault(false);
  }
}

function loadDefault(playing: boolean): void {
  load(bundledScenario(DEFAULT_SCENARIO), 'demo', playing);
}

export function boot(): void {
  exposeTestHook();
  watchLessons();
  void keepWorkerScript().then(() => {
    startWorker();
    openFromUrl();
    // A share link pasted into a tab that already shows the app opens too.
    addEventListener('hashchange', () => {
      const share = shareInHash();
      if (share !== null) void loadSharedRun(share, 'demo');
    });
  });
}

function shareInHash(): string | null {
  return location.hash.startsWith('#share=') ? location.hash.slice('#share='.length) : null;
}

function openFromUrl(): void {
  const params = new URLSearchParams(location.search);
  const name = params.get('scenario') ?? DEFAULT_SCENARIO;
  const timings: TimingsPreset = params.get('timings') === 'kafka' ? 'kafka' : 'demo';
  const playing = params.get('paused') !== '1';
  const share = shareInHash();
  const lesson = params.get('lesson');
  if (share !== null) void loadSharedRun(share, timings);
  else if (lesson !== null) {
    // an unknown lesson keeps its message; the default scenario is shown instead of nothing
    void openLesson(lesson).then((opened) => {
      if (!opened && !sessions.isPending()) loadDefault(playing);
    });
  } else loadNamedScenario(name, timings, playing);
}

/** The hook e2e tests and benchmarks drive simulated time with (e2e/global.d.ts types it). */
function testHook() {
  return {
    state: () => simStore.getState(),
    advance,
    command,
    step,
    pause,
    runUntilEvent,
    /** the run kept on the main thread (scenario, timings, command log, position) */
    session: () => sessions.session(),
    /** test hook: make the worker fail, as if a bug threw inside it */
    failWorker: () => sendRaw({ type: 'debugFail' }),
    /** test hook: give a command whose handling fails (and fails again when replayed) */
    failCommand: (c: Command) => command(c, true),
    /** test hook: terminate the worker, as a browser does to a crashed or out-of-memory one */
    killWorker: () => client?.kill(),
    /** test hook: send any message to the worker, as a buggy page could */
    sendRaw: (m: unknown) => sendRaw(m as never),
    /** test hook: what the worker's Content-Security-Policy allows */
    probeWorker: () =>
      new Promise<{ eval: boolean; violations: string[] }>((resolve) => {
        const worker = newWorker();
        worker.onmessage = (e: MessageEvent<FromWorker>) => {
          if (e.data.type !== 'probe') return;
          worker.terminate();
          resolve(e.data);
        };
        worker.postMessage({ type: 'debugProbe' });
      }),
  };
}
export type SimTestHook = ReturnType<typeof testHook>;

function exposeTestHook(): void {
  (window as unknown as { __sim: SimTestHook }).__sim = testHook();
}

/**
 * A share link replays its run, paused where it was shared; a broken link says why and opens the
 * default. The page unpacks the link; the worker checks what it holds.
 */
async function loadSharedRun(text: string, timings: TimingsPreset): Promise<void> {
  const decoded = await decodeShare(text);
  const checked = decoded.ok
    ? await parseInWorker('share', decoded.value)
    : { ok: false as const, errors: [decoded.error] };
  if (!checked.ok) {
    setError({
      message: `This share link could not be opened: ${checked.errors[0]}.${sessions.session() ? '' : ` The ${DEFAULT_SCENARIO} scenario is shown instead.`}`,
      fatal: false,
    });
    if (!sessions.session()) loadDefault(false);
    return;
  }
  void timings;
  const shared = checked.value as SharedRun;
  load(shared.scenario, shared.timings, false, shared.run);
  if (shared.lesson) void openLesson(shared.lesson.id, shared.lesson.step, true);
}

function loadNamedScenario(name: string, timings: TimingsPreset, playing: boolean): void {
  const scenario = /^[\w.-]+$/.test(name) ? bundledScenario(name) : undefined;
  if (scenario === undefined) {
    setError({
      message: `Unknown scenario "${name.slice(0, 100)}". Known: ${bundledScenarioNames().join(', ')}. The ${DEFAULT_SCENARIO} scenario is shown instead.`,
      fatal: false,
    });
    load(bundledScenario(DEFAULT_SCENARIO), timings, playing);
    return;
  }
  load(scenario, timings, playing);
}
