// A replica's log (its segments), its leader-epoch cache and truncation (R4, R31, R33).
// Retention (deleting segments, the log start offset) is in retention.ts.
import type { LogEntry, ProducerRuns, Replica, Segment } from '../core/state';

function activeSegment(r: Replica): Segment {
  return r.segments[r.segments.length - 1]!;
}

export function logEndOffset(r: Replica): number {
  const active = activeSegment(r);
  return active.baseOffset + active.entries.length;
}

/** The entry at `offset`, or undefined below the log start offset or at/after the LEO. */
export function entryAt(r: Replica, offset: number): LogEntry | undefined {
  if (offset < r.logStartOffset) return undefined;
  for (let i = r.segments.length - 1; i >= 0; i--) {
    const seg = r.segments[i]!;
    if (offset >= seg.baseOffset) return seg.entries[offset - seg.baseOffset];
  }
  return undefined;
}

/** The entries in [from, to) (clamped to the log), as a new array. */
export function logEntries(r: Replica, from = r.logStartOffset, to = logEndOffset(r)): LogEntry[] {
  const out: LogEntry[] = [];
  const start = Math.max(from, r.logStartOffset);
  for (const seg of r.segments) {
    const end = Math.min(to, seg.baseOffset + seg.entries.length);
    for (let o = Math.max(start, seg.baseOffset); o < end; o++)
      out.push(seg.entries[o - seg.baseOffset]!);
  }
  return out;
}

export function emptySegment(baseOffset: number): Segment {
  return { baseOffset, entries: [], firstTimestamp: -1, maxTimestamp: -1 };
}

/** Epoch of the last entry in the epoch cache, -1 when empty. */
export function latestEpoch(r: Replica): number {
  const last = r.epochCache[r.epochCache.length - 1];
  return last ? last[0] : -1;
}

/** Start offset of `epoch` in the cache, or undefined. */
export function epochStartOffset(r: Replica, epoch: number): number | undefined {
  for (let i = r.epochCache.length - 1; i >= 0; i--) {
    const entry = r.epochCache[i]!;
    if (entry[0] === epoch) return entry[1];
    if (entry[0] < epoch) return undefined;
  }
  return undefined;
}

/**
 * Records (epoch -> start offset) when a newer epoch starts (R4). As LeaderEpochFileCache.assign,
 * entries the new one does not strictly follow are dropped first: an epoch that started at the
 * same offset holds no record (a leader that wrote nothing), so [[3,0],[5,0]] is [[5,0]].
 */
export function assignEpochStartOffset(r: Replica, epoch: number, offset: number): void {
  const cache = r.epochCache;
  const last = cache[cache.length - 1];
  if (last && last[0] === epoch && offset >= last[1]) return;
  while (
    cache.length &&
    (cache[cache.length - 1]![0] >= epoch || cache[cache.length - 1]![1] >= offset)
  )
    cache.pop();
  cache.push([epoch, offset]);
}

/**
 * The largest epoch <= requested and its end offset (the start offset of the next epoch, or the
 * LEO for the latest epoch); if no epoch <= requested is known, the requested epoch with the start
 * offset of the first epoch; (-1, -1) when requested is newer than anything known.
 * Mirrors LeaderEpochFileCache.endOffsetFor (R31).
 */
export function endOffsetForEpoch(
  r: Replica,
  requested: number,
): { epoch: number; endOffset: number } {
  const cache = r.epochCache;
  if (requested < 0 || cache.length === 0) return { epoch: -1, endOffset: -1 };
  if (requested === latestEpoch(r)) return { epoch: requested, endOffset: logEndOffset(r) };
  let higher: [number, number] | undefined;
  let floor: [number, number] | undefined;
  for (const entry of cache) {
    if (entry[0] <= requested) floor = entry;
    else if (!higher) higher = entry;
  }
  if (!higher) return { epoch: -1, endOffset: -1 };
  if (!floor) return { epoch: requested, endOffset: higher[1] };
  return { epoch: floor[0], endOffset: higher[1] };
}

/** How many sequence runs per producer a replica remembers (Kafka keeps 5 batches, R39). */
const RETAINED_RUNS = 5;

/**
 * Appends at the LEO, first rolling a new segment when the active one's first record is more
 * than `segmentMs` older than this one (LogSegment.shouldRoll).
 */
export function appendEntry(r: Replica, entry: LogEntry, segmentMs = Infinity): number {
  const offset = logEndOffset(r);
  let active = activeSegment(r);
  if (active.firstTimestamp >= 0 && entry.timestamp - active.firstTimestamp > segmentMs)
    r.segments.push((active = emptySegment(offset)));
  if (active.firstTimestamp < 0) active.firstTimestamp = entry.timestamp;
  active.maxTimestamp = Math.max(active.maxTimestamp, entry.timestamp);
  assignEpochStartOffset(r, entry.epoch, offset);
  active.entries.push(entry);
  if (entry.producerId >= 0 && entry.sequence >= 0) rememberSequence(r, entry, offset);
  return offset;
}

/** Producer state is rebuilt from replicated records, so a new leader can dedup too (R39). */
function rememberSequence(r: Replica, entry: LogEntry, offset: number): void {
  let state = r.producerState.find((x) => x.producerId === entry.producerId);
  if (!state) {
    state = { producerId: entry.producerId, epoch: entry.producerEpoch, runs: [] };
    r.producerState.push(state);
  }
  if (entry.producerEpoch > state.epoch) {
    state.epoch = entry.producerEpoch; // a new epoch: its sequences start over
    state.runs = [];
  }
  const runs = state.runs;
  const last = runs[runs.length - 1];
  if (last && last[1] === entry.sequence - 1 && last[2] + (last[1] - last[0]) === offset - 1) {
    last[1] = entry.sequence;
    return;
  }
  runs.push([entry.sequence, entry.sequence, offset]);
  if (runs.length > RETAINED_RUNS) runs.shift();
}

/** This producer's state on the replica (epoch and sequence runs), if it has any. */
export function producerStateOf(r: Replica, producerId: number): ProducerRuns | undefined {
  return r.producerState.find((x) => x.producerId === producerId);
}

/** Offset at which this producer's record with `sequence` (in `epoch`) was written, if remembered. */
export function offsetOfSequence(
  r: Replica,
  producerId: number,
  epoch: number,
  sequence: number,
): number | null {
  const state = producerStateOf(r, producerId);
  if (!state || state.epoch !== epoch) return null;
  for (const [first, last, base] of state.runs) {
    if (sequence >= first && sequence <= last) return base + (sequence - first);
  }
  return null;
}

/** Drops the epoch cache's entries starting at or after `offset` (LeaderEpochFileCache.truncateFromEnd). */
export function dropEpochsFrom(r: Replica, offset: number): void {
  while (r.epochCache.length > 0 && r.epochCache[r.epochCache.length - 1]![1] >= offset)
    r.epochCache.pop();
}

/** Cuts the log to end at `offset`; drops epochs starting at or after it; HW follows (R33). */
export function truncateTo(r: Replica, offset: number): void {
  if (offset < r.logStartOffset) return truncateFullyAndStartAt(r, offset);
  if (offset < logEndOffset(r)) {
    // Segments starting after the cut go; the one holding it ends there (Kafka truncates it).
    r.segments = r.segments.filter((seg, i) => i === 0 || seg.baseOffset <= offset);
    const active = activeSegment(r);
    // A new array rather than a shorter one: entries below an array's length never change, so
    // history snapshots can share it (worker/clone.ts).
    active.entries = active.entries.slice(0, offset - active.baseOffset);
    resetTimestamps(r, active);
  }
  dropEpochsFrom(r, offset);
  r.hw = Math.min(r.hw, offset);
  for (const state of r.producerState) {
    state.runs = state.runs.filter((run) => run[2] < offset);
    for (const run of state.runs) run[1] = Math.min(run[1], run[0] + (offset - run[2]) - 1);
  }
  r.producerState = r.producerState.filter((state) => state.runs.length > 0);
}

/** Recomputes a segment's timestamps from the entries it still holds. */
function resetTimestamps(r: Replica, seg: Segment): void {
  seg.firstTimestamp = seg.maxTimestamp = -1;
  for (let i = Math.max(0, r.logStartOffset - seg.baseOffset); i < seg.entries.length; i++) {
    const ts = seg.entries[i]!.timestamp;
    if (seg.firstTimestamp < 0) seg.firstTimestamp = ts;
    seg.maxTimestamp = Math.max(seg.maxTimestamp, ts);
  }
}

/**
 * Empties the log and starts it at `offset` (UnifiedLog.truncateFullyAndStartAt): a follower
 * whose log ends below the leader's log start offset, which it can never fetch again.
 */
export function truncateFullyAndStartAt(r: Replica, offset: number): void {
  r.logStartOffset = offset;
  r.segments = [emptySegment(offset)];
  r.epochCache = [];
  r.producerState = [];
  r.hw = offset;
}

/**
 * Where a follower truncates on a diverging-epoch answer (AbstractFetcherThread
 * getOffsetTruncationState, R31). `done` is false when it must ask again with an older epoch.
 */
export function followerTruncationOffset(
  r: Replica,
  leaderEpoch: number,
  leaderEndOffset: number,
): { offset: number; done: boolean } {
  const leo = logEndOffset(r);
  if (leaderEpoch < 0) return { offset: Math.min(leaderEndOffset, leo), done: true };
  const own = endOffsetForEpoch(r, leaderEpoch);
  if (own.epoch < 0) return { offset: Math.min(leaderEndOffset, leo), done: true };
  if (own.epoch !== leaderEpoch) return { offset: Math.min(own.endOffset, leo), done: false };
  return { offset: Math.min(own.endOffset, leaderEndOffset, leo), done: true };
}
