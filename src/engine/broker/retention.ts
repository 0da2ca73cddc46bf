// Log retention (R47, our extension of kafka-semantics.md): each broker deletes whole segments
// older than the topic's retention.ms every log.retention.check.interval.ms, never above the HW;
// the first remaining offset is the log start offset. Followers follow the leader's (Fetch
// carries it); a fetch below it is OFFSET_OUT_OF_RANGE. [UnifiedLog.deleteOldSegments,
// deletableSegments, maybeIncrementLogStartOffset; LeaderEpochFileCache.truncateFromStart]
import { emit, schedule } from '../core/core';
import { emptySegment, logEndOffset } from './log';
import { TOPIC_CONFIG } from '../core/config';
import { retireRecords } from '../core/records';
import type { Broker, Replica, SimState } from '../core/state';

/**
 * A partition's topic config as this broker knows it from its metadata (Kafka's default before
 * the metadata arrives).
 */
function topicConfigOn(b: Broker, partition: string, name: 'segment.ms' | 'retention.ms'): number {
  const topic = b.image.partitions[partition]?.topic;
  const config = topic !== undefined ? b.image.topicConfigs[topic] : undefined;
  return config?.[name] ?? TOPIC_CONFIG[name].default;
}

export function segmentMsOn(b: Broker, partition: string): number {
  return topicConfigOn(b, partition, 'segment.ms');
}

/**
 * Moves the log start offset up to `offset` (never past the HW): the entries below it go, with
 * the segments that end at or below it, the epochs before it (the one it falls in now starts
 * there) and the producers whose every remembered run lies below it.
 */
export function advanceLogStartOffset(r: Replica, offset: number): boolean {
  const start = Math.min(offset, r.hw);
  if (start <= r.logStartOffset) return false;
  r.logStartOffset = start;
  // Whole segments go; entries of the first one below the start stay until it goes too.
  while (r.segments.length > 1 && r.segments[1]!.baseOffset <= start) r.segments.shift();
  let firstKept = r.epochCache.findIndex(([, from]) => from >= start);
  if (firstKept < 0) firstKept = r.epochCache.length;
  if (firstKept > 0 && r.epochCache[firstKept]?.[1] !== start) {
    const [epoch] = r.epochCache[firstKept - 1]!;
    r.epochCache = [[epoch, start], ...r.epochCache.slice(firstKept)];
  } else {
    r.epochCache = r.epochCache.slice(firstKept);
  }
  r.producerState = r.producerState.filter((p) =>
    p.runs.some(([first, last, base]) => base + (last - first) >= start),
  );
  return true;
}

/**
 * The offset retention may delete up to: the end of the oldest segments whose newest record is
 * older than `retentionMs` and which lie wholly below the HW. The active segment counts too
 * (it is rolled first), unless empty.
 */
function retentionEnd(r: Replica, now: number, retentionMs: number): number {
  if (retentionMs < 0) return r.logStartOffset; // -1: keep forever
  const leo = logEndOffset(r);
  let end = r.logStartOffset;
  for (let i = 0; i < r.segments.length; i++) {
    const seg = r.segments[i]!;
    const upper = r.segments[i + 1]?.baseOffset ?? leo;
    if (upper <= Math.max(seg.baseOffset, r.logStartOffset)) break; // empty
    if (seg.maxTimestamp < 0 || now - seg.maxTimestamp <= retentionMs || r.hw < upper) break;
    end = upper;
  }
  return end;
}

/** One retention pass over a broker's logs (LogManager.cleanupLogs). */
export function onRetentionCheck(s: SimState, b: Broker): void {
  let deleted = false;
  for (const r of Object.values(b.replicas)) {
    const end = retentionEnd(r, s.now, topicConfigOn(b, r.partition, 'retention.ms'));
    if (end <= r.logStartOffset) continue;
    if (end === logEndOffset(r)) r.segments.push(emptySegment(end)); // roll before deleting all
    const from = r.logStartOffset;
    advanceLogStartOffset(r, end);
    deleted = true;
    emit(
      s,
      'segmentsDeleted',
      `Broker ${b.id} deleted offsets ${from}–${end - 1} of ${r.partition}: their segments are older than retention.ms. The log now starts at offset ${end}.`,
      { broker: b.id, partition: r.partition, rule: 'R47', data: { from, to: end } },
    );
  }
  if (deleted) retireRecords(s);
  scheduleRetentionCheck(s, b);
}

export function scheduleRetentionCheck(s: SimState, b: Broker): void {
  schedule(s, s.now + b.config['log.retention.check.interval.ms'], {
    kind: 'retentionCheck',
    broker: b.id,
    incarnation: b.incarnation,
  });
}
