// Colours of timeline markers by event type.
export const MARKER_STYLES = [
  {
    label: 'kill / stop / restart',
    types: ['brokerKilled', 'brokerStopped', 'brokerRestarted', 'controllerKilled'],
    color: '#64748b',
    tall: true,
  },
  { label: 'fencing', types: ['brokerFenced', 'brokerUnfenced'], color: '#d97706', tall: false },
  {
    label: 'leader change',
    types: ['leaderChanged', 'controllerElected'],
    color: '#2563eb',
    tall: true,
  },
  {
    label: 'ISR shrink / expand',
    types: ['isrShrunk', 'isrExpanded'],
    color: '#7c3aed',
    tall: false,
  },
  { label: 'truncation', types: ['truncated'], color: '#0891b2', tall: false },
  {
    label: 'network',
    types: ['networkPartitioned', 'networkHealed'],
    color: '#0891b2',
    tall: false,
  },
  { label: 'data loss', types: ['recordLost'], color: '#dc2626', tall: true },
] as const;

export function markerStyle(type: string): { color: string; tall: boolean } {
  return (
    MARKER_STYLES.find((m) => (m.types as readonly string[]).includes(type)) ?? {
      color: '#94a3b8',
      tall: false,
    }
  );
}

/** Icons of the marker kinds, in the legend's order. */
export const MARKER_ICONS: { icon: string; label: string; color: string }[] = [
  { icon: '✕', label: 'kill', color: '#64748b' },
  { icon: '⊘', label: 'fenced', color: '#d97706' },
  { icon: '→', label: 'new leader', color: '#2563eb' },
  { icon: '±', label: 'ISR', color: '#7c3aed' },
  { icon: '✂', label: 'truncation / link cut', color: '#0891b2' },
  { icon: '⚠', label: 'data loss', color: '#dc2626' },
];

export interface MarkerGroup<M> {
  x: number;
  markers: M[];
}

/**
 * Markers closer than `minPx` on screen share one flag (the first one's label, "+N" for the
 * rest), so labels never overlap; markers are in time order.
 */
export function groupMarkers<M extends { t: number }>(
  markers: M[],
  x: (t: number) => number,
  minPx: number,
): MarkerGroup<M>[] {
  const groups: MarkerGroup<M>[] = [];
  for (const m of markers) {
    const px = x(m.t);
    const last = groups[groups.length - 1];
    if (last && px - last.x < minPx) last.markers.push(m);
    else groups.push({ x: px, markers: [m] });
  }
  return groups;
}

/** Which marker of a shared flag names it: a loss before a kill before an election, and so on. */
const PRIORITY = [
  'recordLost',
  'brokerKilled',
  'controllerKilled',
  'brokerStopped',
  'leaderChanged',
  'truncated',
  'brokerFenced',
  'networkPartitioned',
  'brokerRestarted',
  'controllerElected',
  'isrShrunk',
  'isrExpanded',
  'brokerUnfenced',
  'networkHealed',
];

export function headline<M extends { type: string }>(markers: M[]): M {
  const rank = (m: M) => {
    const i = PRIORITY.indexOf(m.type);
    return i < 0 ? PRIORITY.length : i;
  };
  return markers.reduce((best, m) => (rank(m) < rank(best) ? m : best));
}
