// Independent invariant checks for the property tests, evaluated after every processed event.
// They read plain state only (controller partition state, registrations, replica logs, the
// quorum and the cut links) and re-derive each rule from kafka-semantics.md; none of them uses
// the engine's checker.
import type { SimState } from '../index';
import { entryAt, logEndOffset } from '../broker/log';

const CONTROLLER_EVENTS = new Set([
  'brokerFenced',
  'brokerUnfenced',
  'brokerRegistered',
  'brokerShutdownRequested',
  'leaderChanged',
  'isrShrunk',
  'isrExpanded',
]);

interface PartitionSnapshot {
  leader: number | null;
  leaderEpoch: number;
  partitionEpoch: number;
  isr: number[];
  elr: number[];
  lastKnownElr: number[];
}

export interface InvariantOptions {
  unclean: boolean;
}

export class InvariantObserver {
  readonly problems: string[] = [];
  private eventCursor = 0;
  private readonly prev = new Map<string, PartitionSnapshot>();
  /** "<broker>/<partition>/<epoch>/<incarnation>" -> highest HW seen while leading */
  private readonly leaderHw = new Map<string, number>();
  private readonly reported = new Set<string>();

  constructor(private readonly opts: InvariantOptions) {}

  observe(s: SimState): void {
    this.checkControllerLiveness(s);
    for (const name of s.partitionOrder) {
      this.checkPartitionState(s, name);
      this.checkReplicas(s, name);
    }
  }

  private fail(key: string, text: string): void {
    // one report per kind of problem and partition keeps the message readable
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(text);
  }

  /** R23: fencing, elections and ISR changes need an active controller with a quorum. */
  private checkControllerLiveness(s: SimState): void {
    const events = s.events;
    for (; this.eventCursor < events.length; this.eventCursor++) {
      const e = events[this.eventCursor]!;
      if (!CONTROLLER_EVENTS.has(e.type)) continue;
      const why = quorumProblem(s);
      if (why)
        this.fail(
          `R23/${e.type}`,
          `R23: "${e.type}" committed at t=${e.t} while ${why}: ${e.text ?? JSON.stringify(e.data)}`,
        );
    }
  }

  /** R3, R19, R25-R27: how the controller's partition state may change. */
  private checkPartitionState(s: SimState, name: string): void {
    const p = s.controller.partitions[name]!;
    const now: PartitionSnapshot = {
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      partitionEpoch: p.partitionEpoch,
      isr: [...p.isr],
      elr: [...p.elr],
      lastKnownElr: [...p.lastKnownElr],
    };
    const at = `t=${s.now} ${name}`;
    // R19: never empty without ELR; with it (R45) the ISR empties and the ELR keeps the eligible
    if (p.isr.length === 0 && !elrOn(s)) this.fail(`R19/${name}`, `R19: ${at}: the ISR is empty`);
    if (p.leader !== null && !p.isr.includes(p.leader))
      this.fail(`R19b/${name}`, `R19: ${at}: leader ${p.leader} is not in ISR [${p.isr}]`);
    const before = this.prev.get(name);
    this.prev.set(name, now);
    if (!before) return;
    if (now.leaderEpoch < before.leaderEpoch || now.partitionEpoch < before.partitionEpoch)
      this.fail(
        `R3dec/${name}`,
        `R3: ${at}: epochs went backwards (leader epoch ${before.leaderEpoch} -> ${now.leaderEpoch}, partition epoch ${before.partitionEpoch} -> ${now.partitionEpoch})`,
      );
    const leaderChanged = now.leader !== before.leader;
    const isrChanged = !sameSet(now.isr, before.isr);
    if (leaderChanged && now.leaderEpoch <= before.leaderEpoch)
      this.fail(
        `R3lead/${name}`,
        `R3: ${at}: leader ${before.leader} -> ${now.leader} without a leader-epoch bump (${now.leaderEpoch})`,
      );
    if ((leaderChanged || isrChanged) && now.partitionEpoch <= before.partitionEpoch)
      this.fail(
        `R3part/${name}`,
        `R3: ${at}: leader/ISR changed ([${before.isr}] -> [${now.isr}]) without a partition-epoch bump`,
      );
    if (!leaderChanged || now.leader === null) return;
    const reg = s.controller.brokers[now.leader];
    if (!reg || reg.fenced || reg.shuttingDown)
      this.fail(
        `R25acc/${name}`,
        `R25: ${at}: broker ${now.leader} was elected although it is ${!reg ? 'unregistered' : reg.fenced ? 'fenced' : 'shutting down'}`,
      );
    // R45: once the ISR has emptied (here or in the same change), an eligible leader replica is
    // a clean choice, and it becomes the whole ISR
    const alone = now.isr.length === 1 && now.isr[0] === now.leader;
    const fromElr = before.elr.includes(now.leader) && alone;
    // R45, balanced recovery: with the ISR and the ELR empty, the last known leader leads again
    // (an unclean election Kafka makes whatever unclean.leader.election.enable says)
    const lastKnownLeader =
      before.lastKnownElr.length === 1 && before.lastKnownElr[0] === now.leader && alone;
    if (!before.isr.includes(now.leader) && !fromElr && !lastKnownLeader) {
      if (!this.opts.unclean)
        this.fail(
          `R26/${name}`,
          `R25/R26: ${at}: broker ${now.leader} was elected from outside ISR [${before.isr}] with unclean election disabled`,
        );
      else if (now.isr.length !== 1 || now.isr[0] !== now.leader)
        this.fail(
          `R27/${name}`,
          `R27: ${at}: unclean election of ${now.leader} left ISR [${now.isr}] instead of [${now.leader}]`,
        );
    }
  }

  /** R13, R14: leader HW monotonic; ISR members hold the leader's log below its HW. */
  private checkReplicas(s: SimState, name: string): void {
    const p = s.controller.partitions[name]!;
    for (const id of p.replicas) {
      const r = s.brokers[id]?.replicas[name];
      if (r && r.hw > logEndOffset(r))
        this.fail(
          `hwleo/${name}/${id}`,
          `R11: t=${s.now} ${name}: broker ${id} HW ${r.hw} is above its LEO ${logEndOffset(r)}`,
        );
      if (r && r.hw < r.logStartOffset)
        this.fail(
          `hwlso/${name}/${id}`,
          `R47: t=${s.now} ${name}: broker ${id} HW ${r.hw} is below its log start offset ${r.logStartOffset}`,
        );
    }
    if (p.leader === null) return;
    const b = s.brokers[p.leader];
    const leader = b?.replicas[name];
    if (!b || !leader || leader.role !== 'leader' || leader.leaderEpoch !== p.leaderEpoch) return;
    const key = `${b.id}/${name}/${leader.leaderEpoch}/${b.incarnation}`;
    const seen = this.leaderHw.get(key) ?? 0;
    if (leader.hw < seen)
      this.fail(
        `R13/${name}`,
        `R13: t=${s.now} ${name}: leader ${b.id}'s HW went down from ${seen} to ${leader.hw} in epoch ${leader.leaderEpoch}`,
      );
    this.leaderHw.set(key, Math.max(seen, leader.hw));
    for (const id of p.isr) {
      if (id === b.id) continue;
      const f = s.brokers[id]?.replicas[name];
      if (!f) continue;
      if (logEndOffset(f) < leader.hw) {
        this.fail(
          `R13isr/${name}/${id}`,
          `R13: t=${s.now} ${name}: leader ${b.id} HW ${leader.hw} is above ISR member ${id}'s LEO ${logEndOffset(f)}`,
        );
        continue;
      }
      // Where both still hold records: retention deletes on each broker on its own (R47).
      for (let o = Math.max(leader.logStartOffset, f.logStartOffset); o < leader.hw; o++) {
        const a = entryAt(leader, o)!;
        const c = entryAt(f, o)!;
        if (a.value !== c.value || a.epoch !== c.epoch) {
          this.fail(
            `R14/${name}/${id}`,
            `R14: t=${s.now} ${name}: offset ${o} below HW ${leader.hw} differs between leader ${b.id} (${a.value}:e${a.epoch}) and ISR member ${id} (${c.value}:e${c.epoch})`,
          );
          break;
        }
      }
    }
  }
}

function sameSet(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function cut(s: SimState, a: string, b: string): boolean {
  return !!s.cuts[a < b ? `${a}|${b}` : `${b}|${a}`];
}

/** Why no controller may commit metadata right now, or null if one may. */
export function quorumProblem(s: SimState): string | null {
  const active = s.quorum.active;
  if (active === null) return 'there is no active controller';
  if (!s.controllers[active]?.up) return `the active controller ${active} is down`;
  const voters = s.setup.controllers;
  const reach = voters.filter(
    (v) =>
      s.controllers[v]?.up && (v === active || !cut(s, `controller:${active}`, `controller:${v}`)),
  ).length;
  if (reach * 2 <= voters.length)
    return `the active controller ${active} reaches only ${reach} of ${voters.length} voters`;
  return null;
}

/**
 * After every fault was healed and every broker and controller restarted, and the cluster had
 * time to settle: R20/R21 (each broker re-registered and is unfenced), R23 (a controller is
 * active), R25/R26 (each partition is led by a live broker acting as leader in the current
 * epoch) and R18 (every replica is back in the ISR).
 */
export function recoveryProblems(s: SimState): string[] {
  const problems: string[] = [];
  const q = quorumProblem(s);
  if (q) problems.push(`R23: no usable controller at the end: ${q}`);
  for (const id of s.brokerIds) {
    const b = s.brokers[id]!;
    const reg = s.controller.brokers[id];
    if (!b.up) problems.push(`R21: broker ${id} is down at the end`);
    else if (!b.registered || !reg || reg.fenced || reg.incarnation !== b.incarnation)
      problems.push(
        `R20/R21: broker ${id} is up but not registered and unfenced at the end (registered=${b.registered}, controller registration ${JSON.stringify(reg)}, broker incarnation ${b.incarnation})`,
      );
  }
  for (const name of s.partitionOrder) {
    const p = s.controller.partitions[name]!;
    if (p.leader === null) {
      if (!offlineAfterUncleanShutdowns(s, name))
        problems.push(`R26: ${name} has no leader at the end (ISR [${p.isr}], ELR [${p.elr}])`);
      continue;
    }
    const r = s.brokers[p.leader]?.replicas[name];
    if (!s.brokers[p.leader]?.up || !r || r.role !== 'leader' || r.leaderEpoch !== p.leaderEpoch)
      problems.push(
        `R25: ${name}: the controller's leader ${p.leader} (epoch ${p.leaderEpoch}) does not act as leader at the end (role ${r?.role}, epoch ${r?.leaderEpoch})`,
      );
    if (!sameSet(p.isr, p.replicas))
      problems.push(`R18: ${name}: ISR [${p.isr}] is not back to all replicas [${p.replicas}]`);
  }
  return problems;
}

function elrOn(s: SimState): boolean {
  return (s.setup.features?.['eligible.leader.replicas.version'] ?? 1) >= 1;
}

/**
 * R45: with ELR, a partition whose ISR emptied and whose eligible replicas all crashed (unclean
 * shutdowns leave the ELR), with no last known leader to elect again, stays offline until an
 * unclean election: Kafka's answer, not a fault.
 */
export function offlineAfterUncleanShutdowns(s: SimState, name: string): boolean {
  const p = s.controller.partitions[name]!;
  const unclean = s.controller.topicConfigs[p.topic]?.['unclean.leader.election.enable'] ?? false;
  return (
    elrOn(s) && !unclean && p.isr.length === 0 && p.elr.length === 0 && p.lastKnownElr.length !== 1
  );
}
