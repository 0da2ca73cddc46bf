// Message flow aggregated per link: the busiest broker-to-broker (and client) links right now.
import { useShallow } from 'zustand/react/shallow';
import { useSlowSim } from './slow-store';
import type { SimStoreState } from '../../store/store';
import { formatAddr } from '../format';
import './busiest-links.css';

const TOP = 6;
const selectLinks = (s: SimStoreState) => {
  const counts = new Map<string, number>();
  for (const m of s.view?.messages ?? []) {
    if (m.kind === 'heartbeat' || m.kind === 'heartbeatResponse') continue;
    const key = `${formatAddr(m.from)} → ${formatAddr(m.to)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP)
    .map(([k, n]) => `${k}: ${n}`);
};

export function BusiestLinks() {
  const links = useSlowSim(useShallow(selectLinks)); // counted 5 times a second while playing
  return (
    <div className="links" aria-label="Busiest links (messages in flight)">
      <span className="muted">Busiest links: </span>
      {links.length > 0 ? (
        links.map((l) => (
          <span key={l} className="link-count">
            {l}
          </span>
        ))
      ) : (
        <span className="muted">none</span>
      )}
    </div>
  );
}
