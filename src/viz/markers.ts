// Colours of timeline markers by event type.
export const MARKER_STYLES = [
  {
    label: 'kill / stop / restart',
    types: ['brokerKilled', 'brokerStopped', 'brokerRestarted', 'controllerKilled'],
    color: '#111827',
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
    color: '#64748b',
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
