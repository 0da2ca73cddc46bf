// The controller's partition changes: elections (R25-R28), ISR removal of fenced or stopping
// brokers (R19), epoch bumps (R3), and publishing the change as metadata to every broker.
import { emit } from './core';
import { checkLossesOnLeaderChange } from './checker';
import { schedule } from './core';
import { publishMetadata } from './controller-metadata';
import type { PartitionState, SimState } from './state';

export type ElectionKind = 'clean' | 'unclean' | 'preferred' | 'none';

/** Unfenced, registered and not in controlled shutdown (RCM LeaderAcceptor). */
export function isAcceptableLeader(s: SimState, broker: number): boolean {
  const reg = s.controller.brokers[broker];
  return !!reg && !reg.fenced && !reg.shuttingDown;
}

function uncleanEnabled(s: SimState, p: PartitionState): boolean {
  return s.controller.topicConfigs[p.topic]?.['unclean.leader.election.enable'] ?? false;
}

/** First replica in assignment order that is in `isr` and acceptable (R25). */
export function electCleanLeader(s: SimState, p: PartitionState, isr: number[]): number | null {
  for (const id of p.replicas) if (isr.includes(id) && isAcceptableLeader(s, id)) return id;
  return null;
}

/** First acceptable replica in assignment order, ISR or not (R27). */
function electUncleanLeader(s: SimState, p: PartitionState): number | null {
  for (const id of p.replicas) if (isAcceptableLeader(s, id)) return id;
  return null;
}

/**
 * Commits a new leader and/or ISR for a partition: leader epoch +1 when the leader field changes
 * (also to and from none), partition epoch +1 on any change (R3), then publishes it.
 */
export function commitPartitionChange(
  s: SimState,
  name: string,
  change: { leader?: number | null; isr?: number[]; recovering?: boolean },
  why: { rule: string; kind?: ElectionKind; text?: string },
): void {
  const p = s.controller.partitions[name]!;
  const prevLeader = p.leader;
  const prevIsr = p.isr;
  const leader = change.leader === undefined ? p.leader : change.leader;
  const isr = change.isr ?? p.isr;
  const leaderChanged = leader !== prevLeader;
  const isrChanged = !sameSet(isr, prevIsr);
  if (!leaderChanged && !isrChanged && change.recovering === undefined) return;
  const next: PartitionState = {
    ...p,
    leader,
    isr: [...isr],
    leaderEpoch: leaderChanged ? p.leaderEpoch + 1 : p.leaderEpoch,
    partitionEpoch: p.partitionEpoch + 1,
    recovering: change.recovering ?? (leaderChanged ? false : p.recovering),
  };
  s.controller.partitions[name] = next;
  publishMetadata(s, { type: 'partition', state: next });

  if (isrChanged) {
    const removed = prevIsr.filter((b) => !isr.includes(b));
    const added = isr.filter((b) => !prevIsr.includes(b));
    if (removed.length > 0)
      emit(
        s,
        'isrShrunk',
        `${name}: ISR shrank from [${prevIsr}] to [${isr}] (removed ${removed.join(', ')})${why.text ? `: ${why.text}` : ''}.`,
        { partition: name, rule: why.rule, data: { isr: [...isr], previousIsr: prevIsr, removed } },
      );
    if (added.length > 0)
      emit(
        s,
        'isrExpanded',
        `${name}: ISR grew from [${prevIsr}] to [${isr}] (added ${added.join(', ')})${why.text ? `: ${why.text}` : ''}.`,
        { partition: name, rule: why.rule, data: { isr: [...isr], previousIsr: prevIsr, added } },
      );
  }
  if (leaderChanged) {
    emit(s, 'leaderChanged', leaderChangeText(name, prevLeader, next, why), {
      partition: name,
      broker: leader ?? undefined,
      rule: why.rule,
      data: {
        leader,
        previousLeader: prevLeader,
        leaderEpoch: next.leaderEpoch,
        isr: [...isr],
        election: why.kind ?? 'clean',
      },
    });
    checkLossesOnLeaderChange(s, name, why.kind === 'unclean');
    trackImbalance(s, next);
  }
}

function leaderChangeText(
  name: string,
  prev: number | null,
  p: PartitionState,
  why: { kind?: ElectionKind; text?: string },
): string {
  const head =
    p.leader === null
      ? `${name} is offline: no leader (was broker ${prev})`
      : prev === null
        ? `${name}: broker ${p.leader} is the leader again`
        : `${name}: leadership moved from broker ${prev} to broker ${p.leader}`;
  const kind =
    why.kind === 'unclean'
      ? ' by UNCLEAN election (an out-of-sync replica: committed records it lacks are lost)'
      : why.kind === 'preferred'
        ? ' by preferred leader election'
        : '';
  return `${head}${kind}, leader epoch ${p.leaderEpoch}${why.text ? `: ${why.text}` : ''}.`;
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/**
 * Removes a broker that was fenced or is shutting down from every ISR and moves its
 * leaderships (R19, R22, R25); the last ISR member stays and the partition goes offline (R26),
 * unless unclean election is enabled (R27).
 */
export function removeBrokerFromPartitions(s: SimState, broker: number, reason: string): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (!p.isr.includes(broker) && p.leader !== broker) continue;
    let isr = p.isr.filter((b) => b !== broker);
    if (isr.length === 0) isr = p.isr; // never empty the ISR (R19)
    if (p.leader !== broker && p.leader !== null && isAcceptableLeader(s, p.leader)) {
      commitPartitionChange(s, name, { isr }, { rule: 'R19', text: reason });
      continue;
    }
    electOrOffline(s, name, isr, reason);
  }
}

/** Elects from `isr` (R25), else unclean if enabled (R27), else no leader (R26). */
function electOrOffline(s: SimState, name: string, isr: number[], reason: string): void {
  const p = s.controller.partitions[name]!;
  const clean = electCleanLeader(s, p, isr);
  if (clean !== null) {
    commitPartitionChange(
      s,
      name,
      { leader: clean, isr },
      {
        rule: 'R25',
        kind: 'clean',
        text: `${reason}; broker ${clean} is the first in-sync replica in assignment order [${p.replicas}]`,
      },
    );
    return;
  }
  if (uncleanEnabled(s, p)) {
    const unclean = electUncleanLeader(s, p);
    if (unclean !== null) {
      commitPartitionChange(
        s,
        name,
        { leader: unclean, isr: [unclean], recovering: true },
        {
          rule: 'R27',
          kind: 'unclean',
          text: `${reason}; no in-sync replica is available and unclean.leader.election.enable=true`,
        },
      );
      return;
    }
  }
  commitPartitionChange(
    s,
    name,
    { leader: null, isr },
    {
      rule: 'R26',
      kind: 'none',
      text: `${reason}; no in-sync replica can lead (ISR [${isr}])${uncleanEnabled(s, p) ? ' and no other replica is available for an unclean election' : ' and unclean election is disabled'}`,
    },
  );
}

/** A broker came back (unfenced): leaderless partitions get a leader again (R26, R27). */
export function electLeadersForUnfencedBroker(s: SimState, broker: number): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (p.leader !== null || !p.replicas.includes(broker)) continue;
    const clean = electCleanLeader(s, p, p.isr);
    if (clean !== null) {
      commitPartitionChange(
        s,
        name,
        { leader: clean },
        {
          rule: 'R26',
          kind: 'clean',
          text: `broker ${broker} was unfenced and broker ${clean} is in the ISR`,
        },
      );
    } else if (uncleanEnabled(s, p)) {
      electOrOffline(s, name, p.isr, `broker ${broker} was unfenced`);
    }
  }
}

/** Periodic/explicit unclean check for leaderless partitions (R27). */
export function electUncleanLeadersIfEnabled(s: SimState): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (p.leader === null && uncleanEnabled(s, p))
      electOrOffline(s, name, p.isr, 'periodic unclean leader election check');
  }
}

/**
 * Preferred leader election (R28): replicas[0] if it is in the ISR and acceptable; never unclean.
 * Returns the partitions where it could not be done.
 */
export function electPreferredLeaders(s: SimState, only?: string): string[] {
  const failed: string[] = [];
  for (const name of only ? [only] : sortedPartitionNames(s)) {
    const p = s.controller.partitions[name];
    if (!p) continue;
    const preferred = p.replicas[0]!;
    if (p.leader === preferred) continue;
    if (p.isr.includes(preferred) && isAcceptableLeader(s, preferred)) {
      commitPartitionChange(
        s,
        name,
        { leader: preferred },
        {
          rule: 'R28',
          kind: 'preferred',
          text: `broker ${preferred} is the preferred replica and in the ISR`,
        },
      );
    } else failed.push(name);
  }
  return failed;
}

function trackImbalance(s: SimState, p: PartitionState): void {
  if (p.leader !== null && p.leader !== p.replicas[0]) {
    s.controller.imbalancedSince[p.name] ??= s.now;
    const autoRebalance = s.clusterConfig['auto.leader.rebalance.enable'];
    if (autoRebalance && s.controller.rebalanceAt === 0) {
      // R28: the KRaft controller retries preferred leaders one check interval after an imbalance.
      s.controller.rebalanceAt =
        s.now + s.clusterConfig['leader.imbalance.check.interval.seconds'] * 1000;
      schedule(s, s.controller.rebalanceAt, { kind: 'leaderImbalanceCheck' });
    }
  } else delete s.controller.imbalancedSince[p.name];
}

export function sortedPartitionNames(s: SimState): string[] {
  return s.partitionOrder;
}
