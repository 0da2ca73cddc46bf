// An independent loss oracle for the property tests. It reads only plain state (controller
// partition state, broker logs, record statuses) and never uses the engine's checker.
//
// Definition (kafka-semantics.md R14, R41-R43): a record the producer was told about
//  - `acked` at offset o: it stands while the current leader's log holds it at offset o
//    (with no leader: while some ISR member's log holds it at o);
//  - `sent` (acks=0, no offset): it stands while the current leader's log holds it anywhere
//    (with no leader: some ISR member's log).
// Below a holder's log start offset every record stands: retention deleted it, which Kafka
// allows (R47); a `sent` record counts there by the offset where it was first seen.
// A record is lost the first time it does not stand (sticky: the oracle remembers the time).
// `sent` records are only judged once they have been seen in a log (they are in flight before),
// plus a final pass: a `sent` record that never reached any log is lost as well (R41).
import type { SimState } from '../index';
import { entryAt, logEndOffset, logEntries } from '../broker/log';

export interface OracleLoss {
  value: string;
  partition: string;
  t: number;
  why: string;
}

interface PartitionView {
  leader: number | null;
  isrKey: string;
  /** the log entries objects of the holders, for cheap change detection */
  logs: unknown[][];
  /** value -> offsets, per holder (leader, or ISR members without leader) */
  index: Map<string, number[]>[];
  /** per holder, its log start offset */
  starts: number[];
  holders: number[];
}

export class LossOracle {
  readonly losses = new Map<string, OracleLoss>();
  /** `sent` records seen in some replica log at least once, with the offset first seen at */
  private readonly seen = new Map<string, number>();
  private readonly views = new Map<string, PartitionView>();
  private readonly statusSeen: string[] = [];
  /** every `sent` (acks=0) record observed, value -> partition: the engine may retire it later */
  private readonly sent = new Map<string, string>();
  /** per replica log: its length and last entry at the last scan for `sent` records */
  private readonly scanned = new WeakMap<object, { length: number; last: unknown }>();

  observe(s: SimState): void {
    const changed = new Set<string>();
    for (const name of s.partitionOrder) if (this.refreshView(s, name)) changed.add(name);
    const newlySeen = this.noteSeen(s);
    for (const info of s.records) {
      const fresh = this.statusSeen[info.rid] !== info.status || newlySeen.has(info.value);
      this.statusSeen[info.rid] = info.status;
      if (info.status === 'sent') this.sent.set(info.value, info.partition ?? '?');
      if (info.status !== 'acked' && info.status !== 'sent') continue;
      if (this.losses.has(info.value) || info.partition === null) continue;
      if (!fresh && !changed.has(info.partition)) continue;
      this.judge(s, info.value, info.status, info.partition, info.offset);
    }
  }

  /** The end of the run: `sent` records that never reached a log are lost too (R41). */
  finish(s: SimState): void {
    this.observe(s);
    for (const [value, partition] of this.sent) {
      if (this.losses.has(value) || this.seen.has(value)) continue;
      this.losses.set(value, {
        value,
        partition,
        t: s.now,
        why: 'acks=0 record never reached any replica log',
      });
    }
  }

  /**
   * Losses as of now, not sticky: what the final state shows. `seenSentAt`: where a `sent`
   * record was first seen in a log (undefined: never).
   */
  static currentlyLost(s: SimState, seenSentAt?: (value: string) => number | undefined): string[] {
    const out: string[] = [];
    const tmp = new LossOracle();
    for (const name of s.partitionOrder) tmp.refreshView(s, name);
    for (const info of s.records) {
      if (info.status !== 'acked' && info.status !== 'sent') continue;
      if (info.partition === null) continue;
      const seenAt = info.status === 'sent' ? seenSentAt?.(info.value) : undefined;
      if (info.status === 'sent' && seenSentAt && seenAt === undefined) {
        out.push(info.value);
        continue;
      }
      const offset = info.status === 'acked' ? info.offset : (seenAt ?? -1);
      if (!tmp.stands(tmp.views.get(info.partition)!, info.value, info.status, offset))
        out.push(info.value);
    }
    return out;
  }

  /** Where a `sent` record was first seen in a log, if it was. */
  seenAt(value: string): number | undefined {
    return this.seen.get(value);
  }

  private judge(
    s: SimState,
    value: string,
    status: 'acked' | 'sent',
    partition: string,
    offset: number,
  ): void {
    const view = this.views.get(partition);
    if (!view) return;
    if (status === 'sent' && !this.seen.has(value)) return; // still in flight
    const at = status === 'acked' ? offset : this.seen.get(value)!;
    if (this.stands(view, value, status, at)) return;
    const where =
      view.leader !== null
        ? `leader ${view.leader} (epoch ${s.controller.partitions[partition]!.leaderEpoch})`
        : `no leader; ISR [${view.holders.join(',')}]`;
    this.losses.set(value, {
      value,
      partition,
      t: s.now,
      why: `${status === 'acked' ? `acked at offset ${offset}` : 'sent'}, not in the log of ${where}`,
    });
  }

  /** `offset`: where it was acked, or for a `sent` record where it was first seen (-1: unknown). */
  private stands(view: PartitionView, value: string, status: string, offset: number): boolean {
    return view.index.some((idx, i) => {
      if (offset >= 0 && offset < view.starts[i]!) return true;
      const offsets = idx.get(value);
      if (!offsets) return false;
      return status === 'acked' ? offsets.includes(offset) : true;
    });
  }

  /** Rebuilds the holders' indexes when the leader, the ISR or a holder's log changed. */
  private refreshView(s: SimState, name: string): boolean {
    const p = s.controller.partitions[name]!;
    // with no leader, whoever may lead: the ISR, and with ELR (R45) the eligible and last-known
    const holders = p.leader !== null ? [p.leader] : [...p.isr, ...p.elr, ...p.lastKnownElr];
    const logs = holders.map((b) => {
      const r = s.brokers[b]?.replicas[name];
      return r ? logEntries(r) : [];
    });
    const starts = holders.map((b) => s.brokers[b]?.replicas[name]?.logStartOffset ?? 0);
    const isrKey = holders.join(',');
    const old = this.views.get(name);
    if (
      old &&
      old.leader === p.leader &&
      old.isrKey === isrKey &&
      old.starts.join() === starts.join() &&
      old.logs.length === logs.length &&
      old.logs.every((l, i) => sameEntries(l, logs[i]!))
    )
      return false;
    const index = logs.map((log, i) => {
      const m = new Map<string, number[]>();
      log.forEach((e, at) => {
        const o = starts[i]! + at;
        const list = m.get(e.value);
        if (list) list.push(o);
        else m.set(e.value, [o]);
      });
      return m;
    });
    this.views.set(name, {
      leader: p.leader,
      isrKey,
      logs: logs.map((l) => [...l]),
      index,
      starts,
      holders,
    });
    return true;
  }

  /** Marks `sent` records that appear in any replica's log (no longer in flight); returns them. */
  private noteSeen(s: SimState): Set<string> {
    const unseen = new Set<string>();
    for (const info of s.records)
      if (info.status === 'sent' && !this.seen.has(info.value)) unseen.add(info.value);
    const found = new Set<string>();
    if (unseen.size === 0) return found;
    for (const b of Object.values(s.brokers))
      for (const r of Object.values(b.replicas)) {
        // a log whose length and last entry did not change since the last scan has nothing new
        const length = logEndOffset(r);
        const last = entryAt(r, length - 1);
        const before = this.scanned.get(r);
        if (before && before.length === length && before.last === last) continue;
        this.scanned.set(r, { length, last });
        logEntries(r).forEach((e, at) => {
          if (!unseen.has(e.value) || this.seen.has(e.value)) return;
          this.seen.set(e.value, r.logStartOffset + at);
          found.add(e.value);
        });
      }
    return found;
  }
}

function sameEntries(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
