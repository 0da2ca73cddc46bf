// The durability and invariant checker, running alongside the simulation. It reports, never
// throws: an acknowledged record that no longer stands in the committed log (with the events
// that lost it), HW above an ISR member's LEO, two leaders in one epoch, divergence below HW.
import { appendEvent } from '../core/event-log';
import type { EventName, SimEvent } from '../core/events';
import type { Broker, LossLink, RecordInfo, Replica, SimState, Violation } from '../core/state';
import { eventText } from '../core/narrate';
import { entryAt, logEndOffset } from '../broker/log';
import { recordOf } from '../core/records';

function replicaOn(s: SimState, broker: number, partition: string): Replica | undefined {
  return s.brokers[broker]?.replicas[partition];
}

/**
 * Whether the record is in this log where it was written. Below the log start offset it stands
 * too: retention deleted it there, which Kafka allows (R47), not a failover.
 */
function standsIn(r: Replica | undefined, info: RecordInfo): boolean {
  if (!r) return false;
  if (info.status === 'acked') return standsAt(r, info.offset, info.rid);
  for (const a of info.appends) if (standsAt(r, a.offset, info.rid)) return true;
  return false;
}

function standsAt(r: Replica, offset: number, rid: number): boolean {
  return offset < r.logStartOffset || entryAt(r, offset)?.rid === rid;
}

/**
 * Lost = not in the current leader's log; with no leader, in the log of no replica that may lead
 * (the ISR; with ELR, R45, also the eligible replicas and the last-known ones, which hold the
 * records while the partition waits offline: unavailable, not lost).
 */
export function isLost(s: SimState, info: RecordInfo): boolean {
  if (info.status !== 'acked' && info.status !== 'sent') return false;
  // An acks=0 send still on its way is not lost yet (R41 decides when a broker handles it).
  if (info.status === 'sent' && !info.handled && !info.undeliverable) return false;
  const p = s.controller.partitions[info.partition ?? ''];
  if (!p) return false;
  if (p.leader !== null) return !standsIn(replicaOn(s, p.leader, p.name), info);
  return ![...p.isr, ...p.elr, ...p.lastKnownElr].some((b) =>
    standsIn(replicaOn(s, b, p.name), info),
  );
}

export function recordSucceeded(s: SimState, info: RecordInfo): void {
  const list = (s.checker.succeeded[info.partition!] ??= []);
  list.push(info.rid);
  if (info.status === 'acked') {
    checkRecord(
      s,
      info,
      'it was acknowledged by a leader that had already been replaced (a zombie leader)',
      'R44',
    );
  }
}

/** An acks=0 send reached a broker (appended or rejected) or was lost on the way (R41). */
export function checkSentRecord(s: SimState, info: RecordInfo): void {
  if (info.status === 'sent' && !s.checker.lost[info.rid]) {
    const why =
      info.appends.length > 0
        ? 'the leader that appended it was replaced before it was replicated'
        : 'no leader appended it (acks=0 never tells the producer)';
    checkRecord(s, info, why, 'R41');
  }
}

export function checkLossesOnLeaderChange(s: SimState, partition: string, unclean = false): void {
  const p = s.controller.partitions[partition]!;
  const why =
    p.leader === null
      ? `${partition} went offline and no in-sync replica holds it`
      : `broker ${p.leader} became leader of ${partition} (epoch ${p.leaderEpoch}) without it`;
  checkPartition(s, partition, why, unclean ? 'R27' : undefined);
}

function checkPartition(s: SimState, partition: string, why: string, rule?: string): void {
  for (const rid of s.checker.succeeded[partition] ?? []) {
    const info = recordOf(s, rid)!;
    if (!s.checker.lost[rid]) checkRecord(s, info, why, rule);
  }
}

/** What each acks level can lose (R41-R43). */
function lossRule(info: RecordInfo): string {
  return info.acks === 0 ? 'R41' : info.acks === 1 ? 'R42' : 'R43';
}

const CHAIN_EVENTS: ReadonlySet<EventName> = new Set<EventName>([
  'recordAcked',
  'recordSent',
  'brokerKilled',
  'brokerStopped',
  'brokerFenced',
  'leaderChanged',
  'isrShrunk',
  'truncated',
  'networkPartitioned',
  'brokerRestarted',
]);

function checkRecord(s: SimState, info: RecordInfo, why: string, rule?: string): void {
  if (s.checker.lost[info.rid] || !isLost(s, info)) return;
  s.checker.lost[info.rid] = true;
  const partition = info.partition!;
  const replicas = s.controller.partitions[partition]?.replicas ?? [];
  const chain: LossLink[] = [];
  for (let i = s.events.length - 1; i >= 0; i--) {
    const e = s.events[i]!;
    if (e.t < info.ackedAt) break;
    if (!CHAIN_EVENTS.has(e.type)) continue;
    const about =
      e.record === info.value ||
      e.partition === partition ||
      (e.broker !== undefined && replicas.includes(e.broker) && e.partition === undefined);
    if (about) chain.unshift({ seq: e.seq, t: e.t, d: e.d, type: e.type, text: eventText(e) });
  }
  const seq = appendEvent(
    s,
    'recordLost',
    `DATA LOSS: "${info.value}" was acknowledged at ${partition} offset ${info.offset} at t=${info.ackedAt} ms, but ${why}.`,
    {
      partition,
      record: info.value,
      client: info.client,
      rule: rule ?? lossRule(info),
      data: { offset: info.offset, ackedAt: info.ackedAt },
    },
  );
  const lostEvent = s.events[s.events.length - 1]!;
  chain.push({
    seq,
    t: lostEvent.t,
    d: lostEvent.d,
    type: lostEvent.type,
    text: eventText(lostEvent),
  });
  s.checker.losses.push({
    rid: info.rid,
    value: info.value,
    partition,
    offset: info.offset,
    ackedAt: info.ackedAt,
    lostAt: s.now,
    chain,
    reason: why,
  });
}

/** A follower truncated its log (fetcher.ts): the last link of a lost record's story, and maybe a loss. */
export function checkTruncation(s: SimState, truncatedEvent: SimEvent): void {
  const b = s.brokers[truncatedEvent.broker!]!;
  const r = b.replicas[truncatedEvent.partition!]!;
  const { fromLeo, toOffset } = truncatedEvent.data as { fromLeo: number; toOffset: number };
  // A lost record that this truncation removes from a replica: the last link of its story.
  for (const loss of s.checker.losses) {
    if (loss.partition === r.partition && loss.offset >= toOffset && loss.offset < fromLeo) {
      loss.chain.push({
        seq: truncatedEvent.seq,
        t: truncatedEvent.t,
        d: truncatedEvent.d,
        type: truncatedEvent.type,
        text: eventText(truncatedEvent),
      });
    }
  }
  const p = s.controller.partitions[r.partition];
  if (!p) return;
  // A truncation loses records if no leader is left, or if the truncating broker is already the
  // controller's new leader (it truncated on a fetch answer from the old leader that arrived
  // before the news of its election).
  if (p.leader === null || p.leader === b.id) {
    const why =
      p.leader === null
        ? `broker ${b.id} truncated it and no other in-sync replica holds it`
        : `broker ${b.id}, just elected leader, truncated it on a late fetch answer from the old leader`;
    checkPartition(s, r.partition, why);
  }
  if (p.leader !== null && p.isr.includes(b.id)) {
    const leader = replicaOn(s, p.leader, r.partition);
    if (
      leader &&
      leader.role === 'leader' &&
      leader.leaderEpoch === p.leaderEpoch &&
      toOffset < leader.hw
    ) {
      violate(s, {
        invariant: 'isrDivergence',
        partition: r.partition,
        detail: `ISR member ${b.id} truncated to ${toOffset}, below the leader's high watermark ${leader.hw}`,
      });
    }
  }
}

export function noteLeaderInEpoch(
  s: SimState,
  partition: string,
  epoch: number,
  broker: number,
): void {
  const byEpoch = (s.checker.leadersByEpoch[partition] ??= {});
  const existing = byEpoch[epoch];
  if (existing !== undefined && existing !== broker) {
    violate(s, {
      invariant: 'twoLeadersOneEpoch',
      partition,
      detail: `brokers ${existing} and ${broker} both led epoch ${epoch}`,
    });
  }
  byEpoch[epoch] = broker;
}

/** After the leader's HW moved from `from`: ISR members must hold the same records below it. */
export function checkCommittedRange(s: SimState, b: Broker, r: Replica, from: number): void {
  const p = s.controller.partitions[r.partition];
  if (!p || p.leader !== b.id || p.leaderEpoch !== r.leaderEpoch) return;
  for (const id of p.isr) {
    if (id === b.id) continue;
    const f = replicaOn(s, id, r.partition);
    if (!f) continue;
    const leo = logEndOffset(f);
    if (leo < r.hw) {
      violate(s, {
        invariant: 'hwAboveIsrLeo',
        partition: r.partition,
        detail: `leader ${b.id} HW ${r.hw} is above ISR member ${id}'s LEO ${leo}`,
      });
      continue;
    }
    // Only where both still hold the records (retention deletes on each broker separately).
    for (let o = Math.max(from, r.logStartOffset, f.logStartOffset); o < r.hw; o++) {
      const a = entryAt(r, o)!;
      const c = entryAt(f, o)!;
      if (a.rid !== c.rid || a.epoch !== c.epoch) {
        violate(s, {
          invariant: 'isrDivergence',
          partition: r.partition,
          detail: `offset ${o} differs between leader ${b.id} and ISR member ${id} below the high watermark`,
        });
        break;
      }
    }
  }
}

function violate(s: SimState, v: Omit<Violation, 't'>): void {
  s.checker.violations.push({ t: s.now, ...v });
  appendEvent(
    s,
    'invariantViolated',
    `INVARIANT VIOLATED (${v.invariant}) on ${v.partition}: ${v.detail}.`,
    { partition: v.partition, data: { invariant: v.invariant } },
  );
}
