// A small DSL for engine unit tests: build a cluster, act, run, look at the state.
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  defaultsOf,
} from '../core/config';
import type { BrokerConfig, ConsumerConfig, ProducerConfig, TopicConfig } from '../core/config';
import { applyCommand, type Command } from '../core/commands';
import { createSimulation } from '../core/create';
import { dumpState } from '../core/project-dump';
import { runUntil, runUntilCondition } from '../core/sim';
import { defaultControllers, type SimSetup } from '../core/setup';
import type { SimEvent } from '../core/events';
import type { SimState } from '../core/state';
import type { Payload } from '../core/messages';
import { send } from '../core/core';
import { findRecord } from '../core/records';
import { logEntries } from '../broker/log';

export interface ClusterOptions {
  brokers?: number[];
  racks?: Record<number, string>;
  broker?: Partial<BrokerConfig>;
  topic?: Partial<TopicConfig>;
  topics?: {
    name: string;
    partitions: number;
    replicationFactor: number;
    assignment?: number[][];
    config?: Partial<TopicConfig>;
  }[];
  assignment?: number[][];
  producer?: Partial<ProducerConfig>;
  consumer?: Partial<ConsumerConfig>;
  seed?: number;
  latencyMs?: number;
  jitterMs?: number;
  /** eligible.leader.replicas.version: 1 (a new 4.1+ cluster) unless a test says otherwise */
  elr?: 0 | 1;
}

/** Brokers 1..3, topic "t" with one partition on [1,2,3], producer "P" and consumer "C". */
export function cluster(o: ClusterOptions = {}): Cluster {
  const brokers = o.brokers ?? [1, 2, 3];
  const assignment = o.assignment ?? [brokers.slice(0, 3)];
  const setup: SimSetup = {
    seed: o.seed ?? 1,
    brokers: brokers.map((id) => (o.racks?.[id] ? { id, rack: o.racks[id] } : { id })),
    controllers: defaultControllers(brokers),
    brokerConfig: { ...defaultsOf(BROKER_CONFIG), ...o.broker },
    network: { latencyMs: o.latencyMs ?? 1, jitterMs: o.jitterMs ?? 0 },
    features: { 'eligible.leader.replicas.version': o.elr ?? 1 },
    topics: (
      o.topics ?? [
        {
          name: 't',
          partitions: assignment.length,
          replicationFactor: assignment[0]!.length,
          assignment,
        },
      ]
    ).map((t) => ({
      ...t,
      config: { ...defaultsOf(TOPIC_CONFIG), ...o.topic, ...t.config },
    })),
    clients: [
      {
        id: 'P',
        type: 'producer',
        config: { ...defaultsOf(PRODUCER_CONFIG), idempotenceExplicit: false, ...o.producer },
      },
      { id: 'C', type: 'consumer', config: { ...defaultsOf(CONSUMER_CONFIG), ...o.consumer } },
    ],
  };
  const created = createSimulation(setup);
  if (!created.ok) throw new Error(created.error);
  return new Cluster(created.state);
}

export class Cluster {
  constructor(readonly s: SimState) {}

  do(cmd: Command): this {
    const r = applyCommand(this.s, cmd);
    if (!r.ok) throw new Error(r.error);
    return this;
  }

  produce(records: string[], partition = 't-0'): this {
    return this.do({ type: 'produce', client: 'P', partition, records });
  }

  at(t: number): this {
    runUntil(this.s, t);
    return this;
  }

  advance(ms: number): this {
    return this.at(this.s.now + ms);
  }

  /** Runs until `done` or `limitMs` more; returns whether `done` held. */
  until(done: (s: SimState) => boolean, limitMs = 60_000): boolean {
    return runUntilCondition(this.s, () => done(this.s), this.s.now + limitMs);
  }

  /** The first event of `type` (matching `where`) at or after `from`; runs until it happens. */
  waitFor(type: SimEvent['type'], where: Partial<SimEvent> = {}, limitMs = 60_000): SimEvent {
    const from = this.s.events.length;
    const match = (e: SimEvent) =>
      e.type === type &&
      Object.entries(where).every(([k, v]) => (e as unknown as Record<string, unknown>)[k] === v);
    let found: SimEvent | undefined;
    this.until(() => {
      found = this.s.events.slice(from).find(match);
      return found !== undefined;
    }, limitMs);
    if (!found) throw new Error(`no ${type} event within ${limitMs} ms`);
    return found;
  }

  events(type: SimEvent['type']): SimEvent[] {
    return this.s.events.filter((e) => e.type === type);
  }

  dump() {
    return dumpState(this.s);
  }

  partition(name = 't-0') {
    return this.s.controller.partitions[name]!;
  }

  replica(broker: number, name = 't-0') {
    return this.s.brokers[broker]!.replicas[name]!;
  }

  record(value: string) {
    return findRecord(this.s, value)!;
  }

  /** Sends a raw request and returns the payload of the answer (before it is delivered). */
  request(from: string, to: string, payload: Payload, limitMs = 5_000): Payload | null {
    send(this.s, from, to, payload);
    const idOf = (p: Payload) =>
      (p as { requestId?: number; fetchId?: number }).requestId ??
      (p as { fetchId?: number }).fetchId;
    const id = idOf(payload);
    let answer: Payload | null = null;
    this.until(() => {
      const m = Object.values(this.s.inflight).find(
        (x) => x.from === to && x.to === from && idOf(x.payload) === id,
      );
      answer = m?.payload ?? null;
      return answer !== null;
    }, limitMs);
    return answer;
  }

  log(broker: number, name = 't-0'): string[] {
    return logEntries(this.replica(broker, name)).map((e) => `${e.value}:e${e.epoch}`);
  }
}
