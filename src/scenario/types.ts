// A validated, normalised scenario (scenario-format.md, format v1).
import type { SimSetup } from '../engine';
import type { Facts } from './facts';
import type { CommandStep } from './vocabulary';

/** A network endpoint: a broker id, a controller id, "controller" (the whole quorum) or a client id. */
export type Endpoint = number | string;

export type { Facts };

interface StepBase {
  /** earliest simulated start time of the step (ms) */
  at?: number;
  /** index in the file's steps array, for messages */
  index: number;
}

/** A step: an engine command (vocabulary.ts), or a wait or a check. */
export type Step = StepBase &
  (
    | CommandStep
    | { do: 'advance'; ms: number }
    | { do: 'settle'; maxMs: number }
    | { do: 'expect'; facts: Facts }
    | {
        do: 'expectEvent';
        event: string;
        within: [number, number];
        broker?: number;
        partition?: string;
        record?: string;
        facts?: Facts;
      }
  );

export interface Scenario {
  title: string;
  description?: string;
  setup: SimSetup;
  steps: Step[];
}
