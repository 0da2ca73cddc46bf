import type { ReplicaDetail } from '../../protocol/view';

/** Caught up yet out of the ISR: say why, so "OUT OF SYNC" never sits next to a bare "caught up". */
export function caughtUpText(status: ReplicaDetail['status'], inSync: boolean): string {
  if (inSync) return 'caught up with the leader';
  if (status === 'fenced')
    return 'caught up with the leader, but fenced: not eligible for the ISR until the controller unfences it (KIP-841)';
  return 'caught up with the leader: it rejoins the ISR once the leader has seen it reach the HW (R18)';
}
