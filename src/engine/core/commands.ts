// What a user (or a scenario step) can do to the cluster. Each command applies at the current
// simulated time; the runner stamps it, so (setup, seed, command log) replays the same run.
import { clearEligibleLeaderReplicas, elrEnabled } from '../controller/controller-partitions';
import { applyClusterDefaults, markTopicOverrides } from './topic-defaults';
import { cutLink, emit, healLink } from './core';
import {
  killBroker,
  pauseFetching,
  restartBroker,
  stopBroker,
  leadersFollowed,
} from '../broker/broker';
import { electPreferredLeaders } from '../controller/controller-partitions';
import { startConsume, subscribeConsumer } from '../clients/consumer';
import { wakeFetcher } from '../broker/fetcher';
import { producerSend, refreshProducerMetadata, setProducerStream } from '../clients/producer';
import { canCommit, checkQuorum, killController, restartController } from '../controller/quorum';
import { markStale, requestMetadata } from '../clients/client-metadata';
import {
  BROKER_CONFIG,
  CONSUMER_CONFIG,
  PRODUCER_CONFIG,
  TOPIC_CONFIG,
  parseConfig,
  type ConfigDef,
} from './config';
import { brokerAddr, clientAddr, controllerAddr, type Addr, type SimState } from './state';

export type Endpoint = number | string;

export type Command =
  | {
      type: 'produce';
      client: string;
      partition?: string;
      topic?: string;
      key?: string;
      records: string[];
    }
  | { type: 'consume'; client: string; partition: string; from: number }
  | { type: 'poll'; client: string; partition: string }
  | { type: 'kill' | 'stop' | 'restart' | 'pauseFetch' | 'resumeFetch'; broker: number }
  | { type: 'fetch'; broker: number; deliverResponse?: boolean }
  | { type: 'partitionNetwork'; a: Endpoint; b: Endpoint }
  | { type: 'heal'; a?: Endpoint; b?: Endpoint }
  | { type: 'killController' | 'restartController'; controller?: number }
  | { type: 'electPreferred'; partition?: string }
  | {
      type: 'setConfig';
      scope: 'broker' | 'topic' | 'client';
      id?: number | string;
      config: Record<string, unknown>;
    }
  | { type: 'refreshMetadata'; client: string }
  | { type: 'produceStream'; client: string; rate: number }
  | { type: 'subscribe'; client: string; on: boolean };

export type CommandResult =
  { ok: true; rids?: number[]; fetchIds?: number[] } | { ok: false; error: string };

export function resolveEndpoint(s: SimState, e: Endpoint): Addr | null {
  if (e === 'controller') return 'controller';
  const n = typeof e === 'number' ? e : /^\d+$/.test(e) ? Number(e) : NaN;
  if (!Number.isNaN(n)) {
    if (s.brokers[n]) return brokerAddr(n);
    if (s.controllers[n]) return controllerAddr(n);
  }
  if (typeof e === 'string' && (s.producers[e] || s.consumers[e])) return clientAddr(e);
  return null;
}

function describe(addr: Addr): string {
  return addr === 'controller' ? 'the controller quorum' : addr.replace(':', ' ');
}

export function applyCommand(s: SimState, cmd: Command): CommandResult {
  switch (cmd.type) {
    case 'produce': {
      const p = s.producers[cmd.client];
      if (!p) return { ok: false, error: `no producer "${cmd.client}"` };
      if (cmd.partition !== undefined && !s.controller.partitions[cmd.partition])
        return { ok: false, error: `no partition "${cmd.partition}"` };
      if (cmd.partition === undefined && (cmd.topic === undefined || !s.topics[cmd.topic]))
        return { ok: false, error: `no topic "${String(cmd.topic)}"` };
      const rids = cmd.records.map((v) =>
        producerSend(s, p, v, { partition: cmd.partition, topic: cmd.topic, key: cmd.key ?? null }),
      );
      return { ok: true, rids };
    }
    case 'consume':
    case 'poll': {
      const c = s.consumers[cmd.client];
      if (!c) return { ok: false, error: `no consumer "${cmd.client}"` };
      if (!s.controller.partitions[cmd.partition])
        return { ok: false, error: `no partition "${cmd.partition}"` };
      startConsume(s, c, cmd.partition, cmd.type, cmd.type === 'consume' ? cmd.from : undefined);
      return { ok: true };
    }
    case 'kill':
    case 'stop':
    case 'restart':
    case 'pauseFetch':
    case 'resumeFetch':
    case 'fetch': {
      const b = s.brokers[cmd.broker];
      if (!b) return { ok: false, error: `no broker ${cmd.broker}` };
      if (cmd.type === 'kill') killBroker(s, b);
      else if (cmd.type === 'stop') stopBroker(s, b);
      else if (cmd.type === 'restart') restartBroker(s, b);
      else if (cmd.type === 'pauseFetch' || cmd.type === 'resumeFetch')
        pauseFetching(s, b, cmd.type === 'pauseFetch');
      else {
        const fetchIds: number[] = [];
        for (const leader of leadersFollowed(b)) {
          if (
            wakeFetcher(
              s,
              b,
              leader,
              true,
              (cmd as { deliverResponse?: boolean }).deliverResponse === false,
            )
          )
            fetchIds.push(b.fetchers[leader]!.inflight);
        }
        return { ok: true, fetchIds };
      }
      return { ok: true };
    }
    case 'partitionNetwork':
    case 'heal': {
      if (cmd.type === 'heal' && (cmd.a === undefined || cmd.b === undefined)) {
        healLink(s);
        emit(s, 'networkHealed', 'Every network link was healed.', {});
        checkQuorum(s);
        return { ok: true };
      }
      const a = resolveEndpoint(s, cmd.a!);
      const b = resolveEndpoint(s, cmd.b!);
      if (!a || !b)
        return { ok: false, error: `unknown endpoint ${a ? String(cmd.b) : String(cmd.a)}` };
      if (cmd.type === 'partitionNetwork') {
        cutLink(s, a, b);
        emit(
          s,
          'networkPartitioned',
          `The network between ${describe(a)} and ${describe(b)} was cut: messages both ways are dropped, those in flight included.`,
          { data: { a, b } },
        );
      } else {
        healLink(s, a, b);
        emit(
          s,
          'networkHealed',
          `The network between ${describe(a)} and ${describe(b)} was healed.`,
          { data: { a, b } },
        );
      }
      checkQuorum(s);
      return { ok: true };
    }
    case 'killController':
    case 'restartController': {
      const id =
        cmd.controller ??
        (cmd.type === 'killController'
          ? s.quorum.active
          : s.setup.controllers.find((c) => !s.controllers[c]!.up));
      if (id === null || id === undefined || !s.controllers[id])
        return { ok: false, error: 'no such controller' };
      if (cmd.type === 'killController') killController(s, id);
      else restartController(s, id);
      return { ok: true };
    }
    case 'electPreferred': {
      if (!canCommit(s)) return { ok: false, error: 'no active controller with a quorum' };
      const failed = electPreferredLeaders(s, cmd.partition);
      for (const name of failed) {
        // R28: an admin answer, not a failure of the command.
        emit(
          s,
          'preferredLeaderNotAvailable',
          `Preferred leader election for ${name}: PREFERRED_LEADER_NOT_AVAILABLE (replica ${s.controller.partitions[name]!.replicas[0]} is not an acceptable in-sync replica); the leader stays.`,
          { partition: name, rule: 'R28', data: { error: 'PREFERRED_LEADER_NOT_AVAILABLE' } },
        );
      }
      return { ok: true };
    }
    case 'setConfig':
      return setConfig(s, cmd);
    case 'produceStream': {
      const p = s.producers[cmd.client];
      if (!p) return { ok: false, error: `no producer "${cmd.client}"` };
      setProducerStream(s, p, cmd.rate);
      return { ok: true };
    }
    case 'subscribe': {
      const c = s.consumers[cmd.client];
      if (!c) return { ok: false, error: `no consumer "${cmd.client}"` };
      subscribeConsumer(s, c, cmd.on);
      return { ok: true };
    }
    case 'refreshMetadata': {
      const p = s.producers[cmd.client];
      if (p) {
        refreshProducerMetadata(s, p);
        return { ok: true };
      }
      const c = s.consumers[cmd.client];
      if (!c) return { ok: false, error: `no client "${cmd.client}"` };
      markStale(c.metadata);
      c.metadata.nextRefreshAt = 0;
      requestMetadata(s, c.id, c.metadata, Object.keys(s.topics), c.config['request.timeout.ms']);
      return { ok: true };
    }
  }
}

function setConfig(s: SimState, cmd: Extract<Command, { type: 'setConfig' }>): CommandResult {
  if (Object.keys(cmd.config).length === 0)
    return { ok: false, error: 'config: expected at least one config to change, got {}' };
  const apply = <T extends Record<string, ConfigDef>>(
    defs: T,
    base: Record<string, unknown>,
    where: string,
  ) => {
    const parsed = parseConfig(defs, cmd.config, where, base as never);
    if (!parsed.ok) return parsed.error;
    Object.assign(base, parsed.value);
    return null;
  };
  let error: string | null = null;
  if (cmd.scope === 'broker') {
    // Kafka 4.x refuses a per-broker min.insync.replicas while ELR is on
    // (ConfigurationControlManager.isDisallowedBrokerMinIsrTransition, error INVALID_CONFIG)
    if (cmd.id !== undefined && 'min.insync.replicas' in cmd.config && elrEnabled(s))
      return {
        ok: false,
        error:
          'INVALID_CONFIG: Broker-level min.insync.replicas cannot be altered while ELR is enabled.',
      };
    const targets = cmd.id === undefined ? s.brokerIds : [Number(cmd.id)];
    if (cmd.id === undefined) error = apply(BROKER_CONFIG, s.clusterConfig, 'config');
    for (const id of targets) {
      const b = s.brokers[id];
      if (!b) return { ok: false, error: `no broker ${String(cmd.id)}` };
      error ??= apply(BROKER_CONFIG, b.config, 'config');
      if (!error && cmd.id !== undefined && 'min.insync.replicas' in cmd.config)
        b.ownMinIsr = b.config['min.insync.replicas'];
    }
  } else if (cmd.scope === 'topic') {
    const cfg = s.controller.topicConfigs[String(cmd.id)];
    if (!cfg) return { ok: false, error: `no topic ${String(cmd.id)}` };
    error = apply(TOPIC_CONFIG, cfg, 'config');
    if (!error) markTopicOverrides(s, String(cmd.id), Object.keys(cmd.config));
    for (const b of Object.values(s.brokers)) b.image.topicConfigs[String(cmd.id)] = { ...cfg };
  } else {
    const p = s.producers[String(cmd.id)];
    const c = s.consumers[String(cmd.id)];
    if (p) error = apply(PRODUCER_CONFIG, p.config, 'config');
    else if (c) error = apply(CONSUMER_CONFIG, c.config, 'config');
    else return { ok: false, error: `no client ${String(cmd.id)}` };
  }
  if (error) return { ok: false, error };
  // a cluster-wide default reaches every topic that does not set the config itself
  if (cmd.scope === 'broker' && cmd.id === undefined) applyClusterDefaults(s, cmd.config);
  // R45: a new min ISR for a topic, or the cluster default, clears the ELR it applies to
  if ('min.insync.replicas' in cmd.config) {
    if (cmd.scope === 'topic') clearEligibleLeaderReplicas(s, String(cmd.id));
    else if (cmd.scope === 'broker' && cmd.id === undefined) clearEligibleLeaderReplicas(s, null);
  }
  emit(
    s,
    'configChanged',
    `Config of ${cmd.scope}${cmd.id !== undefined ? ` ${cmd.id}` : 's'} changed: ${Object.entries(
      cmd.config,
    )
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(', ')}.`,
    { data: { scope: cmd.scope, id: cmd.id, config: cmd.config } },
  );
  return { ok: true };
}
