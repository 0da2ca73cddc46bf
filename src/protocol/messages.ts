// The one message union between the UI and the simulation worker.
import type { Command } from '../engine/index';
import type { View } from './view';

export const PROTOCOL_VERSION = 1;

export type TimingsPreset = 'kafka' | 'demo';

/** Side by side: acks=1 vs acks=all, or unclean election on vs off. */
export type CompareVariant = 'acks' | 'unclean';

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
    }
  /** ask for the current run (to share or export it) */
  | { type: 'exportRun'; requestId: number }
  | { type: 'command'; command: Command }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'setSpeed'; speed: number }
  /** process the next protocol event (one message delivery or state change) */
  | { type: 'step' }
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
  | { type: 'ready'; protocolVersion: number }
  | { type: 'view'; view: View }
  | { type: 'error'; message: string; fatal: boolean }
  | { type: 'run'; requestId: number; run: RecordedRun; trace: TraceEvent[] };

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
  commands: { t: number; d: number; command: unknown; fromScript: boolean }[];
}

export function assertNever(x: never): never {
  throw new Error(`unexpected message ${JSON.stringify(x)}`);
}
