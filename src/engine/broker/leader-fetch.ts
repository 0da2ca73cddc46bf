// A leader answering fetches: followers (R11, R12, R15, R18) and consumers (R34, R35).
import { newId, schedule, send } from '../core/core';
import { emptyFetchResponse, readConsumerFetch, readWire } from './leader-read';
import {
  maybeExpandIsr,
  maybeIncrementHighWatermark,
  updateFollowerFetchState,
} from './leader-state';
import type { FetchPartitionResponse, Payload } from '../core/messages';
import { endOffsetForEpoch, logEndOffset } from './log';
import { brokerAddr, type Broker, type Message, type SimState } from '../core/state';

type Req<K extends Payload['kind']> = Extract<Payload, { kind: K }>;

/**
 * R11: read [fetchOffset, LEO) and note the HW, then record the follower's LEO (= fetchOffset)
 * and re-evaluate ISR and HW. With data: answer at once with the HW noted first. Without: park
 * for replica.fetch.wait.max.ms or until data arrives.
 */
export function onFollowerFetch(s: SimState, b: Broker, msg: Message, req: Req<'fetch'>): void {
  const out: FetchPartitionResponse[] = [];
  let answerNow = false;
  for (const part of req.partitions) {
    const r = b.replicas[part.partition];
    let resp: FetchPartitionResponse;
    if (!r || r.role !== 'leader')
      resp = emptyFetchResponse(part.partition, 'NOT_LEADER_OR_FOLLOWER');
    else if (part.currentLeaderEpoch < r.leaderEpoch)
      resp = emptyFetchResponse(part.partition, 'FENCED_LEADER_EPOCH'); // R12
    else if (part.currentLeaderEpoch > r.leaderEpoch)
      resp = emptyFetchResponse(part.partition, 'UNKNOWN_LEADER_EPOCH');
    else {
      const leo = logEndOffset(r);
      const hwBefore = r.hw;
      const diverging = divergence(r, part.lastFetchedEpoch, part.fetchOffset);
      if (diverging) {
        // R12/R31: no records, no fetch-state update: the follower must truncate first.
        resp = {
          ...emptyFetchResponse(part.partition, null, hwBefore, leo, r.logStartOffset),
          divergingEpoch: diverging,
        };
      } else if (part.fetchOffset > leo || part.fetchOffset < r.logStartOffset) {
        resp = emptyFetchResponse(
          part.partition,
          'OFFSET_OUT_OF_RANGE',
          hwBefore,
          leo,
          r.logStartOffset,
        );
      } else {
        const end = Math.min(leo, part.fetchOffset + b.config['replica.fetch.max.records']);
        const records = readWire(r, part.fetchOffset, end);
        updateFollowerFetchState(s, r, req.replicaId, part.fetchOffset, req.brokerEpoch);
        maybeExpandIsr(s, b, r, req.replicaId);
        maybeIncrementHighWatermark(s, b, r);
        resp = {
          partition: part.partition,
          error: null,
          records,
          hw: hwBefore,
          leaderLeo: leo,
          logStartOffset: r.logStartOffset,
          divergingEpoch: null,
        };
      }
    }
    if (resp.error || resp.divergingEpoch || resp.records.length > 0) answerNow = true;
    out.push(resp);
  }
  if (answerNow || req.partitions.length === 0) {
    if (!req.dropResponse)
      send(s, msg.to, msg.from, { kind: 'fetchResponse', fetchId: req.fetchId, partitions: out });
    return;
  }
  const parkedId = newId(s);
  const expiresAt = s.now + b.config['replica.fetch.wait.max.ms'];
  b.parkedFetches.push({
    id: parkedId,
    from: msg.from,
    replicaId: req.replicaId,
    expiresAt,
    fetchId: req.fetchId,
    dropResponse: req.dropResponse,
    partitions: req.partitions.map((p) => ({ partition: p.partition, fetchOffset: p.fetchOffset })),
  });
  schedule(s, expiresAt, {
    kind: 'parkedFetchExpire',
    broker: b.id,
    incarnation: b.incarnation,
    parkedId,
  });
}

/** KIP-595-style divergence check in Fetch: the follower's last epoch ends earlier here. */
function divergence(
  r: Parameters<typeof endOffsetForEpoch>[0],
  lastFetchedEpoch: number,
  fetchOffset: number,
) {
  if (lastFetchedEpoch < 0) return null;
  const end = endOffsetForEpoch(r, lastFetchedEpoch);
  if (end.epoch < 0) return { epoch: -1, endOffset: logEndOffset(r) };
  if (end.epoch < lastFetchedEpoch || end.endOffset < fetchOffset) return end;
  return null;
}

/** R34 (and R12 for clients): a consumer fetch, parked up to maxWaitMs when nothing is below the HW. */
export function onConsumerFetch(
  s: SimState,
  b: Broker,
  msg: Message,
  req: Req<'consumerFetch'>,
): void {
  const r = b.replicas[req.partition];
  let error: string | null = null;
  if (!r || r.role !== 'leader') error = 'NOT_LEADER_OR_FOLLOWER';
  else if (req.currentLeaderEpoch >= 0 && req.currentLeaderEpoch < r.leaderEpoch)
    error = 'FENCED_LEADER_EPOCH';
  else if (req.currentLeaderEpoch > r.leaderEpoch) error = 'UNKNOWN_LEADER_EPOCH';
  if (error) {
    send(s, msg.to, msg.from, {
      kind: 'consumerFetchResponse',
      requestId: req.requestId,
      partition: req.partition,
      error,
      records: [],
      hw: -1,
      logStartOffset: -1,
    });
    return;
  }
  const answer = readConsumerFetch(b, req.partition, req.offset, req.requestId);
  const empty =
    answer.kind === 'consumerFetchResponse' && !answer.error && answer.records.length === 0;
  if (!empty || req.maxWaitMs <= 0) {
    send(s, msg.to, msg.from, answer);
    return;
  }
  const parkedId = newId(s);
  const expiresAt = s.now + req.maxWaitMs;
  b.parkedFetches.push({
    id: parkedId,
    from: msg.from,
    replicaId: -1,
    expiresAt,
    fetchId: req.requestId,
    dropResponse: false,
    partitions: [{ partition: req.partition, fetchOffset: req.offset }],
  });
  schedule(s, expiresAt, {
    kind: 'parkedFetchExpire',
    broker: b.id,
    incarnation: b.incarnation,
    parkedId,
  });
}

/** R35: a consumer validating its position after a leader epoch change. */
export function onOffsetsForLeaderEpoch(
  s: SimState,
  b: Broker,
  msg: Message,
  req: Req<'offsetsForLeaderEpoch'>,
): void {
  const r = b.replicas[req.partition];
  const base = {
    kind: 'offsetsForLeaderEpochResponse' as const,
    requestId: req.requestId,
    partition: req.partition,
  };
  if (!r || r.role !== 'leader') {
    send(s, msg.to, msg.from, {
      ...base,
      error: 'NOT_LEADER_OR_FOLLOWER',
      epoch: -1,
      endOffset: -1,
    });
    return;
  }
  const end = endOffsetForEpoch(r, req.epoch);
  send(s, brokerAddr(b.id), msg.from, {
    ...base,
    error: null,
    epoch: end.epoch,
    endOffset: end.endOffset,
  });
}
