// The one message union between the UI and the simulation worker.
import type { Command } from '../engine/index';
import type { View } from './view';

export const PROTOCOL_VERSION = 1;
/** The version of a share link's payload (client/share.ts packs it, the worker reads it). */
export const SHARE_VERSION = 1;

export type TimingsPreset = 'kafka' | 'demo';

/** Side by side: acks=1 vs acks=all, or unclean election on vs off. */
export type CompareVariant = 'acks' | 'unclean';

/** What a lesson step waits for: an event, a hop of the walked record (a walk step key, or its prefix such as "fetch"), or simulated ms. */
export type Until =
  | { event: string; partition?: string; broker?: number; client?: string }
  | { walk: string }
  | { ms: number };

/** What the worker parses and validates for the page (the validator ships in the worker only). */
export type ParseFormat = 'scenarioText' | 'scenario' | 'lesson' | 'describe' | 'share';

/** A parsed input, or the errors naming what is wrong. */
export type Parsed = { ok: true; value: unknown } | { ok: false; errors: string[] };

/** What the UI asks of the worker. */
export type ToWorker =
  | {
      type: 'init';
      protocolVersion: number;
      scenario: unknown;
      timings: TimingsPreset;
      playing: boolean;
      /** replay a recorded run (a share link): its commands, then stop at `at` */
      run?: unknown;
      /** the UI's number for this load: its answer (ready or refused) carries it back */
      load?: number;
      /** the run number of the view shown (a fresh worker after a failure counts on from it) */
      runBase?: number;
    }
  /** are you alive? (answered with pong; a worker that cannot answer is stuck or dead) */
  | { type: 'ping' }
  /** test hook: what the worker's Content-Security-Policy lets it do */
  | { type: 'debugProbe' }
  /** parse and validate an input (answered with parsed, whether or not a run is loaded) */
  | { type: 'parse'; requestId: number; format: ParseFormat; input: unknown }
  /** ask for the current run (to share or export it) */
  | { type: 'exportRun'; requestId: number }
  /** `seq` numbers the UI's commands (views confirm them); `debugThrow` is a test hook: fail after applying it */
  | { type: 'command'; command: Command; seq?: number; debugThrow?: boolean }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  /** process the next protocol event (one message delivery or state change) */
  | { type: 'step' }
  /** play, and pause exactly when `until` is reached (lessons); views report `untilReached: id` */
  | { type: 'playUntil'; id: number; until: Until }
  /** run to the armed playUntil at once (the clicker pressed while a lesson waits) */
  | { type: 'skipUntil' }
  /** run until the next event of this type */
  | { type: 'runUntilEvent'; event: string; limitMs: number }
  /** run this many simulated ms at once (tests, "skip ahead") */
  | { type: 'advance'; ms: number }
  | { type: 'inspect'; partition: string | null }
  /** time travel: the state as it was at simulated time t on the current branch */
  | { type: 'seek'; t: number }
  | { type: 'stepBack' }
  | { type: 'selectBranch'; branch: number }
  /** walk one record: by value, the next one produced, or none */
  | { type: 'walk'; record: string | 'next' | null }
  /** run two lanes side by side (same seed and actions, one setting changed), or stop */
  | { type: 'compare'; variant: CompareVariant | null }
  /** test hook: the worker fails as if a bug threw inside it */
  | { type: 'debugFail' }
  /** the UI has drawn the last view: the worker may post the next */
  | { type: 'viewAck'; version: number };

/** What the worker tells the UI. */
export type FromWorker =
  | { type: 'ready'; protocolVersion: number; load?: number }
  /** `at` is the engine position of the view; `log` what changed in the current branch's command log */
  | {
      type: 'view';
      view: View;
      at?: { t: number; d: number };
      log?: LogDelta;
      /** the `seq` of the last command handled */
      commandSeq?: number;
    }
  /** `load` set: that load was refused (the previous run goes on) */
  | { type: 'error'; message: string; fatal: boolean; load?: number }
  | { type: 'pong' }
  /** about to do something that may take a while in one go (the UI waits longer before calling it dead) */
  | { type: 'busy' }
  /** a long rebuild or replay: simulated ms done of total */
  | { type: 'progress'; load: number; done: number; total: number }
  | { type: 'probe'; eval: boolean; violations: string[] }
  | { type: 'run'; requestId: number; run: RecordedRun; trace: TraceEvent[] }
  | { type: 'parsed'; requestId: number; result: Parsed };

/** The command log kept on the UI side: truncate to `from`, append `entries`; `applied` are in effect. */
export interface LogDelta {
  from: number;
  entries: RecordedRun['commands'];
  applied: number;
}

/** An event of the trace export. */
export interface TraceEvent {
  t: number;
  seq: number;
  type: string;
  rule: string | null;
  text: string;
  broker: number | null;
  partition: string | null;
  record: string | null;
}

/** A run as commands with their positions and the time reached: with the scenario it replays exactly. */
export interface RecordedRun {
  at: number;
  /** the engine's dispatch count at `at` (recovery stops exactly there) */
  d?: number;
  commands: { t: number; d: number; command: unknown; fromScript: boolean }[];
  /** recovery: commands sent but never confirmed, applied again at `at` (the test hook may fail one again) */
  pending?: { command: unknown; debugThrow?: boolean }[];
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
}
