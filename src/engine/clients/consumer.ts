// The consumer client: fetches from the leader up to its HW (R34) and validates its position
// with OffsetsForLeaderEpoch after a leader epoch change (R35).
import { emit, newId, schedule, send } from '../core/core';
import {
  markStale,
  onMetadataFailed,
  onMetadataResponse,
  requestMetadata,
} from './client-metadata';
import type { Payload } from '../core/messages';
import {
  brokerAddr,
  clientAddr,
  splitPartitionName,
  type Consumer,
  type SimState,
} from '../core/state';

const RETRIABLE = new Set([
  'NOT_LEADER_OR_FOLLOWER',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'NETWORK_EXCEPTION',
  'LEADER_NOT_AVAILABLE',
  'REQUEST_TIMED_OUT',
]);
/** How long a poll keeps retrying retriable errors before returning empty. */
export const POLL_TIMEOUT_MS = 5000;

function positionOf(c: Consumer, partition: string) {
  return (c.positions[partition] ??= { position: 0, lastEpoch: -1, validatedEpoch: -1 });
}

/** `consume` (from an offset) or `poll` (from the position, validating it first). */
export function startConsume(
  s: SimState,
  c: Consumer,
  partition: string,
  mode: 'consume' | 'poll',
  from?: number,
): void {
  const pos = positionOf(c, partition);
  if (from !== undefined) pos.position = from;
  c.ops[partition] = { mode, deadline: s.now + POLL_TIMEOUT_MS, lastError: null };
  driveConsumer(s, c, partition);
}

export function driveConsumer(s: SimState, c: Consumer, partition: string): void {
  const op = c.ops[partition];
  if (!op) return;
  if (c.busy[partition]) return;
  if (s.now >= op.deadline)
    return finish(s, c, partition, { records: [], error: op.lastError ?? undefined });
  const md = c.metadata.partitions[partition];
  if (!md || md.leader === null || c.metadata.stale) {
    requestMetadata(
      s,
      c.id,
      c.metadata,
      [splitPartitionName(partition).topic],
      c.config['request.timeout.ms'],
    );
    if (c.metadata.inflight === 0)
      schedule(s, Math.max(s.now + 1, c.metadata.nextRefreshAt), {
        kind: 'consumerPoll',
        client: c.id,
      });
    return;
  }
  const pos = positionOf(c, partition);
  const requestId = newId(s);
  if (op.mode === 'poll' && pos.lastEpoch >= 0 && md.leaderEpoch > pos.validatedEpoch) {
    c.inflight[requestId] = { partition, kind: 'validate', broker: md.leader, deadline: 0 };
    c.busy[partition] = true;
    send(s, clientAddr(c.id), brokerAddr(md.leader), {
      kind: 'offsetsForLeaderEpoch',
      requestId,
      partition,
      currentLeaderEpoch: md.leaderEpoch,
      epoch: pos.lastEpoch,
    });
  } else {
    c.inflight[requestId] = { partition, kind: 'fetch', broker: md.leader, deadline: 0 };
    c.busy[partition] = true;
    c.lastFrom[partition] = pos.position;
    send(s, clientAddr(c.id), brokerAddr(md.leader), {
      kind: 'consumerFetch',
      requestId,
      partition,
      offset: pos.position,
      currentLeaderEpoch: md.leaderEpoch,
      maxWaitMs: c.subscribed.includes(partition) ? c.config['fetch.max.wait.ms'] : 0,
    });
  }
  c.inflight[requestId]!.deadline = s.now + c.config['request.timeout.ms'];
  armConsumerTimer(s, c, s.now + c.config['request.timeout.ms']);
}

/** One timer per consumer for its requests' timeouts (a timer per request would pile up). */
function armConsumerTimer(s: SimState, c: Consumer, at: number): void {
  if (c.timerAt !== 0 && c.timerAt <= at) return;
  c.timerAt = at;
  schedule(s, at, { kind: 'consumerTimeout', client: c.id, requestId: 0 });
}

/** request.timeout.ms passed for requests still unanswered. */
export function onConsumerTimer(s: SimState, c: Consumer): void {
  if (c.timerAt !== s.now) return;
  c.timerAt = 0;
  let next = Infinity;
  for (const [id, req] of Object.entries(c.inflight)) {
    if (req.deadline <= s.now) onConsumerRequestFailed(s, c, Number(id), 'REQUEST_TIMED_OUT');
    else next = Math.min(next, req.deadline);
  }
  if (next < Infinity) armConsumerTimer(s, c, next);
}

function finish(
  s: SimState,
  c: Consumer,
  partition: string,
  outcome: { records: string[]; error?: string },
): void {
  delete c.ops[partition];
  if (c.subscribed.includes(partition)) {
    // The running consumer polls again at once (after a backoff when the poll failed).
    const delay = outcome.error ? c.config['retry.backoff.ms'] : 0;
    schedule(s, s.now + delay, { kind: 'consumerPoll', client: c.id, partition });
  }
  const from = c.lastFrom[partition] ?? positionOf(c, partition).position;
  c.outcomes[partition] = {
    partition,
    from,
    t: s.now,
    ...(outcome.error ? { error: outcome.error } : { records: outcome.records }),
  };
}

type Resp<K extends Payload['kind']> = Extract<Payload, { kind: K }>;

export function onConsumerFetchResponse(
  s: SimState,
  c: Consumer,
  resp: Resp<'consumerFetchResponse'>,
): void {
  const req = c.inflight[resp.requestId];
  if (!req) return;
  delete c.inflight[resp.requestId];
  delete c.busy[req.partition];
  const partition = resp.partition;
  const op = c.ops[partition];
  const pos = positionOf(c, partition);
  if (resp.error === 'OFFSET_OUT_OF_RANGE' && op?.mode === 'poll' && resetPosition(s, c, resp))
    return driveConsumer(s, c, partition);
  if (resp.error) return retryOrFail(s, c, partition, resp.error);
  const values = resp.records.map((r) => r.value);
  const last = resp.records[resp.records.length - 1];
  if (last) {
    pos.position = last.offset + 1;
    pos.lastEpoch = last.epoch;
    c.consumed += resp.records.length;
    emit(s, 'recordConsumed', null, {
      client: c.id,
      partition,
      record: values[0],
      rule: 'R34',
      data: { values, from: resp.records[0]!.offset, hw: resp.hw },
    });
  }
  const md = c.metadata.partitions[partition];
  if (md) pos.validatedEpoch = Math.max(pos.validatedEpoch, md.leaderEpoch);
  if (op) finish(s, c, partition, { records: values });
}

export function onOffsetsForLeaderEpochResponse(
  s: SimState,
  c: Consumer,
  resp: Resp<'offsetsForLeaderEpochResponse'>,
): void {
  const req = c.inflight[resp.requestId];
  if (!req) return;
  delete c.inflight[resp.requestId];
  delete c.busy[req.partition];
  if (resp.error) return retryOrFail(s, c, resp.partition, resp.error);
  const pos = positionOf(c, resp.partition);
  const md = c.metadata.partitions[resp.partition];
  if (resp.endOffset >= 0 && resp.endOffset < pos.position) {
    const reset = c.config['auto.offset.reset'];
    emit(
      s,
      'logTruncationDetected',
      `${c.id}: the log of ${resp.partition} was truncated below its position ${pos.position} (epoch ${pos.lastEpoch} ends at ${resp.endOffset})${reset === 'none' ? ': LogTruncationException' : `; it seeks back to ${resp.endOffset}`}.`,
      {
        client: c.id,
        partition: resp.partition,
        rule: 'R35',
        data: { position: pos.position, endOffset: resp.endOffset },
      },
    );
    c.lastFrom[resp.partition] = pos.position;
    if (reset === 'none') {
      if (md) pos.validatedEpoch = md.leaderEpoch;
      return finish(s, c, resp.partition, { records: [], error: 'LogTruncationException' });
    }
    pos.position = resp.endOffset;
  }
  if (md) pos.validatedEpoch = md.leaderEpoch;
  driveConsumer(s, c, resp.partition);
}

/**
 * A running consumer whose position fell below the log start offset (retention deleted it)
 * applies auto.offset.reset: `latest` jumps to the HW, `earliest` to the log start offset;
 * `none` raises the error. Kafka looks the offset up with ListOffsets; the fetch answer carries
 * both here. Returns whether the position was reset.
 */
function resetPosition(s: SimState, c: Consumer, resp: Resp<'consumerFetchResponse'>): boolean {
  const reset = c.config['auto.offset.reset'];
  const pos = positionOf(c, resp.partition);
  if (reset === 'none' || resp.logStartOffset < 0 || pos.position >= resp.logStartOffset)
    return false;
  const to = reset === 'earliest' ? resp.logStartOffset : resp.hw;
  emit(
    s,
    'offsetReset',
    `${c.id}: offset ${pos.position} of ${resp.partition} was deleted by retention (the log starts at ${resp.logStartOffset}); auto.offset.reset=${reset} moves it to ${to}, skipping ${to - pos.position} records.`,
    {
      client: c.id,
      partition: resp.partition,
      rule: 'R47',
      data: { from: pos.position, to, logStartOffset: resp.logStartOffset },
    },
  );
  pos.position = to;
  // A reset position carries no epoch (SubscriptionState.seekUnvalidated with no epoch): there is
  // nothing to validate until a record is read from it, or a new leader would send it back.
  pos.lastEpoch = -1;
  return true;
}

function retryOrFail(s: SimState, c: Consumer, partition: string, error: string): void {
  const op = c.ops[partition];
  if (!op) return;
  op.lastError = error;
  if (!RETRIABLE.has(error)) return finish(s, c, partition, { records: [], error });
  markStale(c.metadata);
  schedule(s, s.now + c.config['retry.backoff.ms'], {
    kind: 'consumerPoll',
    client: c.id,
    partition,
  });
}

export function onConsumerRequestFailed(
  s: SimState,
  c: Consumer,
  requestId: number,
  error: string,
): void {
  const req = c.inflight[requestId];
  if (!req) return;
  delete c.inflight[requestId];
  delete c.busy[req.partition];
  c.metadata.failed[req.broker] = s.now;
  retryOrFail(s, c, req.partition, error);
}

export function onConsumerWake(s: SimState, c: Consumer, only?: string): void {
  // One partition's poll ended or backed off: drive that one alone (a wake of all partitions
  // per answer costs partitions² per round with hundreds of them).
  if (only !== undefined) {
    if (c.subscribed.includes(only)) startPollIfIdle(s, c, only);
    return driveConsumer(s, c, only);
  }
  for (const partition of c.subscribed) startPollIfIdle(s, c, partition);
  for (const partition of Object.keys(c.ops).sort()) driveConsumer(s, c, partition);
}

function startPollIfIdle(s: SimState, c: Consumer, partition: string): void {
  c.ops[partition] ??= { mode: 'poll', deadline: s.now + POLL_TIMEOUT_MS, lastError: null };
}

/** The app's running consumer: poll every partition continuously (long-poll fetches). */
export function subscribeConsumer(s: SimState, c: Consumer, on: boolean): void {
  c.subscribed = on ? [...s.partitionOrder] : [];
  if (on) onConsumerWake(s, c);
}

export function onConsumerMetadataResponse(
  s: SimState,
  c: Consumer,
  resp: Resp<'metadataResponse'>,
): void {
  if (onMetadataResponse(s, c.id, c.metadata, resp)) onConsumerWake(s, c);
}

export function onConsumerMetadataFailed(
  s: SimState,
  c: Consumer,
  requestId: number,
  broker: number | null,
): void {
  if (onMetadataFailed(s, c.metadata, requestId, broker))
    schedule(s, s.now + c.config['retry.backoff.ms'], { kind: 'consumerPoll', client: c.id });
}
