// Projects the engine state onto the scenario vocabulary (dump.ts) for `expect` and `--dump`.
import { isLost } from '../check/checker';
import type {
  BrokerStatus,
  ConsumeResult,
  PartitionDump,
  RecordDump,
  ReplicaDump,
  StateDump,
} from './dump';
import { entryAt, logEndOffset, logEntries } from '../broker/log';
import { effectiveMinIsr } from './topics';
import type { Replica, SimState } from './state';

export function brokerStatus(s: SimState, id: number): BrokerStatus {
  const b = s.brokers[id];
  if (!b?.up) return 'down';
  const reg = s.controller.brokers[id];
  // A restarted process is fenced until its new incarnation registers and is unfenced (R21).
  return !b.registered || !reg || reg.fenced ? 'fenced' : 'up';
}

function replicaDump(r: Replica): ReplicaDump {
  return {
    leo: logEndOffset(r),
    hw: r.hw,
    log: logEntries(r).map((e) => `${e.value}:e${e.epoch}`),
    ...(r.logStartOffset > 0 ? { logStartOffset: r.logStartOffset } : {}),
    epochCache: r.epochCache.map(([e, o]) => [e, o] as [number, number]),
  };
}

/** Record values below the current leader's HW, in offset order. */
export function committedValues(s: SimState, partition: string): string[] {
  const p = s.controller.partitions[partition];
  if (!p || p.leader === null) return [];
  const r = s.brokers[p.leader]?.replicas[partition];
  if (!r) return [];
  return logEntries(r, r.logStartOffset, r.hw).map((e) => e.value);
}

/** What a fetch by a consumer from `from` returns at this moment (R34), without changing anything. */
export function readAsConsumer(
  s: SimState,
  client: string,
  partition: string,
  from: number,
): ConsumeResult {
  const p = s.controller.partitions[partition];
  const base = { client, partition, from };
  if (!p) return { ...base, error: 'UNKNOWN_TOPIC_OR_PARTITION' };
  if (p.leader === null) return { ...base, error: 'LEADER_NOT_AVAILABLE' };
  const r = s.brokers[p.leader]?.replicas[partition];
  if (!s.brokers[p.leader]?.up || !r) return { ...base, error: 'NETWORK_EXCEPTION' };
  if (from < r.logStartOffset || from > logEndOffset(r))
    return { ...base, error: 'OFFSET_OUT_OF_RANGE' };
  return { ...base, records: logEntries(r, from, Math.max(from, r.hw)).map((e) => e.value) };
}

export function dumpState(s: SimState): StateDump {
  const brokers: StateDump['brokers'] = {};
  for (const id of s.brokerIds) brokers[id] = brokerStatus(s, id);

  const partitions: Record<string, PartitionDump> = {};
  const committed: Record<string, string[]> = {};
  const offline: string[] = [];
  const underReplicated: string[] = [];
  const underMinIsr: string[] = [];
  const leaderCounts: Record<string, number> = {};
  const followerCounts: Record<string, number> = {};
  for (const id of s.brokerIds) {
    leaderCounts[id] = 0;
    followerCounts[id] = 0;
  }
  const duplicates = new Set<string>();
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    const replicas: PartitionDump['replicas'] = {};
    for (const id of p.replicas) {
      const r = s.brokers[id]?.replicas[name];
      if (r) replicas[id] = replicaDump(r);
      if (id === p.leader) leaderCounts[id] = (leaderCounts[id] ?? 0) + 1;
      else followerCounts[id] = (followerCounts[id] ?? 0) + 1;
    }
    committed[name] = committedValues(s, name);
    const seen = new Set<string>();
    for (const v of committed[name]!) {
      if (seen.has(v)) duplicates.add(v);
      seen.add(v);
    }
    partitions[name] = {
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      isr: [...p.isr],
      elr: [...p.elr],
      lastKnownElr: [...p.lastKnownElr],
      assignment: [...p.replicas],
      replicas,
      committed: committed[name]!,
    };
    if (p.leader === null) offline.push(name);
    if (p.isr.length < p.replicas.length) underReplicated.push(name);
    if (p.isr.length < effectiveMinIsr(s, p)) underMinIsr.push(name);
  }

  const records: Record<string, RecordDump> = {};
  const lost: string[] = [];
  const uncommitted: string[] = [];
  for (const info of s.records) {
    const rec: RecordDump = {
      status: info.status,
      partition: info.partition,
      attemptErrors: [...info.attemptErrors],
    };
    if (info.status === 'acked' || info.status === 'sent') rec.offset = info.offset;
    if (info.error) rec.error = info.error;
    records[info.value] = rec;
    if (info.status !== 'acked' && info.status !== 'sent') continue;
    if (isLost(s, info)) lost.push(info.value);
    else if (isUncommitted(s, info.partition!, info.rid)) uncommitted.push(info.value);
  }

  const consume: ConsumeResult[] = [];
  for (const c of Object.values(s.consumers)) {
    for (const o of Object.values(c.outcomes)) {
      consume.push({
        client: c.id,
        partition: o.partition,
        from: o.from,
        ...(o.error ? { error: o.error } : { records: o.records ?? [] }),
      });
    }
  }

  return {
    time: s.now,
    brokers,
    controller: s.quorum.active,
    partitions,
    records,
    committed,
    lost,
    uncommitted,
    offline,
    underReplicated,
    underMinIsr,
    leaderCounts,
    followerCounts,
    duplicates: [...duplicates],
    truncations: s.truncations.map(({ broker, partition, fromLeo, toOffset }) => ({
      broker,
      partition,
      fromLeo,
      toOffset,
    })),
    consume,
  };
}

/** Told succeeded and standing in the leader's log at or above its HW. */
function isUncommitted(s: SimState, partition: string, rid: number): boolean {
  const p = s.controller.partitions[partition];
  if (!p || p.leader === null) return false;
  const r = s.brokers[p.leader]?.replicas[partition];
  if (!r) return false;
  for (let o = r.hw; o < logEndOffset(r); o++) if (entryAt(r, o)!.rid === rid) return true;
  return false;
}
