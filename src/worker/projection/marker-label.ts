// The short label a timeline marker carries: an icon and who it is about ("✕ b2", "p0 → 0").
import type { SimEvent } from '../../engine/index';

function partitionShort(name: string): string {
  const at = name.lastIndexOf('-');
  return `p${name.slice(at + 1)}`;
}

export function markerShort(
  e: Pick<SimEvent, 'type' | 'broker' | 'partition' | 'record' | 'controller' | 'data'>,
): string {
  const b = e.broker !== undefined ? `b${e.broker}` : '';
  const p = e.partition ? partitionShort(e.partition) : '';
  switch (e.type) {
    case 'brokerKilled':
      return `✕ ${b}`;
    case 'brokerStopped':
      return `■ ${b}`;
    case 'brokerRestarted':
      return `↻ ${b}`;
    case 'brokerFenced':
      return `⊘ ${b}`;
    case 'brokerUnfenced':
      return `✓ ${b}`;
    case 'leaderChanged': {
      const leader = e.data?.leader;
      return `${p} → ${typeof leader === 'number' ? leader : 'none'}`;
    }
    case 'isrShrunk':
      return `${p} ISR−`;
    case 'isrExpanded':
      return `${p} ISR+`;
    case 'truncated':
      return `✂ ${p} ${b}`.trim();
    case 'recordLost':
      return `⚠ ${e.record ?? 'lost'}`;
    case 'controllerElected':
      return `◆ c${e.controller ?? ''}`;
    case 'controllerKilled':
      return `✕ c${e.controller ?? ''}`;
    case 'networkPartitioned':
      return '✂ link';
    case 'networkHealed':
      return '⚭ healed';
    default:
      return e.type;
  }
}
