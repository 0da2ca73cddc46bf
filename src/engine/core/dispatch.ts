// Routes each scheduled item to the module that handles it.
import { isCut, logMessage, schedule } from './core';
import { checkSentRecord } from '../check/checker';
import {
  onBrokerDisconnect,
  onBrokerMessage,
  onHeartbeatTimer,
  onHwCheckpoint,
  onShutdownDeadline,
  onIsrCheck,
} from '../broker/broker';
import { onAlterPartitionRetry } from '../broker/leader-state';
import {
  onControllerMessage,
  onLeaderImbalanceCheck,
  onSessionCheck,
  onUncleanCheck,
} from '../controller/controller';
import { flushMetadata } from '../controller/controller-metadata';
import {
  onConsumerFetchResponse,
  onConsumerMetadataFailed,
  onConsumerMetadataResponse,
  onConsumerRequestFailed,
  onConsumerTimer,
  onConsumerWake,
  onOffsetsForLeaderEpochResponse,
} from '../clients/consumer';
import { onFetchTimer, wakeFetcher } from '../broker/fetcher';
import {
  onBatchExpiryCheck,
  onProduceRequestFailed,
  onProduceResponse,
  onProducerMetadataFailed,
  onProducerMetadataResponse,
  onStreamTick,
  runSender,
} from '../clients/producer';
import { expireParkedFetch, expireParkedProduce } from '../broker/purgatory';
import { onControllerElection } from '../controller/quorum';
import { onRetentionCheck } from '../broker/retention';
import { brokerOf, parseAddr, type Message, type SimState } from './state';
import type { TimerEvent } from './timers';
import { recordOf } from './records';

/** Requests whose sender learns of a dead peer (connection refused or reset). */
const REQUESTS = new Set([
  'produce',
  'fetch',
  'consumerFetch',
  'offsetsForLeaderEpoch',
  'metadataRequest',
  'brokerHeartbeat',
  'brokerRegistration',
  'alterPartition',
]);

function requestIdOf(m: Message): number {
  const p = m.payload as { requestId?: number; fetchId?: number };
  return p.requestId ?? p.fetchId ?? -1;
}

function isUp(s: SimState, addr: string): boolean {
  const { kind, id } = parseAddr(addr);
  if (kind === 'broker') return s.brokers[id]?.up ?? false;
  if (kind === 'controller') return s.controllers[id]?.up ?? false;
  return true;
}

export function dispatch(s: SimState, item: TimerEvent): void {
  handle(s, item);
  flushMetadata(s);
}

function handle(s: SimState, item: TimerEvent): void {
  switch (item.kind) {
    case 'deliver': {
      const m = s.inflight[item.messageId];
      if (!m) return;
      delete s.inflight[item.messageId];
      if (isCut(s, m.from, m.to)) {
        logMessage(s, 'drop', m);
        return onDropped(s, m);
      }
      if (!isUp(s, m.to)) {
        logMessage(s, 'drop', m);
        onUndeliverable(s, m);
        if (REQUESTS.has(m.payload.kind) && isUp(s, m.from)) {
          schedule(s, s.now + s.setup.network.latencyMs, {
            kind: 'disconnect',
            messageId: m.id,
            from: m.to,
            to: m.from,
            request: m.payload.kind,
            requestId: requestIdOf(m),
          });
        }
        return;
      }
      logMessage(s, 'deliver', m);
      return deliver(s, m);
    }
    case 'disconnect':
      return onDisconnect(s, item.to, item.from, item.request, item.requestId);
    case 'brokerHeartbeat':
      return withBroker(s, item, (b) => onHeartbeatTimer(s, b));
    case 'isrCheck':
      return withBroker(s, item, (b) => onIsrCheck(s, b));
    case 'hwCheckpoint':
      return withBroker(s, item, (b) => onHwCheckpoint(s, b));
    case 'shutdownDeadline':
      return withBroker(s, item, (b) => onShutdownDeadline(s, b));
    case 'retentionCheck':
      return withBroker(s, item, (b) => onRetentionCheck(s, b));
    case 'fetcherWake':
      return withBroker(s, item, (b) => void wakeFetcher(s, b, item.leader));
    case 'fetchTimeout':
      return withBroker(s, item, (b) => onFetchTimer(s, b, item.leader));
    case 'parkedFetchExpire':
      return withBroker(s, item, (b) => expireParkedFetch(s, b, item.parkedId));
    case 'parkedProduceExpire':
      return withBroker(s, item, (b) => expireParkedProduce(s, b, item.parkedId));
    case 'alterPartitionRetry':
      return withBroker(s, item, (b) => onAlterPartitionRetry(s, b, item.partition));
    case 'sessionCheck':
      return onSessionCheck(s);
    case 'controllerElection':
      return onControllerElection(s, item.epoch);
    case 'quorumCheck':
      return;
    case 'leaderImbalanceCheck':
      return onLeaderImbalanceCheck(s);
    case 'uncleanCheck':
      return onUncleanCheck(s);
    case 'producerWake': {
      const p = s.producers[item.client];
      if (p) {
        if (p.wakeAt === item.at) p.wakeAt = -1;
        return runSender(s, p);
      }
      const c = s.consumers[item.client];
      return c ? onConsumerWake(s, c) : undefined;
    }
    case 'produceRequestTimeout': {
      const p = s.producers[item.client];
      return p ? onProduceRequestFailed(s, p, item.requestId, 'REQUEST_TIMED_OUT') : undefined;
    }
    case 'batchExpire': {
      const p = s.producers[item.client];
      return p ? onBatchExpiryCheck(s, p, item.at) : undefined;
    }
    case 'metadataTimeout': {
      const p = s.producers[item.client];
      if (p) return onProducerMetadataFailed(s, p, item.requestId, null);
      const c = s.consumers[item.client];
      return c ? onConsumerMetadataFailed(s, c, item.requestId, null) : undefined;
    }
    case 'consumerTimeout': {
      const c = s.consumers[item.client];
      return c ? onConsumerTimer(s, c) : undefined;
    }
    case 'streamTick': {
      const p = s.producers[item.client];
      return p ? onStreamTick(s, p, item.epoch) : undefined;
    }
    case 'consumerPoll': {
      const c = s.consumers[item.client];
      return c ? onConsumerWake(s, c, item.partition) : undefined;
    }
    default: {
      const never: never = item;
      return never;
    }
  }
}

function withBroker(
  s: SimState,
  item: { broker: number; incarnation: number },
  f: (b: NonNullable<SimState['brokers'][string]>) => void,
): void {
  const b = s.brokers[item.broker];
  if (b && b.up && b.incarnation === item.incarnation) f(b);
}

function deliver(s: SimState, m: Message): void {
  const { kind, id } = parseAddr(m.to);
  if (kind === 'broker') return onBrokerMessage(s, s.brokers[id]!, m);
  if (kind === 'controller') return onControllerMessage(s, Number(id), m);
  const p = s.producers[id];
  const c = s.consumers[id];
  const payload = m.payload;
  switch (payload.kind) {
    case 'produceResponse':
      return p ? onProduceResponse(s, p, payload) : undefined;
    case 'metadataResponse':
      if (p) return onProducerMetadataResponse(s, p, payload);
      return c ? onConsumerMetadataResponse(s, c, payload) : undefined;
    case 'consumerFetchResponse':
      return c ? onConsumerFetchResponse(s, c, payload) : undefined;
    case 'offsetsForLeaderEpochResponse':
      return c ? onOffsetsForLeaderEpochResponse(s, c, payload) : undefined;
    default:
      return;
  }
}

/** A request went to a dead peer: the sender sees the connection fail. */
function onDisconnect(
  s: SimState,
  to: string,
  peer: string,
  request: string,
  requestId: number,
): void {
  const { kind, id } = parseAddr(to);
  const peerBroker = brokerOf(peer);
  if (kind === 'broker') {
    const b = s.brokers[id];
    if (b?.up) onBrokerDisconnect(s, b, request, peer, requestId);
    return;
  }
  const p = s.producers[id];
  const c = s.consumers[id];
  if (request === 'metadataRequest') {
    if (p) return onProducerMetadataFailed(s, p, requestId, peerBroker);
    if (c) return onConsumerMetadataFailed(s, c, requestId, peerBroker);
  }
  if (request === 'produce' && p)
    return onProduceRequestFailed(s, p, requestId, 'NETWORK_EXCEPTION');
  if (c) return onConsumerRequestFailed(s, c, requestId, 'NETWORK_EXCEPTION');
}

/** An acks=0 produce that never reached a broker: R41 counts its records as lost now. */
function onUndeliverable(s: SimState, m: Message): void {
  if (m.payload.kind !== 'produce' || m.payload.acks !== 0) return;
  for (const batch of m.payload.batches) {
    for (const rec of batch.records) {
      const info = recordOf(s, rec.rid);
      if (!info || info.handled) continue;
      info.undeliverable = true;
      checkSentRecord(s, info);
    }
  }
}

/** A message lost on a cut link: only bookkeeping; the sender's timeout handles it. */
function onDropped(s: SimState, m: Message): void {
  onUndeliverable(s, m);
  if (m.payload.kind === 'produce' && m.from.startsWith('client:')) {
    const p = s.producers[parseAddr(m.from).id];
    const req = p?.inflight[m.payload.requestId];
    if (req) req.dropped = true;
  }
}
