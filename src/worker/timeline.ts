// Timeline markers (kills, restarts, fencing, leader changes, ISR changes, data loss) per branch,
// collected from the event stream as the run goes; sent to the UI only when they changed.
import type { SimState } from '../engine/index';
import { historyStart, type Branch } from './history';
import type { TimelineView, TimelineMarker } from '../protocol/view';
import { markerShort } from './projection/marker-label';

const MARKED = new Set([
  'brokerKilled',
  'brokerStopped',
  'brokerRestarted',
  'brokerFenced',
  'brokerUnfenced',
  'leaderChanged',
  'isrShrunk',
  'isrExpanded',
  'recordLost',
  'controllerElected',
  'controllerKilled',
  'networkPartitioned',
  'networkHealed',
  'truncated',
]);
export const MAX_MARKERS = 600;

export class Timeline {
  private markers = new Map<number, TimelineMarker[]>();
  /** events seen per branch: [d, t] of every event, for stepping back */
  private eventPositions = new Map<number, { d: number; t: number }[]>();
  private lastSeq = new Map<number, number>();
  private version = 0;
  private sentVersion = -1;

  collect(branch: number, s: SimState): void {
    const from = this.lastSeq.get(branch) ?? -1;
    const marks = this.markers.get(branch) ?? [];
    const positions = this.eventPositions.get(branch) ?? [];
    let changed = false;
    const start = s.events.findIndex((e) => e.seq > from);
    if (start < 0) return;
    for (let i = start; i < s.events.length; i++) {
      const e = s.events[i]!;
      const prev = positions[positions.length - 1];
      if (prev && e.d < prev.d) continue; // already seen on this branch (after a seek back)
      if (!prev || e.d !== prev.d) positions.push({ d: e.d, t: e.t });
      if (MARKED.has(e.type)) {
        marks.push({
          t: e.t,
          d: e.d,
          type: e.type,
          label: labelOf(e.type, e.broker, e.partition),
          short: markerShort(e),
        });
        changed = true;
      }
    }
    this.lastSeq.set(branch, s.events[s.events.length - 1]!.seq);
    if (marks.length > MAX_MARKERS) marks.splice(0, marks.length - MAX_MARKERS);
    if (positions.length > 20_000) positions.splice(0, positions.length - 10_000);
    this.markers.set(branch, marks);
    this.eventPositions.set(branch, positions);
    if (changed) this.version++;
  }

  /** The latest event position strictly before dispatch count `d`. */
  lastEventBefore(branch: number, d: number): { d: number; t: number } | undefined {
    const positions = this.eventPositions.get(branch) ?? [];
    for (let i = positions.length - 1; i >= 0; i--) if (positions[i]!.d < d) return positions[i];
    return undefined;
  }

  fork(parent: number, child: number, d: number, lastSeq: number): void {
    this.markers.set(
      child,
      (this.markers.get(parent) ?? []).filter((m) => m.d <= d),
    );
    this.eventPositions.set(
      child,
      (this.eventPositions.get(parent) ?? []).filter((p) => p.d <= d),
    );
    this.lastSeq.set(child, lastSeq);
    this.version++;
  }

  view(branch: Branch, branches: Branch[]): TimelineView {
    const send = this.version !== this.sentVersion;
    this.sentVersion = this.version;
    return {
      head: branch.head.t,
      start: historyStart(branch).t,
      branch: branch.id,
      branches: branches.map((b) => ({ id: b.id, label: b.label, head: b.head.t })),
      markers: send ? (this.markers.get(branch.id) ?? []) : null,
    };
  }

  /** Forces the markers into the next view (after a branch switch). */
  touch(): void {
    this.version++;
  }
}

function labelOf(type: string, broker?: number, partition?: string): string {
  const who = partition ?? (broker !== undefined ? `broker ${broker}` : '');
  return `${type}${who ? ` ${who}` : ''}`;
}
