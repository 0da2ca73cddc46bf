// The active KRaft controller: broker registration, heartbeats and sessions (R20-R22),
// AlterPartition (R17, R18) and the periodic leader checks (R27, R28).
import { emit, schedule, send } from '../core/core';
import {
  commitPartitionChange,
  electLeadersForUnfencedBroker,
  electPreferredLeaders,
  electUncleanLeadersIfEnabled,
  isAcceptableLeader,
  removeBrokerFromPartitions,
  removeUncleanlyShutDownBroker,
  targetElr,
} from './controller-partitions';
import { metadataSnapshot, publishMetadata } from './controller-metadata';
import type { Payload } from '../core/messages';
import { canCommit } from './quorum';
import { scheduleSessionCheck } from './session-timer';
import type { BrokerRegistration, Message, SimState } from '../core/state';

type Req<K extends Payload['kind']> = Extract<Payload, { kind: K }>;

function reply(s: SimState, msg: Message, payload: Payload): void {
  send(s, msg.to, msg.from, payload);
}

function publishBroker(s: SimState, id: number, reg: BrokerRegistration): void {
  publishMetadata(s, {
    type: 'broker',
    id,
    epoch: reg.epoch,
    fenced: reg.fenced,
    shuttingDown: reg.shuttingDown,
  });
}

/** Handles a request that reached controller `to`; only the active controller answers. */
export function onControllerMessage(s: SimState, controllerId: number, msg: Message): void {
  const p = msg.payload;
  const active = s.quorum.active === controllerId;
  // A leader that lost its quorum cannot commit anything (R23): heartbeats still keep sessions
  // alive (in memory), but registrations, unfencing and AlterPartition wait for a quorum.
  if (active && !canCommit(s)) {
    if (p.kind === 'brokerHeartbeat') keepSessionAlive(s, msg, p);
    return;
  }
  switch (p.kind) {
    case 'brokerRegistration':
      if (!active)
        return reply(s, msg, {
          kind: 'brokerRegistrationResponse',
          error: 'NOT_CONTROLLER',
          brokerEpoch: -1,
        });
      return onRegistration(s, msg, p);
    case 'brokerHeartbeat':
      if (!active)
        return reply(s, msg, {
          kind: 'brokerHeartbeatResponse',
          error: 'NOT_CONTROLLER',
          fenced: true,
          shouldShutDown: false,
          caughtUp: false,
          snapshot: null,
        });
      return onHeartbeat(s, msg, p);
    case 'alterPartition':
      if (!active)
        return reply(s, msg, {
          kind: 'alterPartitionResponse',
          partition: p.partition,
          proposal: { partitionEpoch: p.partitionEpoch, newIsr: p.newIsr },
          error: 'NOT_CONTROLLER',
          state: null,
        });
      return onAlterPartition(s, msg, p);
    default:
      return;
  }
}

/** R21: a new incarnation cannot register while the old session is still valid. */
function onRegistration(s: SimState, msg: Message, p: Req<'brokerRegistration'>): void {
  const old = s.controller.brokers[p.broker];
  if (old && old.alive && !old.fenced && old.incarnation !== p.incarnation) {
    return reply(s, msg, {
      kind: 'brokerRegistrationResponse',
      error: 'DUPLICATE_BROKER_REGISTRATION',
      brokerEpoch: -1,
    });
  }
  // KIP-966: no clean-shutdown marker for the epoch it last had, so its log may miss records
  const uncleanShutdown = !!old && p.previousBrokerEpoch !== old.epoch;
  const reg: BrokerRegistration = {
    epoch: s.controller.nextBrokerEpoch++,
    fenced: true,
    shuttingDown: false,
    lastContact: s.now,
    registeredAtOffset: 0,
    incarnation: p.incarnation,
    alive: true,
    controlledShutdownOffset: 0,
  };
  s.controller.brokers[p.broker] = reg;
  publishBroker(s, p.broker, reg);
  if (uncleanShutdown) removeUncleanlyShutDownBroker(s, p.broker);
  reg.registeredAtOffset = s.controller.offset;
  emit(
    s,
    'brokerRegistered',
    `Broker ${p.broker} registered with the controller (broker epoch ${reg.epoch}); it stays fenced until it has replayed the metadata log.`,
    { broker: p.broker, rule: 'R21', data: { brokerEpoch: reg.epoch } },
  );
  reply(s, msg, { kind: 'brokerRegistrationResponse', error: null, brokerEpoch: reg.epoch });
  scheduleSessionCheck(s);
}

/** A heartbeat seen by a controller without a quorum: the session lives on, nothing changes. */
function keepSessionAlive(s: SimState, msg: Message, p: Req<'brokerHeartbeat'>): void {
  const reg = s.controller.brokers[p.broker];
  if (!reg || reg.epoch !== p.brokerEpoch || !reg.alive) return;
  reg.lastContact = s.now;
  reply(s, msg, {
    kind: 'brokerHeartbeatResponse',
    error: null,
    fenced: reg.fenced,
    shouldShutDown: false,
    caughtUp: p.metadataOffset >= reg.registeredAtOffset,
    snapshot: null,
  });
}

function onHeartbeat(s: SimState, msg: Message, p: Req<'brokerHeartbeat'>): void {
  const reg = s.controller.brokers[p.broker];
  if (!reg || reg.epoch !== p.brokerEpoch || !reg.alive) {
    return reply(s, msg, {
      kind: 'brokerHeartbeatResponse',
      error: 'STALE_BROKER_EPOCH',
      fenced: true,
      shouldShutDown: false,
      caughtUp: false,
      snapshot: null,
    });
  }
  reg.lastContact = s.now;
  if (p.wantShutDown && !reg.shuttingDown) beginControlledShutdown(s, p.broker, reg);
  // R21, BrokerHeartbeatManager.calculateNextBrokerState: unfenced once it asks (no longer
  // starting up) and has replayed the metadata log up to its registration record.
  const caughtUp = p.metadataOffset >= reg.registeredAtOffset;
  if (!p.wantShutDown && !p.wantFence && reg.fenced && caughtUp) unfence(s, p.broker, reg);

  let shouldShutDown = false;
  // R22: the broker may exit once it leads nothing and has applied the moves of its leaderships.
  if (
    reg.shuttingDown &&
    !leadsAnyPartition(s, p.broker) &&
    p.metadataOffset >= reg.controlledShutdownOffset
  ) {
    // R22: the broker may exit now; the controller fences it without waiting for a timeout.
    shouldShutDown = true;
    fence(s, p.broker, reg, 'it finished its controlled shutdown', 'R22');
    reg.alive = false;
  }
  const behind = p.metadataOffset < s.controller.offset;
  reply(s, msg, {
    kind: 'brokerHeartbeatResponse',
    error: null,
    fenced: reg.fenced,
    shouldShutDown,
    caughtUp,
    snapshot: behind ? metadataSnapshot(s) : null,
  });
  scheduleSessionCheck(s);
}

function leadsAnyPartition(s: SimState, broker: number): boolean {
  return s.partitionOrder.some((n) => s.controller.partitions[n]!.leader === broker);
}

function beginControlledShutdown(s: SimState, broker: number, reg: BrokerRegistration): void {
  reg.shuttingDown = true;
  publishBroker(s, broker, reg);
  emit(
    s,
    'brokerShutdownRequested',
    `Broker ${broker} asked to shut down: the controller moves its leaderships and removes it from every ISR at once (no session timeout).`,
    { broker, rule: 'R22' },
  );
  removeBrokerFromPartitions(s, broker, `broker ${broker} is shutting down (controlled shutdown)`);
  reg.controlledShutdownOffset = s.controller.offset;
}

function unfence(s: SimState, broker: number, reg: BrokerRegistration): void {
  reg.fenced = false;
  publishBroker(s, broker, reg);
  emit(
    s,
    'brokerUnfenced',
    `Broker ${broker} caught up with the metadata log: the controller unfenced it; it may lead and rejoin ISRs again (after catching up).`,
    { broker, rule: 'R21' },
  );
  electLeadersForUnfencedBroker(s, broker);
}

export function fence(
  s: SimState,
  broker: number,
  reg: BrokerRegistration,
  why: string,
  rule: string,
): void {
  if (reg.fenced) return;
  reg.fenced = true;
  publishBroker(s, broker, reg);
  emit(s, 'brokerFenced', `Broker ${broker} was fenced: ${why}.`, {
    broker,
    rule,
    data: { lastContact: reg.lastContact },
  });
  removeBrokerFromPartitions(s, broker, `broker ${broker} was fenced`);
}

/** R20: fences one broker whose session expired per controller event. */
export function onSessionCheck(s: SimState): void {
  if (s.now !== s.controller.sessionCheckAt) return;
  s.controller.sessionCheckAt = 0;
  if (!canCommit(s)) return; // sessions are renewed when a controller with a quorum takes over
  const timeout = s.clusterConfig['broker.session.timeout.ms'];
  const stale = s.brokerIds.find((id) => {
    const reg = s.controller.brokers[id];
    return !!reg && reg.alive && !reg.fenced && s.now >= reg.lastContact + timeout;
  });
  if (stale !== undefined) {
    const reg = s.controller.brokers[stale]!;
    fence(
      s,
      stale,
      reg,
      `no heartbeat for ${s.now - reg.lastContact} ms (broker.session.timeout.ms=${timeout})`,
      'R20',
    );
    s.controller.sessionCheckAt = s.now;
    schedule(s, s.now, { kind: 'sessionCheck' });
    return;
  }
  scheduleSessionCheck(s);
}

/** AlterPartition from a leader (R17, R18): validate epochs and eligibility, then commit. */
function onAlterPartition(s: SimState, msg: Message, p: Req<'alterPartition'>): void {
  const answer = (error: string | null) =>
    reply(s, msg, {
      kind: 'alterPartitionResponse',
      partition: p.partition,
      proposal: { partitionEpoch: p.partitionEpoch, newIsr: p.newIsr },
      error,
      state: error ? null : (s.controller.partitions[p.partition] ?? null),
    });
  const part = s.controller.partitions[p.partition];
  const reg = s.controller.brokers[p.broker];
  if (!part) return answer('UNKNOWN_TOPIC_OR_PARTITION');
  if (!reg || reg.epoch !== p.brokerEpoch) return answer('STALE_BROKER_EPOCH');
  if (part.leader !== p.broker || p.leaderEpoch !== part.leaderEpoch)
    return answer('FENCED_LEADER_EPOCH');
  if (p.partitionEpoch !== part.partitionEpoch) return answer('INVALID_UPDATE_VERSION');
  if (!p.newIsr.includes(p.broker)) return answer('INVALID_REQUEST');
  const added = p.newIsr.filter((b) => !part.isr.includes(b));
  if (added.some((b) => !isAcceptableLeader(s, b))) return answer('INELIGIBLE_REPLICA');
  const text =
    p.change === 'shrink'
      ? `the leader (broker ${p.broker}) reported followers that have not caught up within replica.lag.time.max.ms`
      : `the follower caught up to the leader's high watermark`;
  commitPartitionChange(
    s,
    p.partition,
    { isr: p.newIsr, eligible: targetElr(s, part, p.newIsr) },
    { rule: p.change === 'shrink' ? 'R16' : 'R18', text },
  );
  answer(null);
}

/** R28: the automatic preferred-leader check. */
export function onLeaderImbalanceCheck(s: SimState): void {
  if (s.now !== s.controller.rebalanceAt) return;
  s.controller.rebalanceAt = 0;
  if (!canCommit(s) || !s.clusterConfig['auto.leader.rebalance.enable']) return;
  electPreferredLeaders(s);
}

/** R27: leaderless partitions of topics with unclean election enabled, checked periodically. */
export function onUncleanCheck(s: SimState): void {
  if (canCommit(s)) electUncleanLeadersIfEnabled(s);
  schedule(s, s.now + s.clusterConfig['unclean.leader.election.interval.ms'], {
    kind: 'uncleanCheck',
  });
}
