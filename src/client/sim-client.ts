// The UI side of the worker transport: keeps only the latest view and hands it to `onView` once
// per animation frame, then acknowledges it so the worker may post the next one.
import {
  PROTOCOL_VERSION,
  type FromWorker,
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
}

export interface ClientCallbacks {
  onView(view: View, receivedAt: number): void;
  onError(message: string, fatal: boolean): void;
  onReady?(): void;
  frame(f: () => void): void;
  now(): number;
}

export interface SimClient {
  send(message: ToWorker): void;
  load(scenario: unknown, timings: TimingsPreset, playing: boolean, run?: unknown): void;
  /** the current run (commands with positions) and its retained events */
  requestRun(): Promise<{ run: RecordedRun; trace: TraceEvent[] }>;
}

export function connectSimClient(port: WorkerPort, cb: ClientCallbacks): SimClient {
  let latest: View | null = null;
  let nextRequest = 1;
  const pending = new Map<number, (r: { run: RecordedRun; trace: TraceEvent[] }) => void>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const view = latest;
    latest = null;
    if (!view) return;
    cb.onView(view, cb.now());
    port.postMessage({ type: 'viewAck', version: view.version });
  };
  port.onmessage = (event) => {
    const msg = event.data;
    switch (msg.type) {
      case 'view':
        latest = msg.view;
        if (!scheduled) {
          scheduled = true;
          cb.frame(flush);
        }
        return;
      case 'ready':
        cb.onReady?.();
        return;
      case 'error':
        cb.onError(msg.message, msg.fatal);
        return;
      case 'run':
        pending.get(msg.requestId)?.({ run: msg.run, trace: msg.trace });
        pending.delete(msg.requestId);
        return;
    }
  };
  if (port.onerror !== undefined) {
    port.onerror = () => cb.onError('The simulation worker stopped unexpectedly.', true);
  }
  return {
    send: (message) => port.postMessage(message),
    load: (scenario, timings, playing, run) =>
      port.postMessage({
        type: 'init',
        protocolVersion: PROTOCOL_VERSION,
        scenario,
        timings,
        playing,
        ...(run !== undefined ? { run } : {}),
      }),
    requestRun: () =>
      new Promise((resolve) => {
        const requestId = nextRequest++;
        pending.set(requestId, resolve);
        port.postMessage({ type: 'exportRun', requestId });
      }),
  };
}
