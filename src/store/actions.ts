// Module-level actions: what the UI can ask for. Nothing changes optimistically; the worker's
// next view shows the outcome.
import type { Command } from '../engine/index';
import type { SimClient } from '../client/sim-client';
import {
  SHARE_VERSION,
  type ParseFormat,
  type Parsed,
  type TimingsPreset,
} from '../protocol/messages';
import { resetLog, setError, setUi, simStore } from './store';
import { encodeShare, MAX_SHARE_BYTES } from '../client/share';
import { accept, propose, recordedRun, sent, session } from './session';
import { scenarioWithRun } from '../scenario/export';

let client: SimClient | null = null;

export function bindClient(c: SimClient): void {
  client = c;
}

/**
 * Asks the worker to load a scenario (and replay a run). Nothing changes until it accepts: a
 * refused load leaves the run, its event log, share link and recovery copy as they were.
 */
export function loadScenario(
  scenario: unknown,
  timings: TimingsPreset,
  playing: boolean,
  run?: unknown,
): number {
  const load = propose(scenario, timings);
  client?.load(scenario, timings, playing, run, load);
  return load;
}

/** Called when the worker accepted a load: it is the run from now on. */
export function loadAccepted(load: number | undefined): void {
  if (load === undefined) return;
  accept(load);
  resetLog();
  simStore.setState({ loading: null, dead: false });
}

/** A link that replays the current run exactly (scenario, seed, command log), optionally opening a lesson step. */
export async function shareLink(lesson?: { id: string; step: number }): Promise<string> {
  const s = session();
  if (!s) return '';
  const hash = await encodeShare({
    v: SHARE_VERSION,
    scenario: s.scenario,
    timings: s.timings,
    run: recordedRun(s),
    ...(lesson ? { lesson } : {}),
  });
  return `${location.origin}${location.pathname}#share=${hash}`;
}

/** The scenario file of the current run: the scenario plus the user's actions as timed steps. */
export async function scenarioFile(): Promise<string> {
  const s = session();
  if (!s) return '';
  return JSON.stringify(scenarioWithRun(s.scenario, recordedRun(s).commands), null, 2);
}

export async function traceFile(): Promise<string> {
  const s = session();
  if (!client || !s) return '';
  const { run, trace } = await client.requestRun();
  return JSON.stringify(
    {
      format: 'kafka-replication-trace/1',
      scenario: s.scenario,
      timings: s.timings,
      run,
      events: trace,
    },
    null,
    2,
  );
}

/** A scenario file larger than this is refused before it is read (the same limit as a share link). */
export const MAX_SCENARIO_FILE_BYTES = MAX_SHARE_BYTES;

/** Parsed and validated by the worker: the validator ships in the worker's bundle only. */
export function parseInWorker(format: ParseFormat, input: unknown): Promise<Parsed> {
  if (!client) return Promise.resolve({ ok: false, errors: ['the simulation has not started'] });
  return client.parse(format, input);
}

/** Imports a scenario file's text: loaded if valid, else a message naming the field (the run on screen goes on). */
export async function importScenarioText(text: string): Promise<boolean> {
  if (text.length > MAX_SCENARIO_FILE_BYTES) {
    setError({
      message: `The scenario file was not loaded: it is ${(text.length / 1e6).toFixed(1)} MB, more than the cap of ${MAX_SCENARIO_FILE_BYTES / 1e6} MB.`,
      fatal: false,
    });
    return false;
  }
  const parsed = await parseInWorker('scenarioText', text);
  if (!parsed.ok) {
    setError({
      message: `The scenario file was not loaded: ${parsed.errors.slice(0, 5).join('; ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more)` : ''}`,
      fatal: false,
    });
    return false;
  }
  // an imported file runs with the timings of the run on screen
  loadScenario(parsed.value, session()?.timings ?? 'demo', false);
  return true;
}

/** Sends a command; it is numbered so that recovery knows whether the worker handled it. */
export const command = (c: Command, debugThrow = false) => {
  const seq = sent(c, debugThrow);
  client?.send({ type: 'command', command: c, seq, ...(debugThrow ? { debugThrow } : {}) });
};
export const killBroker = (broker: number) => command({ type: 'kill', broker });
export const stopBroker = (broker: number) => command({ type: 'stop', broker });
export const restartBroker = (broker: number) => command({ type: 'restart', broker });
export const pauseFetch = (broker: number, paused: boolean) =>
  command({ type: paused ? 'pauseFetch' : 'resumeFetch', broker });
export const produceOne = (client: string, value: string, key?: string) =>
  command({
    type: 'produce',
    client,
    topic: firstTopic(),
    records: [value],
    ...(key ? { key } : {}),
  });
export const setStream = (client: string, rate: number) =>
  command({ type: 'produceStream', client, rate });
export const setSubscribed = (client: string, on: boolean) =>
  command({ type: 'subscribe', client, on });
export const cutLink = (a: number | string, b: number | string) =>
  command({ type: 'partitionNetwork', a, b });
export const healAll = () => command({ type: 'heal' });
export const setTopicConfig = (config: Record<string, unknown>) =>
  command({ type: 'setConfig', scope: 'topic', id: firstTopic(), config });
export const setClientConfig = (id: string, config: Record<string, unknown>) =>
  command({ type: 'setConfig', scope: 'client', id, config });
export const setBrokerConfig = (config: Record<string, unknown>) =>
  command({ type: 'setConfig', scope: 'broker', config });

export const play = () => client?.send({ type: 'play' });
export const pause = () => client?.send({ type: 'pause' });
export const togglePlay = () => (simStore.getState().view?.playing ? pause() : play());
export const step = () => client?.send({ type: 'step' });
export const setSpeed = (speed: number) => client?.send({ type: 'setSpeed', speed });
export const advance = (ms: number) => client?.send({ type: 'advance', ms });
export const seek = (t: number) => client?.send({ type: 'seek', t });
export const stepBack = () => client?.send({ type: 'stepBack' });
export const selectBranch = (branch: number) => client?.send({ type: 'selectBranch', branch });
export const walk = (record: string | 'next' | null) => client?.send({ type: 'walk', record });
export const compareLanes = (variant: 'acks' | 'unclean' | null) =>
  client?.send({ type: 'compare', variant });
export const runUntilEvent = (event: string, limitMs = 120_000) =>
  client?.send({ type: 'runUntilEvent', event, limitMs });

export function selectPartition(name: string | null): void {
  setUi({ selectedPartition: name });
  client?.send({ type: 'inspect', partition: name });
}

export const selectBroker = (id: number | null) => setUi({ selectedBroker: id });

function firstTopic(): string {
  return simStore.getState().view?.partitions[0]?.topic ?? '';
}

export function sendRaw(message: Parameters<SimClient['send']>[0]): void {
  client?.send(message);
}
