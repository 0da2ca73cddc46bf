// The summary of each lane in a side-by-side comparison, and what differs between them.
import { brokerStatus, type SimState } from '../engine/index';
import { countRecords } from './record-counts';
import type { CompareView, LaneView } from './view';

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
  return {
    label,
    brokers: s.brokerIds.map((id) => ({ id, status: brokerStatus(s, id) })),
    leaders,
    offline,
    acked,
    failed,
    lost,
  };
}

export function compareView(left: LaneView, right: LaneView): CompareView {
  return {
    lanes: [left, right],
    lostOnlyLeft: left.lost.filter((v) => !right.lost.includes(v)),
    lostOnlyRight: right.lost.filter((v) => !left.lost.includes(v)),
  };
}
