// Connects runners to a message port (the worker's global scope, or one end of a MessageChannel
// in tests): handles ToWorker messages and posts at most one view per frame, only after the UI
// acknowledged the previous one. In side-by-side mode a second lane receives every action too.
import {
  PROTOCOL_VERSION,
  assertNever,
  type CompareVariant,
  type FromWorker,
  type TimingsPreset,
  type ToWorker,
} from '../protocol/messages';
import { compareView, laneView } from '../protocol/compare-view';
import { SimRunner } from './runner';
import { lanes } from './variants';

/** Posts are capped below 30 per second (performance.md). */
export const POST_INTERVAL_MS = 34;

export interface Port {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: ToWorker }) => void) | null;
}

export interface Clock {
  now(): number;
  every(ms: number, f: () => void): () => void;
}

/** Brings a second lane to the main lane's time: forward by running, backward by seeking. */
function syncTo(r: SimRunner, t: number): void {
  if (t > r.now) r.advance(t - r.now);
  else if (t < r.now) r.seek({ t });
}

export function serveRunner(port: Port, clock: Clock): () => void {
  /** runners[0] is shown in full; runners[1] is the other lane of a comparison */
  let runners: SimRunner[] = [];
  let loads = 0;
  let loaded: { scenario: unknown; timings: TimingsPreset } | null = null;
  let lastWall = clock.now();
  let awaitingAck = false;
  let dirty = false;

  const post = (m: FromWorker) => port.postMessage(m);
  const postView = () => {
    const main = runners[0];
    if (!main || awaitingAck) return;
    const view = main.view();
    view.run = loads;
    if (runners[1])
      view.compare = compareView(
        laneView(main.state, main.label),
        laneView(runners[1].state, runners[1].label),
      );
    post({ type: 'view', view });
    awaitingAck = true;
    dirty = false;
  };

  /** Side by side: both lanes rebuilt from the scenario with the setting changed, same seed. */
  /**
   * Side by side: both lanes rebuilt from the scenario with the setting changed (same seed), and
   * the run so far replayed into them, so the comparison covers what the user already did.
   */
  const compare = (variant: CompareVariant | null) => {
    if (!loaded || !runners[0]) return;
    const run = runners[0].recordedRun();
    const main = SimRunner.create(loaded.scenario, loaded.timings);
    if (!main.ok) return;
    const built =
      variant === null
        ? [main]
        : lanes(main.runner.scenario.setup, variant).map((lane) =>
            SimRunner.fromScenario(main.runner.scenario, loaded!.timings, lane.setup, lane.label),
          );
    const ok = built.flatMap((b) => (b.ok ? [b.runner] : []));
    if (ok.length !== built.length) {
      post({ type: 'error', message: 'The comparison could not be built.', fatal: false });
      return;
    }
    for (const r of ok) {
      if (variant === null) r.loadRun(run);
      else r.replayByTime(run); // positions (dispatch counts) differ between lanes; times do not
    }
    runners = ok;
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
        // The run on screen keeps running; the message names what is wrong.
        post({
          type: 'error',
          message: `The scenario could not be loaded: ${created.errors.join('; ')}`,
          fatal: false,
        });
        return;
      }
      if (msg.run !== undefined) {
        const problem = created.runner.loadRun(msg.run);
        if (problem) {
          post({
            type: 'error',
            message: `The shared run could not be replayed: ${problem}`,
            fatal: false,
          });
          return;
        }
      }
      loaded = { scenario: msg.scenario, timings: msg.timings };
      loads++;
      runners = [created.runner];
      created.runner.playing = msg.playing;
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
    const main = runners[0];
    if (!main) return;
    switch (msg.type) {
      case 'command': {
        const results = runners.map((r) => r.command(msg.command));
        const failed = results.find((r) => !r.ok);
        if (failed && !failed.ok) post({ type: 'error', message: failed.error, fatal: false });
        break;
      }
      case 'play':
        for (const r of runners) r.playing = true;
        lastWall = clock.now();
        break;
      case 'pause':
        for (const r of runners) r.playing = false;
        break;
      case 'setSpeed':
        for (const r of runners) r.speed = Math.min(1000, Math.max(0.001, msg.speed));
        break;
      case 'step':
        for (const r of runners) r.playing = false;
        main.step();
        for (const r of runners.slice(1)) syncTo(r, main.now);
        break;
      case 'runUntilEvent':
        for (const r of runners) r.playing = false;
        main.runUntilEvent(msg.event, msg.limitMs);
        for (const r of runners.slice(1)) syncTo(r, main.now);
        break;
      case 'advance':
        for (const r of runners) r.advance(msg.ms);
        break;
      case 'inspect':
        main.inspect(msg.partition);
        break;
      case 'seek':
        for (const r of runners) r.seek({ t: msg.t });
        break;
      case 'stepBack':
        for (const r of runners) r.playing = false;
        main.stepBack();
        for (const r of runners.slice(1)) syncTo(r, main.now);
        break;
      case 'selectBranch':
        for (const r of runners) r.selectBranch(msg.branch);
        break;
      case 'walk':
        main.walk(msg.record);
        break;
      case 'debugFail':
        throw new Error('a deliberate failure (test hook)');
      case 'exportRun':
        post({
          type: 'run',
          requestId: msg.requestId,
          run: main.recordedRun(),
          trace: main.trace(),
        });
        return;
      case 'compare': {
        const { playing, speed } = main;
        compare(msg.variant);
        for (const r of runners) {
          r.playing = playing;
          r.speed = speed;
        }
        break;
      }
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
      if (runners[0]?.playing) {
        for (const r of runners) r.tick(now - lastWall);
        dirty = true;
        const notice = runners.map((r) => r.takeNotice()).find((n) => n !== null);
        if (notice) {
          for (const r of runners) r.playing = false;
          post({ type: 'error', message: notice, fatal: false });
        }
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
