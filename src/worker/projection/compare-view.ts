// The summary of each lane in a side-by-side comparison, and what differs between them.
import { brokerStatus, type SimState, logEndOffset, logEntries } from '../../engine';
import { countRecords } from './record-counts';
import type { CompareView, LaneLogView, LaneView } from '../../protocol/view';

/** Partitions whose small logs each lane carries, and records per replica. */
const LANE_PARTITIONS = 6;
const LANE_TAIL = 10;

export function laneView(s: SimState, label: string): LaneView {
  const leaders: Record<string, number | null> = {};
  let offline = 0;
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    leaders[name] = p.leader;
    if (p.leader === null) offline++;
  }
  let acked = 0;
  let failed = 0;
  for (const c of Object.values(countRecords(s))) {
    acked += c.acked;
    failed += c.failed;
  }
  // the checker's reports: every acknowledged record lost so far (kafka-semantics R41-R43)
  const lost = [...new Set(s.checker.losses.map((l) => l.value))];
  const withLoss = [...new Set(s.checker.losses.map((l) => l.partition))];
  // every partition of a small cluster (the other lane may have lost a record in any of them)
  const shown =
    s.partitionOrder.length <= 2 * LANE_PARTITIONS
      ? s.partitionOrder
      : [...new Set([...withLoss, ...s.partitionOrder.slice(0, LANE_PARTITIONS)])];
  const logs: Record<string, LaneLogView> = {};
  for (const name of shown) logs[name] = laneLog(s, name);
  return {
    label,
    brokers: s.brokerIds.map((id) => ({ id, status: brokerStatus(s, id) })),
    leaders,
    offline,
    acked,
    failed,
    lost,
    logs,
    lostAt: s.checker.losses.map((l) => ({
      value: l.value,
      partition: l.partition,
      offset: l.offset,
    })),
  };
}

function laneLog(s: SimState, name: string): LaneLogView {
  const p = s.controller.partitions[name]!;
  return {
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    isr: p.isr,
    replicas: p.replicas.map((broker) => {
      const r = s.brokers[broker]?.replicas[name];
      const leo = r ? logEndOffset(r) : 0;
      const entries = r ? logEntries(r, leo - LANE_TAIL) : [];
      const first = leo - entries.length;
      return {
        broker,
        status: brokerStatus(s, broker),
        leo,
        hw: r?.hw ?? 0,
        tail: entries.map((e, i) => ({ offset: first + i, value: e.value })),
      };
    }),
  };
}

export function compareView(left: LaneView, right: LaneView): CompareView {
  // both mini clusters show the same partition: the first that lost a record in either lane
  const partition =
    left.lostAt[0]?.partition ?? right.lostAt[0]?.partition ?? Object.keys(left.logs)[0] ?? null;
  const trim = (lane: LaneView): LaneView => ({
    ...lane,
    logs: partition !== null && lane.logs[partition] ? { [partition]: lane.logs[partition] } : {},
  });
  return {
    lanes: [trim(left), trim(right)],
    lostOnlyLeft: left.lost.filter((v) => !right.lost.includes(v)),
    lostOnlyRight: right.lost.filter((v) => !left.lost.includes(v)),
    partition,
  };
}
