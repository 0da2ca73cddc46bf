// The UI side of the worker transport: keeps only the latest view and hands it to `onView` once
// per animation frame, then acknowledges it so the worker may post the next. It also watches the
// worker: an `error` event, or no answer to its pings within a bound, means the worker is dead
// (a browser terminates a crashed or out-of-memory worker silently).
import {
  PROTOCOL_VERSION,
  type FromWorker,
  type LogDelta,
  type ParseFormat,
  type Parsed,
  type RecordedRun,
  type TimingsPreset,
  type ToWorker,
  type TraceEvent,
} from '../protocol/messages';
import type { View } from '../protocol/view';

export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror?: ((event: unknown) => void) | null;
  terminate?(): void;
}

/** The worker is pinged this often while the page is open. */
export const PING_MS = 500;
/** No message at all for this long (pings unanswered): the worker is dead or stuck. */
export const DEAD_AFTER_MS = 2000;
/** While a cluster builds, or the worker said it is busy (one long step), the bound is longer. */
export const DEAD_WHILE_LOADING_MS = 120_000;

export interface ClientCallbacks {
  onView(view: View, receivedAt: number): void;
  onError(message: string, fatal: boolean): void;
  onReady?(load: number | undefined): void;
  /** a load was refused: the run on screen goes on */
  onRefused?(load: number, message: string): void;
  /** the command log and position as each view is posted (before views are coalesced) */
  onLog?(
    at: { t: number; d: number } | undefined,
    log: LogDelta | undefined,
    seq: number | undefined,
    view: View,
  ): void;
  onProgress?(load: number, done: number, total: number): void;
  /** the worker died or stopped answering */
  onDead?(reason: string): void;
  /** is a load in flight (the longer bound applies)? */
  loading?(): boolean;
  /** the worker started (true) or ended (false) something that may take a while */
  onBusy?(busy: boolean): void;
  frame(f: () => void): void;
  now(): number;
  /** timers for the watchdog (absent in tests that drive no clock) */
  every?(ms: number, f: () => void): () => void;
}

export interface SimClient {
  send(message: ToWorker): void;
  load(
    scenario: unknown,
    timings: TimingsPreset,
    playing: boolean,
    run?: unknown,
    load?: number,
  ): void;
  /** a new worker's runs are numbered on from this */
  setRunBase(n: number): void;
  /** the current run (commands with positions) and its retained events */
  requestRun(): Promise<{ run: RecordedRun; trace: TraceEvent[] }>;
  /** the input parsed and validated by the worker (the validator is not in the page's bundle) */
  parse(format: ParseFormat, input: unknown): Promise<Parsed>;
  /** stops watching and terminates the worker (a replaced or dead one) */
  close(): void;
  /** test hook: the worker is terminated as a browser would, the client is not told */
  kill(): void;
}

export function connectSimClient(port: WorkerPort, cb: ClientCallbacks): SimClient {
  let latest: View | null = null;
  let nextRequest = 1;
  const pending = new Map<number, (r: { run: RecordedRun; trace: TraceEvent[] }) => void>();
  const parsing = new Map<number, (r: Parsed) => void>();
  let scheduled = false;
  let lastHeard = cb.now();
  let dead = false;
  /** the run number of the latest view (a new worker counts on from it) */
  let runBase = 0;
  const flush = () => {
    scheduled = false;
    const view = latest;
    latest = null;
    if (!view) return;
    try {
      cb.onView(view, cb.now());
    } catch (e) {
      cb.onError(`A view could not be shown: ${e instanceof Error ? e.message : String(e)}`, false);
    } finally {
      // Acknowledged whatever happened: a view that failed to draw must not stall the worker.
      if (!dead) port.postMessage({ type: 'viewAck', version: view.version });
    }
  };
  /** a dead worker answers no more: what was asked of it fails with that reason */
  const abandon = (reason: string) => {
    for (const resolve of parsing.values()) resolve({ ok: false, errors: [reason] });
    parsing.clear();
  };
  const die = (reason: string) => {
    if (dead) return;
    dead = true;
    abandon(reason);
    stopWatch();
    cb.onDead?.(reason);
  };
  let busy = false;
  port.onmessage = (event) => {
    if (dead) return;
    lastHeard = cb.now();
    const msg = event.data;
    if (busy !== (msg.type === 'busy') && msg.type !== 'pong') {
      busy = msg.type === 'busy';
      cb.onBusy?.(busy);
    }
    switch (msg.type) {
      case 'view':
        cb.onLog?.(msg.at, msg.log, msg.commandSeq, msg.view);
        latest = msg.view;
        if (!scheduled) {
          scheduled = true;
          cb.frame(flush);
        }
        return;
      case 'ready':
        cb.onReady?.(msg.load);
        return;
      case 'error':
        if (msg.load !== undefined && cb.onRefused) cb.onRefused(msg.load, msg.message);
        else if (msg.fatal && cb.onDead) die(msg.message);
        else cb.onError(msg.message, msg.fatal);
        return;
      case 'run':
        pending.get(msg.requestId)?.({ run: msg.run, trace: msg.trace });
        pending.delete(msg.requestId);
        return;
      case 'parsed':
        parsing.get(msg.requestId)?.(msg.result);
        parsing.delete(msg.requestId);
        return;
      case 'progress':
        cb.onProgress?.(msg.load, msg.done, msg.total);
        return;
      case 'pong':
      case 'probe':
      case 'busy':
        return;
    }
  };
  if (port.onerror !== undefined) {
    port.onerror = () =>
      die('The simulation worker stopped unexpectedly (an error it did not catch).');
  }
  let lastCheck = cb.now();
  const stopWatch =
    cb.every?.(PING_MS, () => {
      const now = cb.now();
      // This page itself was frozen (answers may be queued behind it): start counting afresh.
      if (now - lastCheck > 3 * PING_MS) lastHeard = now;
      lastCheck = now;
      const silent = now - lastHeard;
      const bound = busy || cb.loading?.() ? DEAD_WHILE_LOADING_MS : DEAD_AFTER_MS;
      if (silent > bound)
        die(`The simulation stopped answering (no reply for ${(silent / 1000).toFixed(1)} s).`);
      else port.postMessage({ type: 'ping' });
    }) ?? (() => undefined);
  return {
    send: (message) => {
      if (!dead) port.postMessage(message);
    },
    load: (scenario, timings, playing, run, load) => {
      lastHeard = cb.now();
      port.postMessage({
        type: 'init',
        protocolVersion: PROTOCOL_VERSION,
        scenario,
        timings,
        playing,
        ...(run !== undefined ? { run } : {}),
        ...(load !== undefined ? { load } : {}),
        runBase,
      });
    },
    requestRun: () =>
      new Promise((resolve) => {
        const requestId = nextRequest++;
        pending.set(requestId, resolve);
        port.postMessage({ type: 'exportRun', requestId });
      }),
    parse: (format, input) =>
      new Promise((resolve) => {
        if (dead) return resolve({ ok: false, errors: ['the simulation worker has stopped'] });
        const requestId = nextRequest++;
        parsing.set(requestId, resolve);
        port.postMessage({ type: 'parse', requestId, format, input });
      }),
    close: () => {
      abandon('the simulation worker was restarted');
      dead = true;
      stopWatch();
      port.terminate?.();
    },
    kill: () => port.terminate?.(),
    setRunBase: (n) => {
      runBase = n;
    },
  };
}
