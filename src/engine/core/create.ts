// Builds the state at t=0 from a setup: a formed cluster (brokers registered and unfenced,
// topics created with leader = first replica, ISR = all replicas, epochs 0; R2), every periodic
// timer starting at 0 (scenario-format.md "Timers").
import { schedule } from './core';
import { emptyMetadata } from '../clients/client-metadata';
import { assignReplicas } from '../controller/placement';
import { newReplica, applyPartitionState } from '../broker/replica-roles';
import { nextInt, seedRng } from './rng';
import { startBrokerTimers, scheduleHeartbeat } from '../broker/broker';
import { wakeFetcher } from '../broker/fetcher';
import { leadersFollowed } from '../broker/broker';
import { scheduleSessionCheck } from '../controller/session-timer';
import { partitionName, type Broker, type PartitionState, type SimState } from './state';
import type { SimSetup } from './setup';
import { topicOverrides } from './topic-defaults';

export type CreateResult = { ok: true; state: SimState } | { ok: false; error: string };

export function createSimulation(setup: SimSetup): CreateResult {
  const s: SimState = {
    now: 0,
    seq: 0,
    rng: seedRng(setup.seed),
    setup,
    clusterConfig: { ...setup.brokerConfig },
    topics: {},
    partitionOrder: [],
    brokerIds: setup.brokers.map((b) => b.id).sort((a, b) => a - b),
    queue: [],
    nextId: 1,
    inflight: {},
    cuts: {},
    cutCount: 0,
    linkArrivals: {},
    controllers: {},
    quorum: {
      active: setup.controllers[0] ?? null,
      epoch: 1,
      lastLeaderContact: 0,
      electionPending: false,
    },
    controller: {
      offset: 0,
      nextBrokerEpoch: 1,
      brokers: {},
      partitions: {},
      topicConfigs: {},
      topicOverrides: {},
      imbalancedSince: {},
      rebalanceAt: 0,
      sessionCheckAt: 0,
      pendingRecords: [],
    },
    brokers: {},
    producers: {},
    consumers: {},
    records: [],
    recordBase: 0,
    retiredCounts: {},
    events: [],
    eventCount: 0,
    dispatched: 0,
    truncations: [],
    checker: { losses: [], violations: [], leadersByEpoch: {}, succeeded: {}, lost: {} },
    messageLog: null,
  };
  for (const id of setup.controllers) s.controllers[id] = { id, up: true, incarnation: 0 };

  for (const id of s.brokerIds) {
    s.controller.brokers[id] = {
      epoch: s.controller.nextBrokerEpoch++,
      fenced: false,
      shuttingDown: false,
      lastContact: 0,
      registeredAtOffset: 0,
      incarnation: 0,
      alive: true,
      controlledShutdownOffset: 0,
    };
    s.controller.offset++;
  }
  const created = createTopics(s);
  if (created) return { ok: false, error: created };

  for (const b of setup.brokers) s.brokers[b.id] = newBroker(s, b.id, b.rack ?? null);
  for (const id of s.brokerIds) {
    const b = s.brokers[id]!;
    for (const name of s.partitionOrder) {
      const p = s.controller.partitions[name]!;
      if (p.replicas.includes(id)) b.replicas[name] = newReplica(name);
      applyPartitionState(s, b, p);
    }
    b.image.offset = s.controller.offset;
  }
  for (const c of setup.clients) {
    const md = emptyMetadata(s.brokerIds);
    if (c.type === 'producer') {
      s.producers[c.id] = {
        id: c.id,
        config: c.config,
        producerId: c.config['enable.idempotence'] ? 1000 + Object.keys(s.producers).length : -1,
        metadata: md,
        queues: {},
        batches: {},
        inflight: {},
        nextSequence: {},
        stickyPartition: {},
        stream: { rate: 0, sent: 0, epoch: 0 },
        expiryCheckAt: 0,
        refused: {},
        producerEpoch: 0,
        unresolved: {},
        sequenceEpoch: {},
        wakeAt: -1,
      };
    } else {
      s.consumers[c.id] = {
        id: c.id,
        config: c.config,
        metadata: md,
        positions: {},
        outcomes: {},
        inflight: {},
        busy: {},
        timerAt: 0,
        ops: {},
        lastFrom: {},
        subscribed: [],
        consumed: 0,
      };
    }
  }
  // Every periodic timer starts at t=0.
  for (const id of s.brokerIds) {
    const b = s.brokers[id]!;
    scheduleHeartbeat(s, b, 0);
    startBrokerTimers(s, b);
    for (const leader of leadersFollowed(b)) wakeFetcher(s, b, leader);
  }
  scheduleSessionCheck(s);
  schedule(s, s.clusterConfig['unclean.leader.election.interval.ms'], { kind: 'uncleanCheck' });
  return { ok: true, state: s };
}

function createTopics(s: SimState): string | null {
  const brokers = s.setup.brokers.map((b) => (b.rack ? { id: b.id, rack: b.rack } : { id: b.id }));
  const topics = [...s.setup.topics].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const t of topics) {
    let assignment = t.assignment;
    if (!assignment) {
      const placed = assignReplicas(brokers, t.partitions, t.replicationFactor, (n) =>
        nextInt(s, n),
      );
      if (!placed.ok) return `topics.${t.name}: ${placed.error}`;
      assignment = placed.assignment;
    }
    s.topics[t.name] = { partitions: t.partitions, replicationFactor: t.replicationFactor };
    s.controller.topicConfigs[t.name] = { ...t.config };
    s.controller.topicOverrides[t.name] = topicOverrides(t.config, s.clusterConfig);
    for (let i = 0; i < t.partitions; i++) {
      const name = partitionName(t.name, i);
      const replicas = [...assignment[i]!];
      // R2: ISR = the active assigned replicas; leader = the first of them; epochs 0.
      const given = t.state?.[i];
      const p: PartitionState = {
        name,
        topic: t.name,
        index: i,
        replicas,
        leader: given ? given.leader : replicas[0]!,
        leaderEpoch: 0,
        partitionEpoch: 0,
        isr: given ? [...given.isr] : [...replicas],
        recovering: false,
        elr: [],
        lastKnownElr: [],
      };
      s.controller.partitions[name] = p;
      s.controller.offset++;
      s.partitionOrder.push(name);
    }
  }
  return null;
}

function newBroker(s: SimState, id: number, rack: string | null): Broker {
  const reg = s.controller.brokers[id]!;
  const brokers: Broker['image']['brokers'] = {};
  for (const [bid, r] of Object.entries(s.controller.brokers))
    brokers[bid] = { epoch: r.epoch, fenced: r.fenced, shuttingDown: r.shuttingDown };
  return {
    id,
    rack,
    up: true,
    incarnation: 0,
    config: { ...s.clusterConfig },
    brokerEpoch: reg.epoch,
    registered: true,
    lifecycle: 'running',
    shuttingDown: false,
    fetchPaused: false,
    image: { offset: 0, brokers, partitions: {}, topicConfigs: { ...s.controller.topicConfigs } },
    replicas: {},
    fetchers: {},
    rolesVersion: 0,
    parkedFetches: [],
    parkedProduces: [],
    heartbeatInflight: false,
    registrationInflight: false,
    heartbeatDueAt: 0,
    lastHwCheckpoint: 0,
    previousBrokerEpoch: reg.epoch,
  };
}
