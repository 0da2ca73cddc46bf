// Connects a runner to a message port (the worker's global scope, or one end of a MessageChannel
// in tests): handles ToWorker messages and posts at most one view per frame, only after the UI
// acknowledged the previous one.
import {
  PROTOCOL_VERSION,
  assertNever,
  type FromWorker,
  type ToWorker,
} from '../protocol/messages';
import { SimRunner } from './runner';

/** Posts are capped at ~30 per second (performance.md). */
export const POST_INTERVAL_MS = 34;

export interface Port {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

export interface Clock {
  now(): number;
  every(ms: number, f: () => void): () => void;
}

export function serveRunner(port: Port, clock: Clock): () => void {
  let runner: SimRunner | null = null;
  let lastWall = clock.now();
  let awaitingAck = false;
  let dirty = false;

  const post = (m: FromWorker) => port.postMessage(m);
  const postView = () => {
    if (!runner || awaitingAck) return;
    post({ type: 'view', view: runner.view() });
    awaitingAck = true;
    dirty = false;
  };

  const handle = (msg: ToWorker) => {
    if (msg.type === 'init') {
      if (msg.protocolVersion !== PROTOCOL_VERSION) {
        post({
          type: 'error',
          message: `protocol version ${msg.protocolVersion} is not ${PROTOCOL_VERSION}: reload the page`,
          fatal: true,
        });
        return;
      }
      const created = SimRunner.create(msg.scenario, msg.timings);
      if (!created.ok) {
        post({
          type: 'error',
          message: `The scenario could not be loaded: ${created.errors.join('; ')}`,
          fatal: false,
        });
        return;
      }
      runner = created.runner;
      runner.playing = msg.playing;
      awaitingAck = false;
      lastWall = clock.now();
      post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
      dirty = true;
      postView();
      return;
    }
    if (msg.type === 'viewAck') {
      awaitingAck = false;
      if (dirty) postView();
      return;
    }
    if (!runner) return;
    switch (msg.type) {
      case 'command': {
        const r = runner.command(msg.command);
        if (!r.ok) post({ type: 'error', message: r.error, fatal: false });
        break;
      }
      case 'play':
        runner.playing = true;
        lastWall = clock.now();
        break;
      case 'pause':
        runner.playing = false;
        break;
      case 'setSpeed':
        runner.speed = Math.min(1000, Math.max(0.001, msg.speed));
        break;
      case 'step':
        runner.playing = false;
        runner.step();
        break;
      case 'runUntilEvent':
        runner.playing = false;
        runner.runUntilEvent(msg.event, msg.limitMs);
        break;
      case 'advance':
        runner.advance(msg.ms);
        break;
      case 'inspect':
        runner.inspect(msg.partition);
        break;
      case 'seek':
        runner.seek({ t: msg.t });
        break;
      case 'stepBack':
        runner.playing = false;
        runner.stepBack();
        break;
      case 'selectBranch':
        runner.selectBranch(msg.branch);
        break;
      case 'walk':
        runner.walk(msg.record);
        break;
      default:
        assertNever(msg);
    }
    dirty = true;
    postView();
  };

  port.onmessage = (event) => {
    try {
      handle(event.data);
    } catch (e) {
      post({
        type: 'error',
        message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
        fatal: true,
      });
    }
  };

  return clock.every(POST_INTERVAL_MS, () => {
    const now = clock.now();
    try {
      if (runner?.playing) {
        runner.tick(now - lastWall);
        dirty = true;
      }
      lastWall = now;
      if (dirty) postView();
    } catch (e) {
      post({
        type: 'error',
        message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
        fatal: true,
      });
    }
  });
}
