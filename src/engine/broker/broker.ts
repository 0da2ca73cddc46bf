// A broker process: start, crash, controlled shutdown, restart (R21, R22); registration and
// heartbeats to the active controller (R20); metadata updates; routing of incoming messages.
import { closeConnection, emit, schedule, send } from '../core/core';
import { maybeShrinkIsr, scheduleAlterPartitionRetry } from './leader-state';
import { onConsumerFetch, onFollowerFetch, onOffsetsForLeaderEpoch } from './leader-fetch';
import { onProduce } from './leader-produce';
import { onFetchFailed, onFetchResponse, wakeFetcher } from './fetcher';
import { applyPartitionState, applySnapshot } from './replica-roles';
import { answerMetadataRequest } from './broker-metadata';
import { dropEpochsFrom, logEndOffset } from './log';
import { scheduleRetentionCheck } from './retention';
import {
  brokerAddr,
  brokerOf,
  controllerAddr,
  type Broker,
  type Message,
  type PartitionState,
  type PendingIsrChange,
  type Replica,
  type SimState,
} from '../core/state';

export function onBrokerMessage(s: SimState, b: Broker, msg: Message): void {
  const p = msg.payload;
  switch (p.kind) {
    case 'produce':
      return onProduce(s, b, msg, p);
    case 'fetch':
      return onFollowerFetch(s, b, msg, p);
    case 'fetchResponse':
      return onFetchResponse(s, b, brokerOf(msg.from)!, p);
    case 'consumerFetch':
      return onConsumerFetch(s, b, msg, p);
    case 'offsetsForLeaderEpoch':
      return onOffsetsForLeaderEpoch(s, b, msg, p);
    case 'metadataRequest':
      return answerMetadataRequest(s, b, msg, p);
    case 'metadataUpdate':
      if (p.fromOffset !== b.image.offset) return; // missed some: the next heartbeat brings a snapshot
      for (const rec of p.records) {
        if (rec.type === 'partition')
          applyPartitionState(s, b, rec.state, rec.withMinIsrChange === true);
        else
          b.image.brokers[rec.id] = {
            epoch: rec.epoch,
            fenced: rec.fenced,
            shuttingDown: rec.shuttingDown,
          };
      }
      b.image.offset = p.toOffset;
      // A stopping broker reports at once that it has applied the moves of its leaderships (R22).
      if (b.shuttingDown && !b.heartbeatInflight) sendHeartbeat(s, b);
      return;
    case 'brokerRegistrationResponse':
      return onRegistrationResponse(s, b, p.error, p.brokerEpoch);
    case 'brokerHeartbeatResponse':
      b.heartbeatInflight = false;
      if (p.snapshot) applySnapshot(s, b, p.snapshot);
      if (p.error === 'STALE_BROKER_EPOCH') return register(s, b);
      if (p.shouldShutDown) return finishShutdown(s, b);
      if (b.shuttingDown && p.snapshot) return sendHeartbeat(s, b); // report the applied moves (R22)
      return onHeartbeatAnswer(s, b, p.caughtUp, p.fenced);
    case 'alterPartitionResponse': {
      const r = b.replicas[p.partition];
      // Kafka ignores an answer to anything but the proposal in flight (Partition.scala): after
      // the metadata log delivered the change first, a new proposal may be pending already.
      if (!r?.pendingIsr || !answersProposal(r.pendingIsr, p.proposal)) return;
      return onAlterPartitionAnswer(s, b, r, p.error, p.state);
    }
    default:
      return;
  }
}

/**
 * R17, as Kafka's Partition.handleAlterPartitionError: a rejection that proves the proposal was
 * not applied (INELIGIBLE_REPLICA) resets to the committed ISR; one that says the leader's view
 * is out of date (newer partition or leader epoch, unknown partition) keeps the proposal pending,
 * so the HW still counts a replica the controller may have added, until the metadata log brings
 * the partition's new state; anything else is retried.
 */
function onAlterPartitionAnswer(
  s: SimState,
  b: Broker,
  r: Replica,
  error: string | null,
  state: PartitionState | null,
): void {
  const retryLater = () =>
    scheduleAlterPartitionRetry(s, b, r, s.now + b.config['replica.fetch.backoff.ms']);
  if (error === null) {
    if (state) applyPartitionState(s, b, state);
    r.pendingIsr = null;
    return;
  }
  if (error === 'INELIGIBLE_REPLICA') {
    r.pendingIsr = null;
    return;
  }
  if (AWAIT_METADATA.has(error)) {
    r.pendingIsr!.retryAt = Infinity; // no resend: the metadata log ends it
    return;
  }
  retryLater();
}

const AWAIT_METADATA = new Set([
  'INVALID_UPDATE_VERSION',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'INVALID_REQUEST',
]);

function answersProposal(
  pending: PendingIsrChange,
  proposal: { partitionEpoch: number; newIsr: number[] },
): boolean {
  return (
    pending.partitionEpoch === proposal.partitionEpoch &&
    pending.isr.length === proposal.newIsr.length &&
    pending.isr.every((id, i) => proposal.newIsr[i] === id)
  );
}

/** The peer was down: the connection was refused or reset. */
export function onBrokerDisconnect(
  s: SimState,
  b: Broker,
  request: string,
  peer: string,
  requestId: number,
): void {
  if (request === 'fetch') return onFetchFailed(s, b, brokerOf(peer)!, requestId);
  if (request === 'brokerHeartbeat') {
    b.heartbeatInflight = false;
    return scheduleHeartbeat(s, b, s.now + b.config['broker.heartbeat.interval.ms']);
  }
  if (request === 'alterPartition') {
    for (const r of Object.values(b.replicas)) {
      if (r.pendingIsr)
        scheduleAlterPartitionRetry(s, b, r, s.now + b.config['replica.fetch.backoff.ms']);
    }
    return;
  }
  if (request === 'brokerRegistration') {
    b.registrationInflight = false;
    return scheduleHeartbeat(s, b, s.now + b.config['broker.heartbeat.interval.ms']);
  }
}

/**
 * BrokerLifecycleManager after a registration: while STARTING it heartbeats every 10 ms until the
 * controller says it caught up with the metadata log; then (no log recovery to do here) it is
 * ready to be unfenced and asks at once; once unfenced it is RUNNING, at the normal interval.
 */
const STARTING_HEARTBEAT_MS = 10;

function onHeartbeatAnswer(s: SimState, b: Broker, caughtUp: boolean, fenced: boolean): void {
  if (b.lifecycle === 'starting') {
    if (!caughtUp) return scheduleHeartbeat(s, b, s.now + STARTING_HEARTBEAT_MS);
    b.lifecycle = 'recovery';
    return sendHeartbeat(s, b);
  }
  if (b.lifecycle === 'recovery' && !fenced) b.lifecycle = 'running';
  scheduleHeartbeat(s, b, s.now + b.config['broker.heartbeat.interval.ms']);
}

export function scheduleHeartbeat(s: SimState, b: Broker, at: number): void {
  b.heartbeatDueAt = at;
  schedule(s, at, { kind: 'brokerHeartbeat', broker: b.id, incarnation: b.incarnation });
}

/** Heartbeat timer: register first if needed; resend if the last one went unanswered. */
export function onHeartbeatTimer(s: SimState, b: Broker): void {
  if (s.now !== b.heartbeatDueAt) return;
  if (!b.registered) return register(s, b);
  sendHeartbeat(s, b);
}

export function sendHeartbeat(s: SimState, b: Broker): void {
  const active = s.quorum.active;
  b.heartbeatInflight = true;
  if (active !== null) {
    send(s, brokerAddr(b.id), controllerAddr(active), {
      kind: 'brokerHeartbeat',
      broker: b.id,
      brokerEpoch: b.brokerEpoch,
      metadataOffset: b.image.offset,
      wantShutDown: b.shuttingDown,
      wantFence: b.lifecycle === 'starting',
    });
  }
  scheduleHeartbeat(s, b, s.now + b.config['broker.heartbeat.interval.ms']);
}

function register(s: SimState, b: Broker): void {
  b.registered = false;
  b.registrationInflight = true;
  const active = s.quorum.active;
  if (active !== null)
    send(s, brokerAddr(b.id), controllerAddr(active), {
      kind: 'brokerRegistration',
      broker: b.id,
      incarnation: b.incarnation,
      previousBrokerEpoch: b.previousBrokerEpoch,
    });
  scheduleHeartbeat(s, b, s.now + b.config['broker.heartbeat.interval.ms']);
}

function onRegistrationResponse(s: SimState, b: Broker, error: string | null, epoch: number): void {
  b.registrationInflight = false;
  if (error) return; // R21: the old session is still valid; the heartbeat timer retries
  b.registered = true;
  b.brokerEpoch = epoch;
  b.previousBrokerEpoch = epoch; // the log it registers with stays intact until a crash
  b.lifecycle = 'starting';
  sendHeartbeat(s, b);
}

/** Starts the periodic work of a running broker (every timer starts now). */
export function startBrokerTimers(s: SimState, b: Broker): void {
  schedule(s, s.now, { kind: 'isrCheck', broker: b.id, incarnation: b.incarnation });
  schedule(s, s.now + b.config['replica.high.watermark.checkpoint.interval.ms'], {
    kind: 'hwCheckpoint',
    broker: b.id,
    incarnation: b.incarnation,
  });
  scheduleRetentionCheck(s, b);
}

export function onIsrCheck(s: SimState, b: Broker): void {
  for (const r of Object.values(b.replicas)) maybeShrinkIsr(s, b, r);
  schedule(s, s.now + b.config['replica.lag.time.max.ms'] / 2, {
    kind: 'isrCheck',
    broker: b.id,
    incarnation: b.incarnation,
  });
}

export function onHwCheckpoint(s: SimState, b: Broker): void {
  checkpointHighWatermarks(b, s.now);
  schedule(s, s.now + b.config['replica.high.watermark.checkpoint.interval.ms'], {
    kind: 'hwCheckpoint',
    broker: b.id,
    incarnation: b.incarnation,
  });
}

function checkpointHighWatermarks(b: Broker, now: number): void {
  for (const r of Object.values(b.replicas)) r.checkpointedHw = r.hw;
  b.lastHwCheckpoint = now;
}

/** Hard crash: the process dies; open connections are reset; the log stays on disk. */
export function killBroker(
  s: SimState,
  b: Broker,
  how: 'crash' | 'shutdown' = 'crash',
  stoppedText = `Broker ${b.id} completed its controlled shutdown and stopped.`,
): void {
  if (!b.up) return;
  if (how === 'shutdown') checkpointHighWatermarks(b, s.now);
  // Kafka writes a clean-shutdown marker; a crash leaves none (KIP-966 unclean detection)
  if (how === 'crash') b.previousBrokerEpoch = -1;
  b.up = false;
  b.incarnation++;
  for (const parked of b.parkedProduces)
    resetConnection(s, b, `client:${parked.client}`, 'produce', parked.requestId);
  for (const parked of b.parkedFetches) {
    resetConnection(
      s,
      b,
      parked.from,
      parked.replicaId >= 0 ? 'fetch' : 'consumerFetch',
      parked.fetchId,
    );
  }
  b.parkedProduces = [];
  b.parkedFetches = [];
  b.fetchers = {};
  b.heartbeatInflight = false;
  b.registrationInflight = false;
  if (how === 'crash')
    emit(
      s,
      'brokerKilled',
      `Broker ${b.id} crashed (hard kill). The controller only notices when its session expires (broker.session.timeout.ms=${s.clusterConfig['broker.session.timeout.ms']}).`,
      { broker: b.id, rule: 'R20' },
    );
  else emit(s, 'brokerStopped', stoppedText, { broker: b.id, rule: 'R22' });
}

function resetConnection(
  s: SimState,
  b: Broker,
  to: string,
  request: string,
  requestId: number,
): void {
  closeConnection(s, brokerAddr(b.id), to, request, requestId);
}

/**
 * How long a stopping broker waits for the controller to approve its controlled shutdown before it
 * exits anyway: KafkaBroker.shutdown() gives BrokerServer.shutdown a deadline of 5 minutes, and
 * on timeout it logs "Timed out waiting for the controller to approve controlled shutdown" and
 * goes on shutting down (its logs still close cleanly).
 */
export const CONTROLLED_SHUTDOWN_DEADLINE_MS = 5 * 60_000;

/** Controlled shutdown (R22): ask the controller via heartbeat, then exit when told to. */
export function stopBroker(s: SimState, b: Broker): void {
  if (!b.up || b.shuttingDown) return;
  b.shuttingDown = true;
  if (!b.registered) return killBroker(s, b, 'shutdown');
  sendHeartbeat(s, b);
  schedule(s, s.now + CONTROLLED_SHUTDOWN_DEADLINE_MS, {
    kind: 'shutdownDeadline',
    broker: b.id,
    incarnation: b.incarnation,
  });
}

/** R22: no controller approved the controlled shutdown in time (none active): exit anyway. */
export function onShutdownDeadline(s: SimState, b: Broker): void {
  if (!b.shuttingDown) return;
  killBroker(
    s,
    b,
    'shutdown',
    `Broker ${b.id} timed out waiting for the controller to approve its controlled shutdown (5 min) and stopped anyway; the controller fences it when its session expires.`,
  );
}

function finishShutdown(s: SimState, b: Broker): void {
  killBroker(s, b, 'shutdown');
}

/** R21: a new incarnation loads its logs (HW from the last checkpoint) and registers again. */
export function restartBroker(s: SimState, b: Broker): void {
  if (b.up) return;
  b.up = true;
  b.incarnation++;
  b.registered = false;
  b.brokerEpoch = -1;
  b.shuttingDown = false;
  b.fetchPaused = false;
  b.image = { offset: -1, brokers: {}, partitions: {}, topicConfigs: {} };
  b.rolesVersion++;
  for (const r of Object.values(b.replicas)) {
    r.hw = Math.max(r.logStartOffset, Math.min(r.checkpointedHw, logEndOffset(r)));
    // R4: loading the log cuts the epoch cache at the log end (LogLoader.load, truncateFromEnd):
    // an epoch that started at the LEO wrote nothing and is forgotten.
    dropEpochsFrom(r, logEndOffset(r));
    r.role = 'none';
    r.leaderId = null;
    r.leaderEpoch = -1;
    r.partitionEpoch = -1;
    r.pendingIsr = null;
    r.followers = {};
    r.isr = [];
    r.fetchBackoffUntil = 0;
  }
  emit(
    s,
    'brokerRestarted',
    `Broker ${b.id} restarted: it reloads its logs (HW from its last checkpoint) and registers with the controller; it stays fenced until it has caught up with the metadata.`,
    { broker: b.id, rule: 'R21' },
  );
  register(s, b);
  startBrokerTimers(s, b);
}

export function pauseFetching(s: SimState, b: Broker, paused: boolean): void {
  b.fetchPaused = paused;
  emit(
    s,
    paused ? 'fetchPaused' : 'fetchResumed',
    paused
      ? `Broker ${b.id} stopped fetching (it stays alive and keeps heartbeating).`
      : `Broker ${b.id} resumed fetching.`,
    { broker: b.id, rule: 'R16' },
  );
  if (!paused) for (const leader of leadersFollowed(b)) wakeFetcher(s, b, leader);
}

export function leadersFollowed(b: Broker): number[] {
  const set = new Set<number>();
  for (const r of Object.values(b.replicas))
    if (r.role === 'follower' && r.leaderId !== null) set.add(r.leaderId);
  return [...set].sort((x, y) => x - y);
}
