// A subtitle for a burst of events (everything that happened in the same simulated millisecond):
// one line that sums it up, e.g. "Controller fenced broker 2 → new leaders: p0 → 0, p6 → 4;
// ISRs shrink for p0, p2, p4, p6, p9", instead of the burst's last sentence.
import type { EventView } from '../../protocol/view';

/** `replicated_topic-6` -> `p6` (the topic is on screen already). */
function short(partition: string | null): string {
  if (!partition) return '?';
  const i = partition.lastIndexOf('-');
  return i < 0 ? partition : `p${partition.slice(i + 1)}`;
}

const list = (items: string[]) => [...new Set(items)].join(', ');

/** The events of the latest burst among `events` (same simulated ms as the last one). */
export function latestBurst(events: readonly EventView[]): EventView[] {
  const last = events[events.length - 1];
  if (!last) return [];
  let i = events.length - 1;
  while (i > 0 && events[i - 1]!.t === last.t) i--;
  return events.slice(i);
}

export function burstSummary(burst: readonly EventView[]): string | null {
  if (burst.length === 0) return null;
  if (burst.length === 1) return burst[0]!.text;
  const of = (type: string) => burst.filter((e) => e.type === type);
  const parts: string[] = [];
  const fenced = of('brokerFenced');
  if (fenced.length > 0)
    parts.push(`Controller fenced broker ${list(fenced.map((e) => String(e.broker)))}`);
  const leaders = of('leaderChanged');
  const lead =
    leaders.length > 0
      ? `new leaders: ${leaders.map((e) => `${short(e.partition)} → ${e.broker ?? 'none'}`).join(', ')}`
      : null;
  const rest: string[] = [];
  const shrunk = of('isrShrunk');
  if (shrunk.length > 0)
    rest.push(`ISRs shrink for ${list(shrunk.map((e) => short(e.partition)))}`);
  const grown = of('isrExpanded');
  if (grown.length > 0) rest.push(`ISRs grow for ${list(grown.map((e) => short(e.partition)))}`);
  const known = new Set(['brokerFenced', 'leaderChanged', 'isrShrunk', 'isrExpanded']);
  const other = burst.filter((e) => !known.has(e.type));
  if (parts.length === 0 && !lead && rest.length === 0) return other[other.length - 1]!.text;
  const head = [...parts, ...(lead ? [lead] : [])].join(' → ');
  const tail = [...rest, ...other.slice(0, 2).map((e) => e.text.replace(/\.$/, ''))];
  return [head, ...tail].filter((x) => x !== '').join('; ');
}
