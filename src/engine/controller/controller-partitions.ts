// The controller's partition changes: elections (R25-R28), ISR removal of fenced or stopping
// brokers (R19), epoch bumps (R3), and publishing the change as metadata to every broker.
import { emit } from '../core/core';
import { schedule } from '../core/core';
import { publishMetadata } from './controller-metadata';
import { DEFAULT_FEATURES } from '../core/setup';
import type { PartitionState, SimState } from '../core/state';
import { effectiveMinIsr } from '../core/topics';

export type ElectionKind = 'clean' | 'unclean' | 'preferred' | 'none';

/** Unfenced, registered and not in controlled shutdown (RCM LeaderAcceptor). */
export function isAcceptableLeader(s: SimState, broker: number): boolean {
  const reg = s.controller.brokers[broker];
  return !!reg && !reg.fenced && !reg.shuttingDown;
}

function uncleanEnabled(s: SimState, p: PartitionState): boolean {
  return s.controller.topicConfigs[p.topic]?.['unclean.leader.election.enable'] ?? false;
}

/** R45: eligible.leader.replicas.version >= 1 (the default of a new 4.1+ cluster). */
export function elrEnabled(s: SimState): boolean {
  const level =
    s.setup.features?.['eligible.leader.replicas.version'] ??
    DEFAULT_FEATURES['eligible.leader.replicas.version'];
  return level >= 1;
}

export interface EligibleSets {
  elr: number[];
  lastKnownElr: number[];
}

/**
 * R45 (PartitionChangeBuilder.maybePopulateTargetElr): at or above min ISR the ELR is empty;
 * below it, the replicas leaving the ISR join the ELR, except those that shut down uncleanly.
 * The last-known ELR is not computed here: Kafka 4.x keeps only the last known leader in it
 * (useLastKnownLeaderInBalancedRecovery, on and not configurable), set by commitPartitionChange.
 */
export function targetElr(
  s: SimState,
  p: PartitionState,
  targetIsr: number[],
  uncleanShutdown: number | null = null,
): EligibleSets {
  if (!elrEnabled(s)) return { elr: [], lastKnownElr: [] };
  if (targetIsr.length >= effectiveMinIsr(s, p)) return { elr: [], lastKnownElr: p.lastKnownElr };
  const candidates = union(p.elr, p.isr);
  const elr = candidates.filter((r) => !targetIsr.includes(r) && r !== uncleanShutdown);
  return { elr, lastKnownElr: p.lastKnownElr };
}

function union(a: number[], b: number[]): number[] {
  return [...a, ...b.filter((x) => !a.includes(x))].sort((x, y) => x - y);
}

/**
 * R25/R45 (isValidNewLeader): an ISR member, or an ELR member once the ISR is empty, that is
 * acceptable; the first such in assignment order.
 */
export function electCleanLeader(
  s: SimState,
  p: PartitionState,
  isr: number[],
  elr: number[] = [],
): number | null {
  for (const id of p.replicas) {
    const valid = isr.includes(id) || (isr.length === 0 && elr.includes(id));
    if (valid && isAcceptableLeader(s, id)) return id;
  }
  return null;
}

/**
 * R45, balanced recovery (PartitionChangeBuilder.canElectLastKnownLeader): with the ISR and the
 * ELR empty, the last known leader may lead again once it is acceptable. Kafka elects it as an
 * unclean election, even with unclean.leader.election.enable=false.
 */
function lastKnownLeader(
  s: SimState,
  p: PartitionState,
  isr: number[],
  elr: number[],
): number | null {
  if (!elrEnabled(s) || isr.length > 0 || elr.length > 0 || p.lastKnownElr.length !== 1)
    return null;
  const last = p.lastKnownElr[0]!;
  return isAcceptableLeader(s, last) ? last : null;
}

/**
 * R45 (PartitionChangeBuilder.maybeUpdateLastKnownLeader): the first time the ISR empties, the
 * leader it had is remembered as the last known leader; once the partition has a leader again,
 * it is forgotten.
 */
function lastKnownElrAfter(
  s: SimState,
  p: PartitionState,
  change: { leader: number | null; isr: number[]; isrChanged: boolean },
  proposed: number[],
): number[] {
  if (!elrEnabled(s)) return [];
  const remembered = p.lastKnownElr.length === 1 && p.lastKnownElr[0] === p.leader;
  if (change.isrChanged && change.isr.length === 0 && p.leader !== null && !remembered)
    return [p.leader];
  if (change.leader !== null && p.lastKnownElr.length > 0) return [];
  return proposed;
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
  change: {
    leader?: number | null;
    isr?: number[];
    recovering?: boolean;
    eligible?: EligibleSets;
  },
  why: { rule: string; kind?: ElectionKind; text?: string; withMinIsrChange?: true },
): void {
  const p = s.controller.partitions[name]!;
  const prevLeader = p.leader;
  const prevIsr = p.isr;
  const leader = change.leader === undefined ? p.leader : change.leader;
  const isr = change.isr ?? p.isr;
  const leaderChanged = leader !== prevLeader;
  const isrChanged = !sameSet(isr, prevIsr);
  const proposed = change.eligible ?? { elr: p.elr, lastKnownElr: p.lastKnownElr };
  const eligible = {
    elr: proposed.elr,
    lastKnownElr: lastKnownElrAfter(s, p, { leader, isr, isrChanged }, proposed.lastKnownElr),
  };
  const elrChanged =
    !sameSet(eligible.elr, p.elr) || !sameSet(eligible.lastKnownElr, p.lastKnownElr);
  if (!leaderChanged && !isrChanged && !elrChanged && change.recovering === undefined) return;
  const next: PartitionState = {
    ...p,
    leader,
    isr: [...isr],
    elr: [...eligible.elr],
    lastKnownElr: [...eligible.lastKnownElr],
    leaderEpoch: leaderChanged ? p.leaderEpoch + 1 : p.leaderEpoch,
    partitionEpoch: p.partitionEpoch + 1,
    recovering: change.recovering ?? (leaderChanged ? false : p.recovering),
  };
  s.controller.partitions[name] = next;
  publishMetadata(
    s,
    why.withMinIsrChange
      ? { type: 'partition', state: next, withMinIsrChange: true }
      : { type: 'partition', state: next },
  );

  if (isrChanged) {
    const removed = prevIsr.filter((b) => !isr.includes(b));
    const added = isr.filter((b) => !prevIsr.includes(b));
    if (removed.length > 0 && added.length > 0)
      emit(
        s,
        'isrShrunk',
        `${name}: ISR replaced by [${isr}] (was [${prevIsr}])${why.kind === 'unclean' ? ' in an unclean election' : why.kind === 'clean' && eligible.elr.length < p.elr.length ? ' by an election from the ELR' : ''}${why.text ? `: ${why.text}` : ''}.`,
        {
          partition: name,
          rule: why.rule,
          data: { isr: [...isr], previousIsr: prevIsr, removed, added, replaced: true },
        },
      );
    else if (removed.length > 0)
      emit(
        s,
        'isrShrunk',
        `${name}: ISR shrank from [${prevIsr}] to [${isr}] (removed ${removed.join(', ')})${why.text ? `: ${why.text}` : ''}.`,
        { partition: name, rule: why.rule, data: { isr: [...isr], previousIsr: prevIsr, removed } },
      );
    else if (added.length > 0)
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
 * leaderships (R19, R22, R25). Without ELR the last ISR member stays and the partition goes
 * offline (R26); with ELR (R45) the ISR may empty, and the replicas that left it below min ISR
 * stay eligible. Unclean election if enabled (R27).
 */
export function removeBrokerFromPartitions(s: SimState, broker: number, reason: string): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (!p.isr.includes(broker) && p.leader !== broker) continue;
    let isr = p.isr.filter((b) => b !== broker);
    if (isr.length === 0 && !elrEnabled(s)) isr = p.isr; // never empty the ISR (R19)
    const eligible = targetElr(s, p, isr);
    if (p.leader !== broker && p.leader !== null && isAcceptableLeader(s, p.leader)) {
      commitPartitionChange(s, name, { isr, eligible }, { rule: 'R19', text: reason });
      continue;
    }
    electOrOffline(s, name, isr, eligible, reason);
  }
}

/**
 * Elects from the ISR, or from the ELR when the ISR is empty (R25, R45), else unclean if enabled
 * (R27), else no leader (R26).
 */
function electOrOffline(
  s: SimState,
  name: string,
  isr: number[],
  eligible: EligibleSets,
  reason: string,
): void {
  const p = s.controller.partitions[name]!;
  const clean = electCleanLeader(s, p, isr, eligible.elr);
  if (clean !== null) {
    const fromElr = !isr.includes(clean);
    commitPartitionChange(
      s,
      name,
      {
        leader: clean,
        isr: fromElr ? [clean] : isr,
        eligible: fromElr
          ? { elr: eligible.elr.filter((r) => r !== clean), lastKnownElr: eligible.lastKnownElr }
          : eligible,
      },
      {
        rule: fromElr ? 'R45' : 'R25',
        kind: 'clean',
        text: fromElr
          ? `${reason}; the ISR is empty and broker ${clean} is the first eligible leader replica (ELR [${eligible.elr}]) in assignment order [${p.replicas}]: it has every committed record`
          : `${reason}; broker ${clean} is the first in-sync replica in assignment order [${p.replicas}]`,
      },
    );
    return;
  }
  const last = lastKnownLeader(s, p, isr, eligible.elr);
  if (last !== null) {
    commitPartitionChange(
      s,
      name,
      { leader: last, isr: [last], recovering: true, eligible: { elr: [], lastKnownElr: [] } },
      {
        rule: 'R45',
        kind: 'unclean',
        text: `${reason}; the ISR and the ELR are empty and broker ${last} was the last leader: Kafka elects it again (balanced recovery of KIP-966), as an unclean election, whatever unclean.leader.election.enable says`,
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
        {
          leader: unclean,
          isr: [unclean],
          recovering: true,
          eligible: { elr: [], lastKnownElr: [] },
        },
        {
          rule: 'R27',
          kind: 'unclean',
          text: `${reason}; no in-sync${elrEnabled(s) ? ' or eligible' : ''} replica is available and unclean.leader.election.enable=true`,
        },
      );
      return;
    }
  }
  const candidates = isr.length > 0 || !elrEnabled(s) ? `ISR [${isr}]` : `ELR [${eligible.elr}]`;
  commitPartitionChange(
    s,
    name,
    { leader: null, isr, eligible },
    {
      rule: 'R26',
      kind: 'none',
      text: `${reason}; no in-sync${elrEnabled(s) ? ' or eligible' : ''} replica can lead (${candidates})${uncleanEnabled(s, p) ? ' and no other replica is available for an unclean election' : ' and unclean election is disabled'}`,
    },
  );
}

/** A broker came back (unfenced): leaderless partitions get a leader again (R26, R27, R45). */
export function electLeadersForUnfencedBroker(s: SimState, broker: number): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (p.leader !== null || !p.replicas.includes(broker)) continue;
    const canLead =
      electCleanLeader(s, p, p.isr, p.elr) !== null ||
      lastKnownLeader(s, p, p.isr, p.elr) !== null ||
      uncleanEnabled(s, p);
    if (canLead)
      electOrOffline(s, name, p.isr, targetElr(s, p, p.isr), `broker ${broker} was unfenced`);
  }
}

/** Periodic/explicit unclean check for leaderless partitions (R27). */
export function electUncleanLeadersIfEnabled(s: SimState): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (p.leader === null && uncleanEnabled(s, p))
      electOrOffline(
        s,
        name,
        p.isr,
        targetElr(s, p, p.isr),
        'periodic unclean leader election check',
      );
  }
}

/**
 * R45: a broker that registers after an unclean shutdown (a crash: no clean-shutdown marker) may
 * have lost records it had not flushed, so it leaves every ELR (ReplicationControlManager
 * handleBrokerUncleanShutdown). The last known leader is kept: it may lead again (balanced
 * recovery), which is not the same promise as an eligible replica's.
 */
export function removeUncleanlyShutDownBroker(s: SimState, broker: number): void {
  if (!elrEnabled(s)) return;
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if (!p.elr.includes(broker) && !p.isr.includes(broker)) continue;
    const isr = p.isr.filter((b) => b !== broker);
    commitPartitionChange(
      s,
      name,
      { isr, eligible: targetElr(s, p, isr, broker) },
      {
        rule: 'R45',
        text: `broker ${broker} registered after an unclean shutdown (a crash), so it is no longer an eligible leader replica`,
      },
    );
  }
}

/** R45: changing min.insync.replicas clears the ELR of the topics it applies to (KAFKA-15582). */
export function clearEligibleLeaderReplicas(s: SimState, topic: string | null): void {
  for (const name of sortedPartitionNames(s)) {
    const p = s.controller.partitions[name]!;
    if ((topic !== null && p.topic !== topic) || p.elr.length + p.lastKnownElr.length === 0)
      continue;
    commitPartitionChange(
      s,
      name,
      { eligible: { elr: [], lastKnownElr: [] } },
      {
        rule: 'R45',
        text: 'min.insync.replicas changed, which clears the ELR',
        withMinIsrChange: true,
      },
    );
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
    if (electCleanLeader(s, { ...p, replicas: [preferred] }, p.isr, p.elr) === preferred) {
      const fromElr = !p.isr.includes(preferred);
      commitPartitionChange(
        s,
        name,
        fromElr
          ? {
              leader: preferred,
              isr: [preferred],
              eligible: {
                elr: p.elr.filter((r) => r !== preferred),
                lastKnownElr: p.lastKnownElr,
              },
            }
          : { leader: preferred },
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
