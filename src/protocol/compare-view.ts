// The summary of each lane in a side-by-side comparison, and what differs between them.
import { brokerStatus, isLostRecord, type SimState } from '../engine/index';
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
  const lost: string[] = [];
  for (const r of s.records) {
    if (r.status === 'acked' || r.status === 'sent') acked++;
    if (r.status === 'failed') failed++;
    if (isLostRecord(s, r)) lost.push(r.value);
  }
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
