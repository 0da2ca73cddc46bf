// The follower's fetch loop (R11): one fetcher per source broker, each request carrying every
// partition this broker follows from that leader; on a response it appends, truncates on a
// diverging epoch (R31, R32), sets its HW = min(leader HW, own LEO) and fetches again at once.
import { emit, newId, schedule, send } from '../core/core';
import {
  appendEntry,
  followerTruncationOffset,
  latestEpoch,
  logEndOffset,
  truncateFullyAndStartAt,
  truncateTo,
} from './log';
import { advanceLogStartOffset, segmentMsOn } from './retention';
import type { FetchPartitionResponse, Payload } from '../core/messages';
import { brokerAddr, type Broker, type Fetcher, type Replica, type SimState } from '../core/state';

type FetchResponse = Extract<Payload, { kind: 'fetchResponse' }>;

function fetcherFor(b: Broker, leader: number): Fetcher {
  return (b.fetchers[leader] ??= {
    deadline: 0,
    timerAt: 0,
    leader,
    inflight: 0,
    backoffUntil: 0,
    manual: 0,
    partitions: [],
    rolesVersion: -1,
  });
}

function followedFrom(b: Broker, f: Fetcher, now: number): Replica[] {
  if (f.rolesVersion !== b.rolesVersion) {
    f.partitions = Object.values(b.replicas)
      .filter((r) => r.role === 'follower' && r.leaderId === f.leader)
      .map((r) => r.partition);
    f.rolesVersion = b.rolesVersion;
  }
  const out: Replica[] = [];
  for (const name of f.partitions) {
    const r = b.replicas[name]!;
    if (r.fetchBackoffUntil <= now) out.push(r);
  }
  return out;
}

/**
 * Sends the next fetch to `leader` unless one is in flight, the follower is paused or backing
 * off. A manual fetch (the `fetch` action) always makes a new round trip: a fetch still parked at
 * the leader from before a pause is superseded, and its answer is discarded on arrival.
 */
export function wakeFetcher(
  s: SimState,
  b: Broker,
  leader: number,
  manual = false,
  dropResponse = false,
): boolean {
  if (!b.up) return false;
  const f = fetcherFor(b, leader);
  if (f.inflight !== 0 && !manual) return false;
  if (b.fetchPaused && !manual) return false;
  if (!manual && f.backoffUntil > s.now) {
    schedule(s, f.backoffUntil, {
      kind: 'fetcherWake',
      broker: b.id,
      incarnation: b.incarnation,
      leader,
    });
    return false;
  }
  const parts = followedFrom(b, f, manual ? Infinity : s.now);
  if (parts.length === 0) {
    const retry = Math.min(...f.partitions.map((name) => b.replicas[name]!.fetchBackoffUntil));
    if (Number.isFinite(retry))
      schedule(s, retry, { kind: 'fetcherWake', broker: b.id, incarnation: b.incarnation, leader });
    return false;
  }
  const fetchId = newId(s);
  f.inflight = fetchId;
  if (manual) f.manual = fetchId;
  send(s, brokerAddr(b.id), brokerAddr(leader), {
    kind: 'fetch',
    fetchId,
    replicaId: b.id,
    brokerEpoch: b.brokerEpoch,
    dropResponse,
    partitions: parts.map((r) => ({
      partition: r.partition,
      fetchOffset: logEndOffset(r),
      currentLeaderEpoch: r.leaderEpoch,
      lastFetchedEpoch: latestEpoch(r),
    })),
  });
  f.deadline = s.now + b.config['replica.socket.timeout.ms'];
  armFetchTimer(s, b, f);
  return true;
}

/**
 * One timer per fetcher, not one per fetch: fetches follow each other continuously, so a timer
 * per request would leave thousands of dead timers in the agenda (and in every snapshot).
 */
function armFetchTimer(s: SimState, b: Broker, f: Fetcher): void {
  if (f.timerAt !== 0 && f.timerAt <= f.deadline) return;
  f.timerAt = f.deadline;
  schedule(s, f.deadline, {
    kind: 'fetchTimeout',
    broker: b.id,
    incarnation: b.incarnation,
    leader: f.leader,
    fetchId: 0,
  });
}

/** replica.socket.timeout.ms passed without an answer to the fetch in flight. */
export function onFetchTimer(s: SimState, b: Broker, leader: number): void {
  const f = b.fetchers[leader];
  if (!f || f.timerAt !== s.now) return;
  f.timerAt = 0;
  if (f.inflight === 0) return;
  if (s.now >= f.deadline) onFetchFailed(s, b, leader, f.inflight);
  else armFetchTimer(s, b, f);
}

export function onFetchResponse(s: SimState, b: Broker, leader: number, resp: FetchResponse): void {
  const f = fetcherFor(b, leader);
  if (f.inflight !== resp.fetchId) return;
  f.inflight = 0;
  const manual = f.manual === resp.fetchId;
  if (manual) f.manual = 0;
  // A paused follower discards responses to fetches made before the pause.
  if (b.fetchPaused && !manual) return;
  for (const part of resp.partitions) {
    const r = b.replicas[part.partition];
    if (!r || r.role !== 'follower' || r.leaderId !== leader) continue;
    applyFetchedPartition(s, b, r, part);
  }
  wakeFetcher(s, b, leader);
}

function applyFetchedPartition(
  s: SimState,
  b: Broker,
  r: Replica,
  part: FetchPartitionResponse,
): void {
  if (
    part.error === 'OFFSET_OUT_OF_RANGE' &&
    part.leaderLeo >= 0 &&
    part.leaderLeo < logEndOffset(r)
  ) {
    truncateFollower(s, b, r, part.leaderLeo, "its log is longer than the leader's");
    return;
  }
  if (part.error === 'OFFSET_OUT_OF_RANGE' && part.logStartOffset > logEndOffset(r)) {
    // Kafka asks the leader for its earliest offset (ListOffsets); the answer carries it.
    startLogAt(s, b, r, part.logStartOffset);
    return;
  }
  if (part.error) {
    r.fetchBackoffUntil = s.now + b.config['replica.fetch.backoff.ms'];
    return;
  }
  if (part.divergingEpoch) {
    const t = followerTruncationOffset(r, part.divergingEpoch.epoch, part.divergingEpoch.endOffset);
    truncateFollower(
      s,
      b,
      r,
      t.offset,
      `the leader's epoch ${part.divergingEpoch.epoch} ends at offset ${part.divergingEpoch.endOffset}`,
    );
    return;
  }
  const leoBefore = logEndOffset(r);
  const segmentMs = part.records.length > 0 ? segmentMsOn(b, r.partition) : 0;
  for (const rec of part.records) {
    if (rec.offset !== logEndOffset(r)) continue;
    // The follower's log holds the same entry as the leader's (Kafka copies the batch as is).
    appendEntry(r, rec.entry, segmentMs);
  }
  const leo = logEndOffset(r);
  if (leo > leoBefore) {
    emit(s, 'recordReplicated', null, {
      broker: b.id,
      partition: r.partition,
      rule: 'R11',
      record: part.records[0]?.entry.value,
      data: { from: leoBefore, leo, leader: r.leaderId },
    });
  }
  // UnifiedLog.updateHighWatermark keeps it within [log start offset, LEO]: a new leader's HW
  // may lag below what this replica already deleted.
  const hw = Math.max(r.logStartOffset, Math.min(part.hw, leo));
  if (hw !== r.hw) {
    const from = r.hw;
    r.hw = hw;
    if (hw > from)
      emit(s, 'highWatermarkAdvanced', null, {
        broker: b.id,
        partition: r.partition,
        rule: 'R11',
        data: { from, to: hw, role: 'follower' },
      });
  }
  // The leader deleted old segments: so does the follower (maybeIncrementLogStartOffset).
  advanceLogStartOffset(r, part.logStartOffset);
}

/** The follower's whole log lies below the leader's log start offset: it starts over there. */
function startLogAt(s: SimState, b: Broker, r: Replica, offset: number): void {
  const from = { logStartOffset: r.logStartOffset, leo: logEndOffset(r) };
  truncateFullyAndStartAt(r, offset);
  emit(
    s,
    'logStartReset',
    `Broker ${b.id}'s log of ${r.partition} ends at ${from.leo}, below leader ${r.leaderId}'s log start offset ${offset} (older records were deleted by retention): it empties its log and fetches from ${offset}.`,
    { broker: b.id, partition: r.partition, rule: 'R47', data: { ...from, to: offset } },
  );
}

/** R31/R33: cut the log to the common prefix; the HW never stays above the new end. */
function truncateFollower(s: SimState, b: Broker, r: Replica, offset: number, why: string): void {
  const fromLeo = logEndOffset(r);
  // Like UnifiedLog.truncateTo, the epoch cache is cut even when no record goes: an epoch this
  // replica led without appending would otherwise make every fetch diverge again.
  truncateTo(r, Math.min(offset, fromLeo));
  if (offset >= fromLeo) return;
  s.truncations.push({ t: s.now, broker: b.id, partition: r.partition, fromLeo, toOffset: offset });
  emit(
    s,
    'truncated',
    `${r.partition}: broker ${b.id} truncated its log from ${fromLeo} to ${offset} records (leader epoch check: ${why}); offsets ${offset}..${fromLeo - 1} are gone from it.`,
    { broker: b.id, partition: r.partition, rule: 'R31', data: { fromLeo, toOffset: offset } },
  );
}

export function onFetchFailed(s: SimState, b: Broker, leader: number, fetchId: number): void {
  const f = fetcherFor(b, leader);
  if (f.inflight !== fetchId) return;
  f.inflight = 0;
  if (f.manual === fetchId) f.manual = 0;
  f.backoffUntil = s.now + b.config['replica.fetch.backoff.ms'];
  wakeFetcher(s, b, leader);
}
