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
import { compareView, laneView } from './projection/compare-view';
import { SimRunner } from './runner';
import { lanes } from './variants';
import { checkMessage } from './check-message';
import { MAX_SIM_TIME_MS, checkRun } from './recorded-run';
import { replayRun } from './recover';
import { parseInput } from './parse';

/** A tick's work aims below this (wall ms); see the tick. */
const TICK_BUDGET_MS = 150;
/** As the runner's MAX_TICK_WALL_MS: the most wall time one tick catches up. */
const MAX_TICK_WALL_MS = 250;

/** Messages handled in one go that may take seconds on a big cluster or a long run. */
const MAY_TAKE_A_WHILE = new Set<ToWorker['type']>([
  'init',
  'runUntilEvent',
  'seek',
  'stepBack',
  'selectBranch',
  'compare',
  'step',
]);

/** Posts are capped below 30 per second (performance.md). */
export const POST_INTERVAL_MS = 34;

export interface Port {
  postMessage(message: FromWorker): void;
  onmessage: ((event: { data: unknown }) => void) | null;
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
  /** when the view being waited for was posted */
  let postedAt = 0;
  let dirty = false;

  /** what the UI already holds of the current branch's command log */
  let sentLog: { log: readonly unknown[]; length: number; applied: number } | null = null;
  let commandSeq: number | undefined;
  /** a replay in progress (a share link or a recovery): other messages wait for it */
  let replaying: { load: number; cancelled: boolean } | null = null;
  const queue: unknown[] = [];

  const post = (m: FromWorker) => port.postMessage(m);
  const postView = () => {
    const main = runners[0];
    if (!main || awaitingAck || replaying) return;
    const view = main.view();
    view.run = loads;
    if (runners[1])
      view.compare = compareView(
        laneView(main.state, main.label),
        laneView(runners[1].state, runners[1].label),
      );
    // The UI keeps its own copy of the command log (to recover the run if this worker dies).
    const cursor = main.logCursor;
    const same =
      sentLog !== null && sentLog.log === cursor.log && sentLog.length <= cursor.log.length;
    const from = same ? sentLog!.length : 0;
    const log =
      !same || from < cursor.log.length || sentLog!.applied !== cursor.applied
        ? { from, entries: cursor.log.slice(from), applied: cursor.applied }
        : undefined;
    sentLog = { log: cursor.log, length: cursor.log.length, applied: cursor.applied };
    post({
      type: 'view',
      view,
      at: { t: main.now, d: cursor.d },
      ...(log ? { log } : {}),
      ...(commandSeq !== undefined ? { commandSeq } : {}),
    });
    awaitingAck = true;
    postedAt = clock.now();
    dirty = false;
  };

  /** A new run is on: the UI gets its first view (and its whole log). */
  const start = (runner: SimRunner, msg: Extract<ToWorker, { type: 'init' }>) => {
    loaded = { scenario: msg.scenario, timings: msg.timings };
    loads = Math.max(loads, msg.runBase ?? 0) + 1;
    runners = [runner];
    runner.playing = msg.playing;
    awaitingAck = false;
    sentLog = null;
    lastWall = clock.now();
    post({
      type: 'ready',
      protocolVersion: PROTOCOL_VERSION,
      ...(msg.load !== undefined ? { load: msg.load } : {}),
    });
    dirty = true;
    postView();
  };

  const refuse = (msg: Extract<ToWorker, { type: 'init' }>, message: string) =>
    post({
      type: 'error',
      message,
      fatal: false,
      ...(msg.load !== undefined ? { load: msg.load } : {}),
    });

  /**
   * A long jump ("skip ahead", tests) runs in slices of about 40 ms of wall time, so the worker
   * keeps answering pings (the UI would take a long silence for a dead worker).
   */
  const advanceInSlices = (target: number) => {
    const job = { load: -1, cancelled: false };
    replaying = job;
    let slice = 1000;
    const run = () => {
      try {
        const from = clock.now();
        while (!job.cancelled && runners[0] && runners[0].now < target) {
          const to = Math.min(target, runners[0].now + slice);
          for (const r of runners) r.advance(to - r.now);
          const took = clock.now() - from;
          if (took < 10) slice *= 2;
          if (took > 40) break;
        }
      } catch (e) {
        replaying = null;
        post({
          type: 'error',
          message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
          fatal: true,
        });
        return;
      }
      if (!job.cancelled && runners[0] && runners[0].now < target) {
        setTimeout(run, 0);
        return;
      }
      if (replaying === job) replaying = null;
      dirty = true;
      postView();
      while (!replaying && queue.length > 0) receive(queue.shift());
    };
    run();
  };

  /** Replays a recorded run in slices (pings answered, progress posted); messages meanwhile wait. */
  const replayInto = (
    created: SimRunner,
    msg: Extract<ToWorker, { type: 'init' }>,
    raw: unknown,
  ) => {
    const checked = checkRun(raw);
    if (!checked.ok) {
      refuse(msg, `The run could not be replayed: ${checked.error}`);
      return;
    }
    const job = { load: msg.load ?? -1, cancelled: false };
    if (replaying) replaying.cancelled = true;
    replaying = job;
    let first = true;
    void replayRun(
      () => {
        if (first) return ((first = false), created);
        const again = SimRunner.create(msg.scenario, msg.timings);
        if (!again.ok) throw new Error(again.errors.join('; '));
        return again.runner;
      },
      checked.run,
      {
        now: () => clock.now(),
        pause: () => new Promise((resolve) => setTimeout(resolve, 0)),
        progress: (done, total) => post({ type: 'progress', load: job.load, done, total }),
        cancelled: () => job.cancelled,
      },
    )
      .then((outcome) => {
        if (job.cancelled || outcome === null) return;
        replaying = null;
        if (!outcome.ok) refuse(msg, outcome.error);
        else {
          start(outcome.runner, { ...msg, playing: msg.playing && outcome.notice === null });
          if (outcome.notice) post({ type: 'error', message: outcome.notice, fatal: false });
        }
      })
      .catch((e: unknown) => {
        if (job.cancelled) return;
        replaying = null;
        refuse(msg, `The run could not be replayed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        while (!replaying && queue.length > 0) receive(queue.shift());
      });
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
        refuse(
          msg,
          `protocol version ${msg.protocolVersion} is not ${PROTOCOL_VERSION}: reload the page`,
        );
        return;
      }
      const created = SimRunner.create(msg.scenario, msg.timings);
      if (!created.ok) {
        // The run on screen keeps running; the message names what is wrong.
        refuse(msg, `The scenario could not be loaded: ${created.errors.join('; ')}`);
        return;
      }
      if (msg.run !== undefined) replayInto(created.runner, msg, msg.run);
      else start(created.runner, msg);
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
        if (msg.seq !== undefined) commandSeq = msg.seq;
        const results = runners.map((r) => r.command(msg.command));
        if (msg.debugThrow) throw new Error('a deliberate failure (test hook)');
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
      case 'ping':
      case 'debugProbe':
      case 'parse':
        return;
      case 'step':
        for (const r of runners) r.playing = false;
        main.step();
        for (const r of runners.slice(1)) syncTo(r, main.now);
        break;
      case 'playUntil':
        main.playUntil(msg.id, msg.until);
        for (const r of runners.slice(1)) r.playing = main.playing;
        lastWall = clock.now();
        break;
      case 'skipUntil':
        main.skipUntil();
        for (const r of runners.slice(1)) {
          r.playing = main.playing;
          syncTo(r, main.now);
        }
        break;
      case 'runUntilEvent':
        for (const r of runners) r.playing = false;
        main.runUntilEvent(msg.event, msg.limitMs);
        for (const r of runners.slice(1)) syncTo(r, main.now);
        break;
      case 'advance':
        advanceInSlices(Math.min(main.now + msg.ms, Math.max(main.now, MAX_SIM_TIME_MS)));
        return;
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

  /** Checks a message before acting on it: a bad one is refused with a message, the run goes on. */
  const receive = (raw: unknown) => {
    const checked = checkMessage(raw);
    if (!checked.ok) {
      post({
        type: 'error',
        message: `A message to the simulation was refused: ${checked.error}`,
        fatal: false,
      });
      return;
    }
    const msg = checked.message;
    if (msg.type === 'ping') return post({ type: 'pong' });
    // answered at once, even during a replay: parsing needs no run
    if (msg.type === 'parse')
      return post({
        type: 'parsed',
        requestId: msg.requestId,
        result: parseInput(msg.format, msg.input),
      });
    if (msg.type === 'debugProbe') return void probe().then((p) => post(p));
    if (msg.type === 'viewAck') return handle(msg);
    if (MAY_TAKE_A_WHILE.has(msg.type) && !replaying) post({ type: 'busy' });
    if (replaying && msg.type === 'init') replaying.cancelled = true;
    else if (replaying) return void queue.push(msg);
    if (replaying?.cancelled) replaying = null;
    handle(msg);
  };

  port.onmessage = (event) => {
    try {
      receive(event.data);
    } catch (e) {
      post({
        type: 'error',
        message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
        fatal: true,
      });
    }
  };

  /** simulated ms per wall ms of work, measured on ticks that took a while */
  let simPerWallMs = 1000;
  return clock.every(POST_INTERVAL_MS, () => {
    const now = clock.now();
    if (replaying) {
      lastWall = now; // a replay or a long jump is under way: play resumes after it
      return;
    }
    // A heavy cluster at high speed: a tick simulates no more than about TICK_BUDGET_MS of work
    // (a worker silent for long is taken for dead); simulated time then runs slower than asked.
    const asked = Math.min(now - lastWall, MAX_TICK_WALL_MS) * (runners[0]?.speed ?? 1);
    const allowed = TICK_BUDGET_MS * simPerWallMs;
    if (asked > allowed) lastWall = now - (now - lastWall) * (allowed / asked);
    const simBefore = runners[0]?.now ?? 0;
    try {
      // While the UI has not drawn the last view for two frames (busy loading, say), simulated
      // time waits for it: no burst of unseen time when it catches up.
      const uiBehind = awaitingAck && now - postedAt > 2 * POST_INTERVAL_MS;
      if (runners[0]?.playing && !uiBehind) {
        const main = runners[0];
        main.tick(now - lastWall);
        for (const r of runners.slice(1)) {
          // lanes follow the main lane (which may stop exactly at a lesson's awaited event)
          if (main.playing) r.tick(now - lastWall);
          else {
            r.playing = false;
            syncTo(r, main.now);
          }
        }
        dirty = true;
        const notice =
          runners.map((r) => r.takeNotice()).find((n) => n !== null) ??
          ((runners[0]?.now ?? 0) >= MAX_SIM_TIME_MS
            ? `Paused: the run reached ${MAX_SIM_TIME_MS / 3600_000} h of simulated time, the cap (a longer run could not be shared or recovered).`
            : null);
        if (notice) {
          for (const r of runners) r.playing = false;
          post({ type: 'error', message: notice, fatal: false });
        }
      }
      lastWall = now;
      if (dirty) postView();
      const took = clock.now() - now;
      const simulated = (runners[0]?.now ?? 0) - simBefore;
      if (took >= 5 && simulated > 0)
        simPerWallMs = 0.7 * simPerWallMs + 0.3 * Math.max(1, simulated / took);
    } catch (e) {
      post({
        type: 'error',
        message: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`,
        fatal: true,
      });
    }
  });
}

/** Test hook: what this worker's Content-Security-Policy allows (eval, a cross-origin fetch). */
async function probe(): Promise<FromWorker> {
  const violations: string[] = [];
  const scope = globalThis as unknown as {
    addEventListener?(type: string, f: (e: { violatedDirective?: string }) => void): void;
  };
  scope.addEventListener?.('securitypolicyviolation', (e) =>
    violations.push(e.violatedDirective ?? '?'),
  );
  let evalWorks: boolean;
  try {
    evalWorks = (new Function('return 1') as () => number)() === 1;
  } catch {
    evalWorks = false;
  }
  try {
    await fetch('https://example.com/probe', { mode: 'no-cors' });
  } catch {
    // refused (by the policy, or no network): the violation list tells which
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { type: 'probe', eval: evalWorks, violations };
}
