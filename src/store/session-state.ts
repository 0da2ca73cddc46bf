// The session slice's shape: the run the user keeps (store/session.ts changes it).
import type { RecordedRun, TimingsPreset } from '../protocol/messages';
import type { Command } from '../engine/index';

export interface Session {
  scenario: unknown;
  timings: TimingsPreset;
  load: number;
  log: RecordedRun['commands'];
  /** how many entries of `log` are in effect (fewer after a seek into the past) */
  applied: number;
  /** the position of the latest view */
  at: { t: number; d: number };
  playing: boolean;
  speed: number;
}

export interface SessionState {
  committed: Session | null;
  /** loads sent to the worker, by number, until it accepts or refuses them */
  proposals: Record<number, { scenario: unknown; timings: TimingsPreset }>;
  nextLoad: number;
  nextSeq: number;
  /** commands sent that no view confirmed yet (recovery gives them again) */
  unconfirmed: { seq: number; command: Command; debugThrow?: boolean }[];
}

export const initialSession: SessionState = {
  committed: null,
  proposals: {},
  nextLoad: 1,
  nextSeq: 1,
  unconfirmed: [],
};
