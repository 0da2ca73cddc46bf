// Module-level actions: what the UI can ask for. Nothing changes optimistically; the worker's
// next view shows the outcome.
import type { Command } from '../engine/index';
import type { SimClient } from '../client/sim-client';
import type { TimingsPreset } from '../protocol/messages';
import { resetLog, setError, setUi, simStore } from './store';

let client: SimClient | null = null;
let currentScenario: unknown = null;

export function bindClient(c: SimClient): void {
  client = c;
}

export function loadScenario(scenario: unknown, timings: TimingsPreset, playing: boolean): void {
  currentScenario = scenario;
  resetLog();
  setError(null);
  client?.load(scenario, timings, playing);
}

export function reloadWithTimings(timings: TimingsPreset): void {
  if (currentScenario)
    loadScenario(currentScenario, timings, simStore.getState().view?.playing ?? false);
}

export const command = (c: Command) => client?.send({ type: 'command', command: c });
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
export const electPreferred = () => command({ type: 'electPreferred' });
export const killController = () => command({ type: 'killController' });
export const restartController = () => command({ type: 'restartController' });
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
