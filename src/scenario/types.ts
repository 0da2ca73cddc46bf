// A validated, normalised scenario (scenario-format.md, format v1).
import type { SimSetup } from '../engine';
import type { CommandStep } from './vocabulary';

/** A network endpoint: a broker id, a controller id, "controller" (the whole quorum) or a client id. */
export type Endpoint = number | string;

/** Facts an `expect` checks, in the state vocabulary; anything left out is not checked. */
export interface Facts {
  brokers?: Record<string, 'up' | 'fenced' | 'down'>;
  controller?: number | null;
  partitions?: Record<
    string,
    {
      leader?: number | null;
      leaderEpoch?: number;
      partitionEpoch?: number;
      isr?: number[];
      elr?: number[];
      lastKnownElr?: number[];
      assignment?: number[];
      replicas?: Record<
        string,
        { leo?: number; hw?: number; log?: string[]; epochCache?: [number, number][] }
      >;
      committed?: string[];
    }
  >;
  records?: Record<
    string,
    {
      status?: 'pending' | 'acked' | 'sent' | 'failed';
      offset?: number;
      error?: string;
      attemptErrors?: string[];
      partition?: string;
    }
  >;
  /** a list (all partitions, by partition then offset) or per partition */
  committed?: string[] | Record<string, string[]>;
  lost?: string[];
  uncommitted?: string[];
  offline?: string[];
  underReplicated?: string[];
  underMinIsr?: string[];
  leaderCounts?: Record<string, number>;
  followerCounts?: Record<string, number>;
  duplicates?: string[];
  truncations?: { broker: number; partition: string; fromLeo: number; toOffset: number }[];
  consume?: {
    client: string;
    partition: string;
    from?: number;
    records?: string[];
    error?: string;
  }[];
}

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
